// Small geometry for the client: bounding boxes (Turf's bbox, which tree-shakes to one walk over the coordinates),
// geodesic areas in km², label anchors (written out here: Turf's area and centroid modules would cost ~40 kB).
import { bbox, type AllGeoJSON } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';

export type AreaGeometry = Polygon | MultiPolygon;
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

// The mean Earth radius (IUGG), as Turf 7 uses.
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

const polygonsOf = (geometry: AreaGeometry): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/**
 * The bounding box of a geometry, a feature or a collection of them, read from the coordinates (never a stale `bbox`).
 * @example bboxOf({ type: 'Polygon', coordinates: [[[13.3, 52.4], [13.5, 52.4], [13.5, 52.6], [13.3, 52.4]]] }) // [13.3, 52.4, 13.5, 52.6]
 */
export function bboxOf(geojson: AllGeoJSON): Bbox {
  return bbox(geojson, { recompute: true }) as Bbox;
}

/**
 * Unsigned area of a ring on the sphere, in m² (Chamberlain & Duquette, "Some algorithms for polygons
 * on a sphere", JPL 2007 — the same formula Turf's `area` uses).
 */
export function ringAreaM2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [lng1 = 0, lat1 = 0] = ring[i]!;
    const [lng2 = 0, lat2 = 0] = ring[i + 1]!;
    sum += rad(lng2 - lng1) * (2 + Math.sin(rad(lat1)) + Math.sin(rad(lat2)));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

const polygonAreaM2 = (polygon: readonly Position[][]) =>
  polygon.reduce((total, ring, i) => total + (i === 0 ? 1 : -1) * ringAreaM2(ring), 0);

/**
 * Geodesic area in square kilometres, holes subtracted.
 * @example areaKm2({ type: 'Polygon', coordinates: [[[13.4, 52.5], [13.41, 52.5], [13.41, 52.51], [13.4, 52.51], [13.4, 52.5]]] }) // ≈ 0.755
 */
export function areaKm2(geometry: AreaGeometry): number {
  return (
    polygonsOf(geometry).reduce(
      (total, polygon) => total + Math.max(0, polygonAreaM2(polygon)),
      0,
    ) / 1_000_000
  );
}

/** Ray casting: is [x, y] inside the ring? */
function inRing([x, y]: [number, number], ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inPolygon(point: [number, number], polygon: readonly Position[][]): boolean {
  const [outer, ...holes] = polygon;
  return !!outer && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
}

/** Area-weighted centroid of a ring (planar, fine at neighbourhood scale). */
function ringCentroid(ring: readonly Position[]): [number, number] | null {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i]!;
    const [x2 = 0, y2 = 0] = ring[i + 1]!;
    const cross = x1 * y2 - x2 * y1;
    a += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return a === 0 ? null : [cx / (3 * a), cy / (3 * a)];
}

/** The midpoint of the widest inside stretch of a horizontal line at latitude `y`. */
function widestSpanMidpoint(polygon: readonly Position[][], y: number): [number, number] | null {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1 = 0, y1 = 0] = ring[i]!;
      const [x2 = 0, y2 = 0] = ring[i + 1]!;
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((p, q) => p - q);
  let best: [number, number] | null = null;
  let bestWidth = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1]! - xs[i]!;
    if (width > bestWidth) [best, bestWidth] = [[(xs[i]! + xs[i + 1]!) / 2, y], width];
  }
  return best;
}

/**
 * Where a neighbourhood's name goes: in its largest part, at the centroid when that lies inside,
 * else in the middle of the widest stretch through it (for C- and U-shaped areas).
 */
export function labelPoint(geometry: AreaGeometry): Point {
  let part: Position[][] = [];
  let partArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const a = polygonAreaM2(polygon);
    if (a > partArea) [part, partArea] = [polygon, a];
  }
  const outer = part[0] ?? [];
  const centroid = ringCentroid(outer);
  if (centroid && inPolygon(centroid, part)) return { type: 'Point', coordinates: centroid };
  const [, minLat, , maxLat] = bboxOf({ type: 'Polygon', coordinates: part });
  const candidates = [0.5, 0.4, 0.6, 0.3, 0.7].map((f) =>
    widestSpanMidpoint(part, minLat + f * (maxLat - minLat)),
  );
  const found = candidates.find((c): c is [number, number] => c !== null);
  return {
    type: 'Point',
    coordinates: found ?? (outer[0] as [number, number] | undefined) ?? [0, 0],
  };
}

/** One label point per area feature, carrying the feature's properties. */
export function labelPoints<P extends { id: string }>(
  features: readonly { geometry: AreaGeometry; properties: P }[],
) {
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f): Feature<Point, P> => ({
      type: 'Feature',
      geometry: labelPoint(f.geometry),
      properties: f.properties,
    })),
  };
}
