// Radius areas: the polygon derived from a centre and a radius in metres (turf.circle, scaled to the WGS 84 ellipsoid).
import { circle } from '@turf/turf';
import type { Polygon, Position } from 'geojson';

/** Turf measures on a sphere of this radius (its `earthRadius`). */
export const TURF_EARTH_RADIUS_METERS = 6_371_008.8;
const WGS84_A = 6_378_137;
const WGS84_E2 = 0.006_694_379_990_14;

/** At least this many vertices: with fewer, the polygon's area falls short of π r² by more than 0.16 %. */
export const MIN_CIRCLE_STEPS = 64;
export const DEFAULT_CIRCLE_STEPS = 128;

/**
 * The Gaussian mean radius of curvature √(M·N) of the WGS 84 ellipsoid at a latitude, in metres.
 * Turf's sphere is 0.56 % too large north–south at the equator; a sphere of this radius is off by at most
 * ±0.34 % in any direction there (less towards the poles) and keeps the circle's area right.
 * @example localEarthRadiusMeters(0) // ≈ 6 356 752
 */
export function localEarthRadiusMeters(latitude: number): number {
  const s = Math.sin((latitude * Math.PI) / 180);
  const w = 1 - WGS84_E2 * s * s;
  const meridional = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  const primeVertical = WGS84_A / Math.sqrt(w);
  return Math.sqrt(meridional * primeVertical);
}

/**
 * A circle of `radiusMeters` around `center` as a counter-clockwise Polygon with `steps` vertices (plus the closing one).
 * Throws only for programming errors (a non-positive radius, fewer than 64 steps): the API validates both first.
 * @example circlePolygon({ center: [13.405, 52.52], radiusMeters: 1000 }).coordinates[0].length // 129
 */
export function circlePolygon(options: {
  center: Position;
  radiusMeters: number;
  steps?: number;
}): Polygon {
  const { center, radiusMeters, steps = DEFAULT_CIRCLE_STEPS } = options;
  if (!(radiusMeters > 0) || !Number.isFinite(radiusMeters))
    throw new RangeError(`radiusMeters must be positive, got ${radiusMeters}`);
  if (!(steps >= MIN_CIRCLE_STEPS))
    throw new RangeError(`steps must be at least ${MIN_CIRCLE_STEPS}, got ${steps}`);
  const [lng = 0, lat = 0] = center;
  // turf.circle walks a sphere of TURF_EARTH_RADIUS_METERS; scaling the radius puts the vertices on the local ellipsoid.
  const sphereMeters = (radiusMeters * TURF_EARTH_RADIUS_METERS) / localEarthRadiusMeters(lat);
  return circle([lng, lat], sphereMeters, { steps: Math.round(steps), units: 'meters' }).geometry;
}
