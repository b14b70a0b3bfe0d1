// Radius areas are canonical as `{ center, radiusMeters }`; the polygon is derived with the server's own helper
// (turf.circle on the local ellipsoid radius, server/domain/geometry/circle), so the draft is what gets saved.
import turfDistance from '@turf/distance';
import type { Polygon, Position } from 'geojson';
import {
  circlePolygon as domainCirclePolygon,
  DEFAULT_CIRCLE_STEPS,
  localEarthRadiusMeters,
  TURF_EARTH_RADIUS_METERS,
} from '../../server/domain/geometry/circle';

/** Vertices of a derived circle: the server's default (the issue asks for at least 64). */
export const CIRCLE_STEPS = DEFAULT_CIRCLE_STEPS;
/** Preset radii offered next to the radius field. */
export const RADIUS_PRESETS_M = [250, 500, 1000, 2000, 5000] as const;
/** The presets when the workspace measures in feet and miles: 500 ft, ¼, ½, 1 and 3 mi, in metres. */
export const RADIUS_PRESETS_IMPERIAL_M = [152.4, 402.3, 804.7, 1609.3, 4828] as const;
/** The range the area schema accepts (`radiusMeters`: positive, at most 100 km). */
export const MIN_RADIUS_M = 1;
export const MAX_RADIUS_M = 100_000;

export interface CircleParams {
  center: [number, number];
  radiusMeters: number;
}

/**
 * The polygon of a circle, exactly as the server derives it for a radius area.
 * @example circlePolygon({ center: [13.4, 52.5], radiusMeters: 1000 }).coordinates[0].length // 129
 */
export function circlePolygon({ center, radiusMeters }: CircleParams): Polygon {
  return domainCirclePolygon({ center, radiusMeters, steps: CIRCLE_STEPS });
}

const EARTH_RADIUS_M = 6_378_137; // Web Mercator sphere
const toMercator = ([lng = 0, lat = 0]: Position): [number, number] => [
  (EARTH_RADIUS_M * lng * Math.PI) / 180,
  EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
];
const fromMercator = ([x, y]: [number, number]): [number, number] => [
  (x / EARTH_RADIUS_M) * (180 / Math.PI),
  (2 * Math.atan(Math.exp(y / EARTH_RADIUS_M)) - Math.PI / 2) * (180 / Math.PI),
];

/**
 * Centre and radius of a circle-like ring: the centre is the mean of its vertices in Web Mercator (exact for the
 * circles terra-draw draws and resizes on the map, within centimetres for geodesic ones), the radius the mean
 * distance from there to the vertices on the local ellipsoid radius (as `circlePolygon` lays them out), to the metre.
 * @example circleFromRing(circlePolygon({ center: [13.4, 52.5], radiusMeters: 1000 }).coordinates[0]).radiusMeters // 1000
 */
export function circleFromRing(ring: readonly Position[]): CircleParams {
  const closed =
    ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];
  const vertices = closed ? ring.slice(0, -1) : ring;
  if (vertices.length === 0) throw new Error('circleFromRing needs at least one vertex');
  let sx = 0;
  let sy = 0;
  for (const v of vertices) {
    const [x, y] = toMercator(v);
    sx += x;
    sy += y;
  }
  const center = fromMercator([sx / vertices.length, sy / vertices.length]);
  const sphere =
    vertices.reduce(
      (sum, v) => sum + turfDistance(center, v as [number, number], { units: 'meters' }),
      0,
    ) / vertices.length;
  const mean = (sphere * localEarthRadiusMeters(center[1])) / TURF_EARTH_RADIUS_METERS;
  return {
    center: [round(center[0], 7), round(center[1], 7)],
    radiusMeters: clampRadius(Math.round(mean)),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A radius the server accepts: whole metres within 1 m … 100 km. */
export function clampRadius(meters: number): number {
  if (!Number.isFinite(meters)) return MIN_RADIUS_M;
  return Math.min(MAX_RADIUS_M, Math.max(MIN_RADIUS_M, Math.round(meters)));
}

/** Whether a typed value is a radius the server accepts (the field shows an error otherwise). */
export function isValidRadius(meters: number): boolean {
  return Number.isFinite(meters) && meters >= MIN_RADIUS_M && meters <= MAX_RADIUS_M;
}
