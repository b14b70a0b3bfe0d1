// Concentric rings (0–1, 1–3, 3–5 km…) around a store or point, as donut polygons.
import type { Polygon, Position } from 'geojson';
import { circlePolygon, DEFAULT_CIRCLE_STEPS } from './circle.js';

export const RING_REASONS = {
  innerNotBelowOuter: 'inner-not-below-outer',
  tooFewBreaks: 'too-few-breaks',
  breaksNotIncreasing: 'breaks-not-increasing',
} as const;

export type RingReason = (typeof RING_REASONS)[keyof typeof RING_REASONS];
export type RingResult =
  | { ok: true; geometry: Polygon }
  | { ok: false; reason: RingReason; path: string; message: string };
export interface Ring {
  innerRadiusMeters: number;
  radiusMeters: number;
  geometry: Polygon;
}
export type RingsResult =
  { ok: true; rings: Ring[] } | { ok: false; reason: RingReason; path: string; message: string };

/**
 * The band between two circles: a Polygon whose outer ring runs counter-clockwise and whose hole runs clockwise
 * (RFC 7946's right-hand rule). An inner radius of 0 gives the full disc.
 * @example ringPolygon({ center: [13.4, 52.5], innerRadiusMeters: 1000, radiusMeters: 3000 }) // { ok: true, geometry: a donut }
 */
export function ringPolygon(options: {
  center: Position;
  innerRadiusMeters: number;
  radiusMeters: number;
  steps?: number;
}): RingResult {
  const { center, innerRadiusMeters, radiusMeters, steps = DEFAULT_CIRCLE_STEPS } = options;
  if (!(innerRadiusMeters >= 0 && innerRadiusMeters < radiusMeters)) {
    return {
      ok: false,
      reason: RING_REASONS.innerNotBelowOuter,
      path: 'params.innerRadiusMeters',
      message: `the inner radius (${innerRadiusMeters} m) must be at least 0 and below the outer radius (${radiusMeters} m)`,
    };
  }
  const outer = circlePolygon({ center, radiusMeters, steps }).coordinates[0]!;
  if (innerRadiusMeters === 0)
    return { ok: true, geometry: { type: 'Polygon', coordinates: [outer] } };
  const hole = circlePolygon({ center, radiusMeters: innerRadiusMeters, steps })
    .coordinates[0]!.slice()
    .reverse();
  return { ok: true, geometry: { type: 'Polygon', coordinates: [outer, hole] } };
}

/**
 * One ring per pair of consecutive breaks: `[0, 1000, 3000, 5000]` gives 0–1 km, 1–3 km and 3–5 km.
 * @example ringsAround({ center: [13.4, 52.5], breaksMeters: [0, 1000, 3000, 5000] }) // { ok: true, rings: [3 rings] }
 */
export function ringsAround(options: {
  center: Position;
  breaksMeters: number[];
  steps?: number;
}): RingsResult {
  const { center, breaksMeters, steps } = options;
  if (breaksMeters.length < 2) {
    return {
      ok: false,
      reason: RING_REASONS.tooFewBreaks,
      path: 'breaksMeters',
      message: 'give at least two breaks, e.g. [0, 1000]',
    };
  }
  if (!(breaksMeters[0]! >= 0)) {
    return {
      ok: false,
      reason: RING_REASONS.breaksNotIncreasing,
      path: 'breaksMeters[0]',
      message: `the first break must be 0 or more, got ${breaksMeters[0]} m`,
    };
  }
  for (let i = 1; i < breaksMeters.length; i++) {
    if (!(breaksMeters[i]! > breaksMeters[i - 1]!)) {
      return {
        ok: false,
        reason: RING_REASONS.breaksNotIncreasing,
        path: `breaksMeters[${i}]`,
        message: `breaks must increase strictly (${breaksMeters[i - 1]} m, then ${breaksMeters[i]} m)`,
      };
    }
  }
  const rings: Ring[] = [];
  for (let i = 1; i < breaksMeters.length; i++) {
    const innerRadiusMeters = breaksMeters[i - 1]!;
    const radiusMeters = breaksMeters[i]!;
    const ring = ringPolygon({
      center,
      innerRadiusMeters,
      radiusMeters,
      ...(steps ? { steps } : {}),
    });
    if (!ring.ok) return ring;
    rings.push({ innerRadiusMeters, radiusMeters, geometry: ring.geometry });
  }
  return { ok: true, rings };
}
