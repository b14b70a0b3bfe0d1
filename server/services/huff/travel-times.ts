// Huff's travel times when a routing engine is configured: minutes by car from each hexagon's centre to each store,
// asked of the engine's matrix service once per (hexagon set, store set, mode) and kept, since a city's matrix is
// hundreds of requests. A failed answer is not kept: the next request asks again.
import { createHash } from 'node:crypto';
import type { TravelMode } from '../../domain/routing/travel-modes.js';
import type { TravelTimeMatrix } from '../routing/matrix.js';

/** Huff measures pull by car: how shoppers weigh one store against another across a city. */
export const HUFF_TRAVEL_MODE: TravelMode = 'drive';
/** Matrices kept: a few resolutions × store sets, plus recent what-if sites. */
const KEPT = 24;

export interface HuffTravel {
  matrix: TravelTimeMatrix;
  mode: TravelMode;
  /** Minutes from each place to each target, row-major; NaN where there is no route. */
  minutes(
    places: readonly [number, number][],
    targets: readonly [number, number][],
  ): Promise<Float64Array>;
}

const keyOf = (mode: TravelMode, places: readonly number[][], targets: readonly number[][]) => {
  const hash = createHash('sha1');
  hash.update(mode);
  for (const list of [places, targets]) {
    hash.update('|');
    for (const [lng, lat] of list) hash.update(`${lng!.toFixed(6)},${lat!.toFixed(6)};`);
  }
  return hash.digest('hex');
};

export function createHuffTravel(
  matrix: TravelTimeMatrix,
  mode: TravelMode = HUFF_TRAVEL_MODE,
): HuffTravel {
  const kept = new Map<string, Promise<Float64Array>>();
  return {
    matrix,
    mode,
    minutes(places, targets) {
      const key = keyOf(mode, places, targets);
      const hit = kept.get(key);
      if (hit) {
        // Most recently used last: the oldest goes first when the map is full.
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const asked = matrix.minutes({ mode, sources: places, targets });
      kept.set(key, asked);
      asked.catch(() => kept.get(key) === asked && kept.delete(key));
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      return asked;
    },
  };
}
