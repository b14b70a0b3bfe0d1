// Customers reach the map as vector tiles: clusters with counts when zoomed out, single points up close.
// One Supercluster index in memory, built from the DB at start-up and rebuilt lazily after customer writes.
// A segment narrows the map to its customers: the in-memory customer index says who matches (the same compiled
// checks as audience counts), and the matching points get an index of their own, kept per view and segment.
// Who is looking changes what a tile holds (server/domain/privacy.ts):
// - store managers get an index of their stores' customers only (built on first use, kept per set of stores);
// - aggregate-only roles get clusters of at least k customers at every zoom and never a single customer: their
//   index clusters only groups of k or more (minPoints = k), stops at AGGREGATE_MAX_ZOOM, and closer tiles show
//   the clusters of that zoom; points that are not in such a cluster are left out.
// Each tile also carries a density layer (density-grid.ts): customers counted per grid cell, for the heatmap, from
// the same points the view's index holds (segment, stores and k respected alike).
import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { fromGeojsonVt } from 'vt-pbf';
import type { Db } from '../../db/connection.js';
import { iterateCustomerPoints } from '../../db/repos/customers.js';
import type { Principal } from '../../domain/permissions.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { dayOf, segmentDependsOnDay, segmentKey } from '../../domain/segment.js';
import { audienceViewFor } from '../audience/viewer.js';
import { compileSegment, type CompiledFilter } from '../audience/filter.js';
import { forEachMatchAnywhere } from '../audience/scan.js';
import type { CustomerIndex } from './customer-index.js';
import type { IndexColumns } from './columns.js';
import {
  CUSTOMER_DENSITY_LAYER,
  densityCells,
  densityGridSize,
  toUnitPoints,
  type UnitPoints,
} from './density-grid.js';

const TILE_EXTENT = 512;
/** Above this zoom every customer is a single point (Supercluster returns raw points). */
export const CLUSTER_MAX_ZOOM = 14;
/** Aggregate-only roles see the clusters of this zoom when closer in. */
export const AGGREGATE_MAX_ZOOM = 15;
export const CUSTOMER_TILE_LAYER = 'customers';
/** Filtered indexes kept at once: one per distinct set of stores, minimum group size and segment. */
const FILTERED_VIEWS_KEPT = 32;
/**
 * Of those, narrowed by a segment: a broad segment's index is nearly as large as the whole city's, and segments change
 * as people click, so only the latest few are kept (the one in use, and a few to step back to).
 */
const SEGMENT_VIEWS_KEPT = 4;

interface PointProps {
  id: string;
  tier: string;
  consent: number;
  /** The home store's id ('' without one): not personal, and it lets a store manager's map colour by store. */
  store: string;
}
interface ClusterProps {
  consented: number;
}

/** Whose view of the customers a tile shows. */
export type TileView =
  | { kind: 'all' }
  | { kind: 'stores'; storeIds: string[] }
  | { kind: 'aggregate'; minGroupSize: number };

/** What this caller may see on the map: everyone, their stores' customers, or clusters of at least k. */
export function tileViewFor(db: Db, principal: Principal): TileView {
  const view = audienceViewFor(db, principal);
  if (view.storeIds !== null) return { kind: 'stores', storeIds: view.storeIds };
  if (view.k !== null) return { kind: 'aggregate', minGroupSize: view.k };
  return { kind: 'all' };
}

export function tileViewKey(view: TileView): string {
  if (view.kind === 'all') return 'all';
  if (view.kind === 'aggregate') return `k${view.minGroupSize}`;
  return `s${[...view.storeIds].sort().join(',')}`;
}

/** Only the customers in this segment, as they are at `at` (lapsed and active days count from its UTC day). */
export interface TileSegment {
  segment: Segment;
  at: Date;
}

/**
 * What tells one segment's tiles from another's: '' for none, else the segment's canonical text, with the day when
 * its members change daily. Part of the cache key and the ETag.
 */
export function tileSegmentKey(filter: TileSegment | undefined): string {
  const key = segmentKey(filter?.segment);
  if (!key || !filter) return '';
  return segmentDependsOnDay(filter.segment) ? `${key}@${dayOf(filter.at)}` : key;
}

/** A segment compiled against the customer index, and what tells its tiles from another's (tileSegmentKey). */
export interface CompiledTileSegment {
  key: string;
  filter: CompiledFilter;
}

/** Compiles the segment on the thread that holds the index's dictionaries; undefined when nothing narrows. */
export function compileTileSegment(
  customerIndex: Pick<CustomerIndex, 'columns' | 'dictionaries' | 'rfmThresholds'>,
  segment: TileSegment | undefined,
): CompiledTileSegment | undefined {
  const key = tileSegmentKey(segment);
  if (!key || !segment) return undefined;
  const filter = compileSegment(
    segment.segment,
    customerIndex.dictionaries,
    customerIndex.columns.words,
    segment.at,
    () => customerIndex.rfmThresholds(),
  );
  return { key, filter };
}

/** Tiles from the customers table and a compiled segment: the part that runs alike here and in a pool worker. */
export interface TileIndexes {
  /** The encoded MVT for a tile, or null when the tile is empty. */
  tile(
    z: number,
    x: number,
    y: number,
    view?: TileView,
    segment?: CompiledTileSegment,
  ): Uint8Array | null;
  /** Customers changed: the indexes are rebuilt on the next tile. */
  invalidate(): void;
  readonly size: number;
}

export interface CustomerTiles {
  /** The encoded MVT for a tile, or null when the tile is empty. */
  tile(z: number, x: number, y: number, view?: TileView, segment?: TileSegment): Uint8Array | null;
  rebuild(): void;
  /** Customers changed: the indexes are rebuilt on the next tile request. */
  invalidate(): void;
  readonly size: number;
  /** Changes on every rebuild, so tile responses can carry an ETag. */
  readonly generation: number;
}

type Index = Supercluster<PointProps, ClusterProps>;
/** The customers one view shows: clustered for the customers layer, projected for the density grid. */
interface View {
  index: Index;
  unit: UnitPoints;
}

function shownView(points: PointFeature<PointProps>[], index: Index): View {
  return { index, unit: toUnitPoints(points) };
}
type TileFeature = {
  type: 1;
  geometry: [number, number][];
  tags: Record<string, unknown>;
  id?: number;
};

/**
 * @param customerIndex who matches a segment (kept in step with customer writes, like these tiles).
 */
export function createCustomerTiles(db: Db, customerIndex: CustomerIndex): CustomerTiles {
  const indexes = createTileIndexes(db, () => customerIndex.columns);
  let generation = 1;
  return {
    tile: (z, x, y, view, segment) =>
      indexes.tile(z, x, y, view, compileTileSegment(customerIndex, segment)),
    rebuild() {
      indexes.invalidate();
      void indexes.size; // builds now
      generation += 1;
    },
    invalidate() {
      indexes.invalidate();
      generation += 1;
    },
    get size() {
      return indexes.size;
    },
    get generation() {
      return generation;
    },
  };
}

/**
 * The indexes behind the tiles, built on first use and again after invalidate().
 * @param columns the customer index's columns, which say who matches a segment.
 */
export function createTileIndexes(db: Db, columns: () => IndexColumns | null): TileIndexes {
  let built: { points: PointFeature<PointProps>[]; seqs: number[]; everyone: View } | null = null;
  let views = new Map<string, View>();

  function refresh() {
    if (built) return built;
    const { points, seqs } = readPoints(db);
    const everyone = shownView(
      points,
      clusterIndex(points, { maxZoom: CLUSTER_MAX_ZOOM, minPoints: 3 }),
    );
    views = new Map();
    return (built = { points, seqs, everyone });
  }

  /** The points of the customers in the segment: one pass over the index's columns, then a look-up per point. */
  function pointsIn(filter: CompiledFilter): PointFeature<PointProps>[] {
    const c = columns();
    if (!c) throw new Error('no customer index columns yet');
    const { points, seqs } = refresh();
    const matching = new Set<number>();
    forEachMatchAnywhere(c, filter, (row) => matching.add(c.seq[row] as number));
    return points.filter((_, i) => matching.has(seqs[i] as number));
  }

  function viewOf(view: TileView, narrowed: CompiledTileSegment | undefined): View {
    const { points, everyone } = refresh();
    const segment = narrowed?.key ?? '';
    if (view.kind === 'all' && !segment) return everyone;
    const key = `${tileViewKey(view)}|${segment}`;
    let found = views.get(key);
    if (found) {
      // The latest used is the last to go.
      views.delete(key);
      views.set(key, found);
    } else {
      let shown = narrowed ? pointsIn(narrowed.filter) : points;
      if (view.kind === 'aggregate') {
        found = shownView(
          shown,
          clusterIndex(shown, {
            maxZoom: AGGREGATE_MAX_ZOOM,
            minPoints: Math.max(2, view.minGroupSize),
          }),
        );
      } else {
        if (view.kind === 'stores') {
          const stores = new Set(view.storeIds);
          shown = shown.filter((p) => stores.has(p.properties.store));
        }
        found = shownView(shown, clusterIndex(shown, { maxZoom: CLUSTER_MAX_ZOOM, minPoints: 3 }));
      }
      if (segment) {
        const narrowed = [...views.keys()].filter((k) => !k.endsWith('|'));
        if (narrowed.length >= SEGMENT_VIEWS_KEPT) views.delete(narrowed[0]!);
      }
      if (views.size >= FILTERED_VIEWS_KEPT) views.delete(views.keys().next().value!);
      views.set(key, found);
    }
    return found;
  }

  return {
    tile(z, x, y, view = { kind: 'all' }, segment) {
      const shown = viewOf(view, segment);
      const aggregate = view.kind === 'aggregate';
      const customers = aggregate
        ? aggregateFeatures(shown.index, z, x, y, view.minGroupSize)
        : (shown.index.getTile(z, x, y)?.features ?? []);
      const density = densityCells(
        shown.unit,
        { z, x, y },
        {
          gridSize: densityGridSize(z, aggregate),
          extent: TILE_EXTENT,
          minCount: aggregate ? view.minGroupSize : 1,
        },
      );
      if (customers.length === 0 && density.length === 0) return null;
      return fromGeojsonVt(
        {
          [CUSTOMER_TILE_LAYER]: { features: customers },
          [CUSTOMER_DENSITY_LAYER]: { features: density },
        } as never,
        { version: 2, extent: TILE_EXTENT },
      );
    },
    invalidate() {
      built = null;
    },
    get size() {
      return refresh().points.length;
    },
  };
}

/** Longitude and latitude of a point given in tile units at zoom z. */
function tileLng(px: number, z: number): number {
  return (px / 2 ** z) * 360 - 180;
}
function tileLat(py: number, z: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / 2 ** z))) * 180) / Math.PI;
}

/** Clusters of at least k customers only, taken from the index at min(z, its max zoom), in this tile's pixels. */
function aggregateFeatures(
  index: Index,
  z: number,
  x: number,
  y: number,
  k: number,
): TileFeature[] {
  const zoom = Math.min(z, AGGREGATE_MAX_ZOOM);
  const n = 2 ** z;
  // A little margin so cluster circles on the edge are drawn in both tiles.
  const margin = 64 / TILE_EXTENT;
  const bbox: [number, number, number, number] = [
    tileLng(x - margin, z),
    tileLat(y + 1 + margin, z),
    tileLng(x + 1 + margin, z),
    tileLat(y - margin, z),
  ];
  const features: TileFeature[] = [];
  for (const f of index.getClusters(bbox, zoom)) {
    const props = f.properties as Partial<ClusterProperties> & ClusterProps;
    if (props.cluster !== true || (props.point_count ?? 0) < k) continue;
    const [fLng, fLat] = f.geometry.coordinates as [number, number];
    const sin = Math.sin((fLat * Math.PI) / 180);
    const px = ((fLng + 180) / 360) * n;
    const py = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n;
    features.push({
      type: 1,
      geometry: [[Math.round((px - x) * TILE_EXTENT), Math.round((py - y) * TILE_EXTENT)]],
      // The consented count is a group of its own: below k it is left out.
      tags: {
        cluster: true,
        point_count: props.point_count,
        point_count_abbreviated: props.point_count_abbreviated,
        ...(props.consented >= k ? { consented: props.consented } : {}),
      },
    });
  }
  return features;
}

/** The map's points, and each one's customers-table seq (kept beside them, so it never reaches a tile). */
function readPoints(db: Db): { points: PointFeature<PointProps>[]; seqs: number[] } {
  const points: PointFeature<PointProps>[] = [];
  const seqs: number[] = [];
  for (const p of iterateCustomerPoints(db)) {
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: { id: p.id, tier: p.tier, consent: p.consent, store: p.store ?? '' },
    });
    seqs.push(p.seq);
  }
  return { points, seqs };
}

function clusterIndex(
  points: PointFeature<PointProps>[],
  { maxZoom, minPoints }: { maxZoom: number; minPoints: number },
): Index {
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: 48,
    extent: TILE_EXTENT,
    maxZoom,
    minPoints,
    map: (props) => ({ consented: props.consent }),
    reduce: (acc, props) => {
      acc.consented += props.consented;
    },
  });
  index.load(points);
  return index;
}
