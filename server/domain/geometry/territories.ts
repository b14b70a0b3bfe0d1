// Nearest-store territories: the Voronoi cell of each store (in metres, not degrees), clipped to the city.
import { bbox as bboxOf, featureCollection, point, voronoi } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { combineAreas } from './combine.js';
import { snapGeometry } from './snap.js';

export interface TerritoryStore {
  id: string;
  location: Position;
}
export interface Territory {
  storeId: string;
  geometry: Polygon | MultiPolygon;
}
export interface TerritoriesResult {
  territories: Territory[];
  /** Stores at the same spot as an earlier one: that store's territory serves both. */
  merged: { storeId: string; into: string }[];
  /** Stores whose nearest-store cell does not reach into the extent. */
  outside: string[];
  /** Cells the clipper could not cut to the extent, with its reason. */
  failed: { storeId: string; message: string }[];
}

/** Stores closer than this (decimals of a degree: 7 ≈ 1 cm) count as the same spot. */
const SAME_SPOT_DIGITS = 7;

function dedupe(stores: TerritoryStore[]): {
  unique: TerritoryStore[];
  merged: TerritoriesResult['merged'];
} {
  const firstAt = new Map<string, string>();
  const unique: TerritoryStore[] = [];
  const merged: TerritoriesResult['merged'] = [];
  for (const store of stores) {
    const key = store.location
      .slice(0, 2)
      .map((v) => v.toFixed(SAME_SPOT_DIGITS))
      .join(',');
    const into = firstAt.get(key);
    if (into !== undefined) merged.push({ storeId: store.id, into });
    else {
      firstAt.set(key, store.id);
      unique.push(store);
    }
  }
  return { unique, merged };
}

/**
 * One territory per store: the part of `extent` closer to it than to any other store. Distances are measured in a
 * local frame where a degree of longitude is shortened by cos(latitude), so borders sit halfway in metres.
 * Stores on the same spot share the first one's territory (listed in `merged`). One store gets the whole extent.
 * Never throws: what cannot be computed is listed in `outside` or `failed`.
 * @example nearestStoreTerritories({ stores: [{ id: 'a', location: [13.3, 52.5] }, { id: 'b', location: [13.5, 52.5] }], extent }).territories.length // 2
 */
export function nearestStoreTerritories(options: {
  stores: TerritoryStore[];
  extent: Polygon | MultiPolygon;
}): TerritoriesResult {
  const { unique, merged } = dedupe(options.stores);
  const result: TerritoriesResult = { territories: [], merged, outside: [], failed: [] };
  const extent = snapGeometry(options.extent, 9);
  if (!extent || unique.length === 0) {
    result.outside.push(...unique.map((s) => s.id));
    return result;
  }
  if (unique.length === 1) {
    result.territories.push({ storeId: unique[0]!.id, geometry: extent });
    return result;
  }
  try {
    const [eMinX, eMinY, eMaxX, eMaxY] = bboxOf(extent);
    const [sMinX, sMinY, sMaxX, sMaxY] = bboxOf(
      featureCollection(unique.map((s) => point(s.location))),
    );
    const [minX, minY, maxX, maxY] = [
      Math.min(eMinX, sMinX),
      Math.min(eMinY, sMinY),
      Math.max(eMaxX, sMaxX),
      Math.max(eMaxY, sMaxY),
    ];
    const squash = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
    const pad = Math.max(maxX - minX, maxY - minY) * 0.1 + 1e-6;
    const cells = voronoi(
      featureCollection(unique.map((s) => point([s.location[0]! * squash, s.location[1]!]))),
      {
        bbox: [(minX - pad) * squash, minY - pad, (maxX + pad) * squash, maxY + pad],
      },
    );
    unique.forEach((store, i) => {
      const cell = cells.features[i]?.geometry;
      if (!cell) return void result.failed.push({ storeId: store.id, message: 'no Voronoi cell' });
      const unsquashed: Polygon = {
        type: 'Polygon',
        coordinates: cell.coordinates.map((ring) => ring.map(([x = 0, y = 0]) => [x / squash, y])),
      };
      const clipped = combineAreas('intersect', [unsquashed, extent]);
      if (clipped.ok) result.territories.push({ storeId: store.id, geometry: clipped.geometry });
      else if (clipped.reason === 'empty') result.outside.push(store.id);
      else result.failed.push({ storeId: store.id, message: clipped.message });
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const done = new Set([
      ...result.territories.map((t) => t.storeId),
      ...result.outside,
      ...result.failed.map((f) => f.storeId),
    ]);
    for (const store of unique)
      if (!done.has(store.id)) result.failed.push({ storeId: store.id, message });
  }
  return result;
}
