// Customers reach the map as vector tiles: clusters with counts when zoomed out, single points up close.
// One Supercluster index in memory, built from the DB at start-up and rebuilt after customer writes.
import Supercluster, { type PointFeature } from 'supercluster';
import { fromGeojsonVt } from 'vt-pbf';
import type { Db } from '../db/connection.js';
import { iterateCustomerPoints } from '../db/repos/customers.js';

const TILE_EXTENT = 512;
/** Above this zoom every customer is a single point (Supercluster returns raw points). */
export const CLUSTER_MAX_ZOOM = 14;
export const CUSTOMER_TILE_LAYER = 'customers';

interface PointProps {
  id: string;
  tier: string;
  consent: number;
}
interface ClusterProps {
  consented: number;
}

export interface CustomerTiles {
  /** The encoded MVT for a tile, or null when the tile is empty. */
  tile(z: number, x: number, y: number): Uint8Array | null;
  rebuild(): void;
  readonly size: number;
  /** Changes on every rebuild, so tile responses can carry an ETag. */
  readonly generation: number;
}

export function createCustomerTiles(db: Db): CustomerTiles {
  let { index, size } = build(db);
  let generation = 1;
  return {
    tile(z, x, y) {
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) return null;
      return fromGeojsonVt({ [CUSTOMER_TILE_LAYER]: tile }, { version: 2, extent: TILE_EXTENT });
    },
    rebuild() {
      ({ index, size } = build(db));
      generation += 1;
    },
    get size() {
      return size;
    },
    get generation() {
      return generation;
    },
  };
}

function build(db: Db): { index: Supercluster<PointProps, ClusterProps>; size: number } {
  const points: PointFeature<PointProps>[] = [];
  for (const p of iterateCustomerPoints(db)) {
    points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { id: p.id, tier: p.tier, consent: p.consent } });
  }
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: 48,
    extent: TILE_EXTENT,
    maxZoom: CLUSTER_MAX_ZOOM,
    minPoints: 3,
    map: (props) => ({ consented: props.consent }),
    reduce: (acc, props) => {
      acc.consented += props.consented;
    },
  });
  index.load(points);
  return { index, size: points.length };
}
