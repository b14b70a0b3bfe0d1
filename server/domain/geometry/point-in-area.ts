// Is a point inside a Polygon or MultiPolygon? Points on an edge or vertex count as inside (a point on a hole's
// edge too: it is on the boundary); points strictly inside a hole are outside.
// The arithmetic mirrors point-in-polygon-hao (what Turf's booleanPointInPolygon uses), down to its exact orientation
// test from robust-predicates, so both agree on every point, including points exactly on an edge; area-grid.ts reuses
// `crossingsAt` for its edge cells.
import { orient2d } from 'robust-predicates';
import type { AreaGeometry } from '../schemas/geojson.js';

export type Position = readonly [number, number, ...number[]] | readonly number[];

/** `crossingsAt` answers: the point lies on this segment. */
export const ON_BOUNDARY = -1;

/**
 * For the segment (ax, ay)–(bx, by): ON_BOUNDARY when (x, y) lies on it, 1 when a ray from (x, y) towards −x
 * crosses it (counted half-open, so a vertex on the ray counts once), else 0.
 */
export function crossingsAt(
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const u1 = ax - x;
  const v1 = ay - y;
  const u2 = bx - x;
  const v2 = by - y;
  if (v1 === 0 && v2 === 0) return (u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0) ? ON_BOUNDARY : 0;
  if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
    // The exact sign of u2·v1 − u1·v2 (Shewchuk's adaptive predicate): "on the edge" without rounding error.
    const f = orient2d(u1, u2, v1, v2, 0, 0);
    if (f === 0) return ON_BOUNDARY;
    if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) return 1;
  }
  return 0;
}

/** 1 inside, 0 on the boundary, −1 outside one polygon (outer ring and holes; parity over all its rings). */
export function pointInRings(
  x: number,
  y: number,
  rings: readonly (readonly Position[])[],
): 1 | 0 | -1 {
  let crossings = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      const k = crossingsAt(x, y, a[0] as number, a[1] as number, b[0] as number, b[1] as number);
      if (k === ON_BOUNDARY) return 0;
      crossings += k;
    }
  }
  return crossings % 2 === 1 ? 1 : -1;
}

/**
 * Whether `[lng, lat]` lies in the area, its boundary included. Rings must be closed (first = last position).
 * @example pointInArea([1, 1], { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // true
 * @example pointInArea([2, 1], { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // true (on the edge)
 */
export function pointInArea([x, y]: Position, geometry: AreaGeometry): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => pointInRings(x as number, y as number, rings) >= 0);
}
