// Is this a usable target area? Reasons (not throws) with the path of the first bad part, for 422 answers.
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { firstCrossing } from './self-intersections.js';

export const AREA_REASONS = {
  notAreaGeometry: 'not-area-geometry',
  malformed: 'malformed',
  coordinateOutOfRange: 'coordinate-out-of-range',
  ringTooShort: 'ring-too-short',
  ringNotClosed: 'ring-not-closed',
  tooManyVertices: 'too-many-vertices',
  nonPositiveArea: 'non-positive-area',
  selfIntersection: 'self-intersection',
  holeOutsideShell: 'hole-outside-shell',
  overlappingPolygons: 'overlapping-polygons',
} as const;

export const MAX_AREA_VERTICES = 20_000;

export type AreaReason = (typeof AREA_REASONS)[keyof typeof AREA_REASONS];
export type AreaValidation =
  | { ok: true; geometry: Polygon | MultiPolygon }
  | { ok: false; reason: AreaReason; path: string; message: string; at?: [number, number] };

type Failure = Extract<AreaValidation, { ok: false }>;
const fail = (
  reason: AreaReason,
  path: string,
  message: string,
  at?: [number, number],
): Failure => ({ ok: false, reason, path, message, ...(at ? { at } : {}) });
const fmt = (p: readonly number[]) => `[${p.map((v) => +v.toFixed(7)).join(', ')}]`;

/** The polygons as lists of rings, each with the path prefix it was found at. */
type Shape = { path: string; rings: Position[][] }[];

function shapeOf(geometry: { type: string; coordinates: unknown }): Shape | Failure {
  const isArray = Array.isArray;
  const { coordinates } = geometry;
  if (!isArray(coordinates) || coordinates.length === 0)
    return fail(
      AREA_REASONS.malformed,
      'geometry.coordinates',
      'coordinates must be a non-empty array',
    );
  const polygons =
    geometry.type === 'Polygon'
      ? [{ path: 'geometry.coordinates', rings: coordinates }]
      : coordinates.map((rings, i) => ({ path: `geometry.coordinates[${i}]`, rings }));
  for (const polygon of polygons) {
    if (!isArray(polygon.rings) || polygon.rings.length === 0)
      return fail(
        AREA_REASONS.malformed,
        polygon.path,
        'a polygon must be a non-empty array of rings',
      );
    for (const [r, ring] of (polygon.rings as unknown[]).entries()) {
      if (!isArray(ring))
        return fail(
          AREA_REASONS.malformed,
          `${polygon.path}[${r}]`,
          'a ring must be an array of [lng, lat] positions',
        );
      for (const [i, position] of ring.entries()) {
        const path = `${polygon.path}[${r}][${i}]`;
        if (
          !isArray(position) ||
          position.length < 2 ||
          position.some((v) => typeof v !== 'number' || !Number.isFinite(v))
        ) {
          return fail(
            AREA_REASONS.malformed,
            path,
            `${path} must be [lng, lat] with two finite numbers`,
          );
        }
        // RFC 7946 § 3.1.1: at most an altitude after longitude and latitude.
        if (position.length > 3)
          return fail(
            AREA_REASONS.malformed,
            path,
            `${path} has ${position.length} members; a position is [lng, lat] or [lng, lat, altitude]`,
          );
        const [lng, lat] = position as [number, number];
        if (Math.abs(lng) > 180 || Math.abs(lat) > 90) {
          const swapped = Math.abs(lat) <= 180 && Math.abs(lng) <= 90;
          const hint = swapped
            ? '; longitude and latitude look swapped (GeoJSON wants [lng, lat])'
            : '';
          return fail(
            AREA_REASONS.coordinateOutOfRange,
            path,
            `${path} ${fmt(position)} is out of range: longitude must be within ±180 and latitude within ±90${hint}`,
          );
        }
      }
    }
  }
  return polygons as Shape;
}

function checkRings(shape: Shape): Failure | null {
  let vertices = 0;
  for (const polygon of shape) {
    for (const [r, ring] of polygon.rings.entries()) {
      const path = `${polygon.path}[${r}]`;
      if (ring.length < 4)
        return fail(
          AREA_REASONS.ringTooShort,
          path,
          `${path} has ${ring.length} positions; a ring needs at least 4 (the last repeating the first)`,
        );
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return fail(
          AREA_REASONS.ringNotClosed,
          path,
          `${path} is not closed: it starts at ${fmt(first)} and ends at ${fmt(last)}; repeat the first position at the end`,
        );
      }
      vertices += ring.length;
    }
  }
  if (vertices > MAX_AREA_VERTICES) {
    return fail(
      AREA_REASONS.tooManyVertices,
      'geometry.coordinates',
      `the area has ${vertices.toLocaleString('en')} positions; at most ${MAX_AREA_VERTICES.toLocaleString('en')} are allowed (simplify it first)`,
    );
  }
  return null;
}

/** Twice the planar signed area in degrees² (shoelace about the first vertex, which keeps rounding noise tiny). */
function doubledArea(ring: Position[]): number {
  const [x0 = 0, y0 = 0] = ring[0]!;
  let sum = 0;
  for (let i = 1; i + 2 < ring.length; i++) {
    sum +=
      (ring[i]![0]! - x0) * (ring[i + 1]![1]! - y0) - (ring[i + 1]![0]! - x0) * (ring[i]![1]! - y0);
  }
  return sum;
}

/** A ring is flat when its area is nothing next to its extent: all points on one line, or all the same point. */
function isFlat(ring: Position[]): boolean {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of ring)
    [minX, minY, maxX, maxY] = [
      Math.min(minX, x),
      Math.min(minY, y),
      Math.max(maxX, x),
      Math.max(maxY, y),
    ];
  const extent = (maxX - minX) ** 2 + (maxY - minY) ** 2;
  return extent === 0 || Math.abs(doubledArea(ring)) <= 1e-10 * extent;
}

function checkShape(shape: Shape): Failure | null {
  const rings = shape.flatMap((polygon) =>
    polygon.rings.map((ring, r) => ({ path: `${polygon.path}[${r}]`, ring })),
  );
  const crossing = firstCrossing(rings.map((x) => x.ring));
  if (crossing) {
    const a = `${rings[crossing.a.ring]!.path}[${crossing.a.index}]`;
    const b = `${rings[crossing.b.ring]!.path}[${crossing.b.index}]`;
    const at: [number, number] = [+crossing.at[0].toFixed(7), +crossing.at[1].toFixed(7)];
    return fail(
      AREA_REASONS.selfIntersection,
      a,
      `the outline crosses itself at ${fmt(at)} (lng, lat): the edge from ${a} meets the edge from ${b}`,
      at,
    );
  }
  for (const polygon of shape) {
    for (const [r, ring] of polygon.rings.entries()) {
      const path = `${polygon.path}[${r}]`;
      if (isFlat(ring))
        return fail(
          AREA_REASONS.nonPositiveArea,
          path,
          `${path} encloses no area (all its points lie on one line)`,
        );
    }
  }
  for (const polygon of shape) {
    const shell: Polygon = { type: 'Polygon', coordinates: [polygon.rings[0]!] };
    for (let r = 1; r < polygon.rings.length; r++) {
      // The rings do not cross (checked above), so one vertex tells whether the whole hole is inside.
      if (!booleanPointInPolygon(polygon.rings[r]![0]!, shell)) {
        return fail(
          AREA_REASONS.holeOutsideShell,
          `${polygon.path}[${r}]`,
          `the hole ${polygon.path}[${r}] lies outside its outer ring ${polygon.path}[0]`,
        );
      }
    }
  }
  // Polygons of a MultiPolygon that do not cross may still nest: one inside another (but not inside its hole) overlaps it.
  for (const [i, inner] of shape.entries()) {
    for (const [k, outer] of shape.entries()) {
      if (
        i !== k &&
        booleanPointInPolygon(inner.rings[0]![0]!, { type: 'Polygon', coordinates: outer.rings })
      ) {
        return fail(
          AREA_REASONS.overlappingPolygons,
          inner.path,
          `the polygon ${inner.path} lies inside the polygon ${outer.path}; merge them or make it a hole`,
        );
      }
    }
  }
  return null;
}

/**
 * Checks a would-be area geometry: a Polygon or MultiPolygon of closed rings (≥ 4 positions) with coordinates in range,
 * at most 20,000 positions, no self-intersection, no flat ring and no hole outside its shell. Never throws.
 * Paths look like `geometry.coordinates[0][3]` (`[polygon][ring][position]` for MultiPolygons).
 * @example validateAreaGeometry({ type: 'Point', coordinates: [0, 0] }) // { ok: false, reason: 'not-area-geometry', path: 'geometry.type', … }
 */
export function validateAreaGeometry(geometry: unknown): AreaValidation {
  if (typeof geometry !== 'object' || geometry === null || Array.isArray(geometry)) {
    return fail(
      AREA_REASONS.notAreaGeometry,
      'geometry',
      'the geometry must be a GeoJSON Polygon or MultiPolygon object',
    );
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return fail(
      AREA_REASONS.notAreaGeometry,
      'geometry.type',
      `an area must be a Polygon or MultiPolygon, not ${typeof type === 'string' ? type : String(type)}`,
    );
  }
  const shape = shapeOf({ type, coordinates });
  if (!Array.isArray(shape)) return shape;
  const problem = checkRings(shape) ?? checkShape(shape);
  if (problem) return problem;
  return { ok: true, geometry: { type, coordinates } as Polygon | MultiPolygon };
}
