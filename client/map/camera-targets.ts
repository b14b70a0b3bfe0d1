// Where the app's own camera moves stop: never closer than the basemap has detail for, and small subjects (an event's
// reach, a white-space cell) with enough of their streets around them to know where they are.
import type { CameraTarget } from '../store/types';
import type { Bbox } from './geometry';

/** The closest zoom the app flies or fits to: street lines and names are drawn to here, nothing more past it. */
export const MAX_APP_ZOOM = 16;
/** A store opened from a list or search: its block and the streets around it. */
export const PLACE_ZOOM = 14;

const METERS_PER_DEGREE_LAT = 111_320;

/**
 * A zoom the app may fly to: at least the one asked for (a closer view the person chose stays), at most {@link MAX_APP_ZOOM}.
 * @example flightZoom({ current: 18.5, wanted: 14 }) // 16
 */
export function flightZoom({ current, wanted }: { current: number; wanted: number }): number {
  return Math.min(MAX_APP_ZOOM, Math.max(current, wanted));
}

/**
 * A circle of `radiusMeters` with as much again around it on every side, so the reach and its neighbourhood fit.
 * @example aroundCircle({ center: [13.4, 52.5], radiusMeters: 800 }) // { bbox: [13.37…, 52.48…, 13.42…, 52.51…] }
 */
export function aroundCircle({
  center,
  radiusMeters,
}: {
  center: [number, number];
  radiusMeters: number;
}): CameraTarget {
  const reach = 2 * radiusMeters;
  const dLat = reach / METERS_PER_DEGREE_LAT;
  const dLng = reach / (METERS_PER_DEGREE_LAT * Math.cos((center[1] * Math.PI) / 180));
  return { bbox: [center[0] - dLng, center[1] - dLat, center[0] + dLng, center[1] + dLat] };
}

/**
 * A box grown by `share` of its width and height on each side: the shape, and the streets that say where it is.
 * @example withSurroundings([0, 0, 1, 1], 0.5) // { bbox: [-0.5, -0.5, 1.5, 1.5] }
 */
export function withSurroundings(
  [minLng, minLat, maxLng, maxLat]: Bbox,
  share = 0.5,
): CameraTarget {
  const dLng = (maxLng - minLng) * share;
  const dLat = (maxLat - minLat) * share;
  return { bbox: [minLng - dLng, minLat - dLat, maxLng + dLng, maxLat + dLat] };
}
