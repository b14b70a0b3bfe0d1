// Which saved areas contain a point: an R-tree (Flatbush) over the areas' bounding boxes narrows 10,000 areas to the
// few whose box holds the point, and the exact point-in-area test (edges count as inside, like everywhere else in
// Catchment) decides. Built once per change of the areas in play; a lookup allocates only its small answer.
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry } from '../domain/schemas/geojson.js';
import { pointInArea } from '../domain/geometry/point-in-area.js';

export interface LookupArea {
  id: string;
  geometry: AreaGeometry | Polygon | MultiPolygon;
}

export interface AreaLookup {
  readonly size: number;
  /** The ids of the areas containing [lng, lat], boundary included, in the order they were given. */
  areasAt(lng: number, lat: number): string[];
}

function bboxOf(geometry: LookupArea['geometry']): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // The outer rings bound everything: holes lie inside them.
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < minX) minX = x!;
      if (y! < minY) minY = y!;
      if (x! > maxX) maxX = x!;
      if (y! > maxY) maxY = y!;
    }
  }
  return [minX, minY, maxX, maxY];
}

export function buildAreaLookup(areas: readonly LookupArea[]): AreaLookup {
  if (areas.length === 0) return { size: 0, areasAt: () => [] };
  const index = new Flatbush(areas.length);
  for (const area of areas) index.add(...bboxOf(area.geometry));
  index.finish();
  return {
    size: areas.length,
    areasAt(lng, lat) {
      const hits = index.search(lng, lat, lng, lat, (i) => pointInArea([lng, lat], areas[i]!.geometry as AreaGeometry));
      // Flatbush answers in tree order; callers get the areas' own order so answers are stable.
      return hits.sort((a, b) => a - b).map((i) => areas[i]!.id);
    },
  };
}
