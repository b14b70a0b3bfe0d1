// How saved areas overlap each other and the neighbourhoods: the shared km² of two areas, and an area's population
// estimated from the neighbourhoods it covers. Both go through combineAreas, so a clipper failure is reported as
// "unknown" (null), never thrown.
import { bbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { combineAreas } from './combine.js';
import { areaKm2 } from './measure.js';

type Shape = Polygon | MultiPolygon;

const boxesMeet = (a: Shape, b: Shape) => {
  const [aMinX, aMinY, aMaxX, aMaxY] = bbox(a);
  const [bMinX, bMinY, bMaxX, bMaxY] = bbox(b);
  return aMinX <= bMaxX && bMinX <= aMaxX && aMinY <= bMaxY && bMinY <= aMaxY;
};

/** What two areas share: its geometry (null when they do not meet) and km²; `failed` when the clipper gave up. */
export type Shared =
  { ok: true; geometry: Shape | null; km2: number } | { ok: false; message: string };

/**
 * The part two areas have in common.
 * @example sharedPart(circleAroundA, circleAroundB) // { ok: true, geometry: the lens, km2: 0.42 }
 */
export function sharedPart(a: Shape, b: Shape): Shared {
  if (!boxesMeet(a, b)) return { ok: true, geometry: null, km2: 0 };
  const result = combineAreas('intersect', [a, b]);
  if (result.ok) return { ok: true, geometry: result.geometry, km2: areaKm2(result.geometry) };
  if (result.reason === 'empty') return { ok: true, geometry: null, km2: 0 };
  return { ok: false, message: result.message };
}

export interface PopulatedShape {
  population: number;
  geometry: Shape;
}

/**
 * People living in `area`, from the neighbourhoods it covers, each assumed evenly spread over its own area (areal
 * weighting). `complete` is false when some overlap could not be computed; the sum then leaves those out.
 * @example populationWithin(wholeNeighbourhood, [{ population: 12000, geometry: wholeNeighbourhood }]) // { population: 12000, complete: true }
 */
export function populationWithin(
  area: Shape,
  neighbourhoods: readonly PopulatedShape[],
): { population: number; complete: boolean } {
  let population = 0;
  let complete = true;
  for (const hood of neighbourhoods) {
    if (hood.population <= 0) continue;
    const shared = sharedPart(area, hood.geometry);
    if (!shared.ok) {
      complete = false;
      continue;
    }
    const whole = areaKm2(hood.geometry);
    if (shared.km2 > 0 && whole > 0)
      population += hood.population * Math.min(1, shared.km2 / whole);
  }
  return { population: Math.round(population), complete };
}
