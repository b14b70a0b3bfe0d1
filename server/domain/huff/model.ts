// The Huff model: the probability that the residents of a place choose a store, in proportion to the store's
// attractiveness A raised to α over its distance d raised to λ: P(j | i) = A_j^α d_ij^−λ / Σ_k A_k^α d_ik^−λ.
// Everything is kept in logs (u_ij = α ln A_j − λ ln d_ij) and flat typed arrays (row i = a place, column j = a
// store), so a city of a few thousand hexagons and hundreds of stores is a few milliseconds.

export interface HuffParams {
  /** λ: how fast the pull of a store falls with distance (2 = inverse square). */
  decay: number;
  /** α: how much attractiveness counts (0 = not at all, 1 = proportionally). */
  attractivenessWeight: number;
}

/** Distance between two [lng, lat] points in km; the seam where travel times (minutes) can replace it. */
export type DistanceFn = (from: [number, number], to: [number, number]) => number;

/** Places closer than this to a store count as this far: a hexagon's residents do not all live at the door. */
export const MIN_DISTANCE_KM = 0.25;

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. @example haversineKm([13.4, 52.5], [13.4, 52.6]) // ≈ 11.12 */
export function haversineKm(
  [lng1, lat1]: [number, number],
  [lng2, lat2]: [number, number],
): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The model's fixed inputs: ln d per place × store (row-major) and ln A per store. */
export interface HuffInputs {
  places: number;
  stores: number;
  /** places × stores, row i = place i. */
  logDistance: Float64Array;
  logAttractiveness: Float64Array;
}

export interface HuffStore {
  location: [number, number];
  /** Any positive measure of pull: the 1–5 attractiveness, or floor area in m². */
  attractiveness: number;
}

/**
 * Logs of distances and attractiveness for places (e.g. hexagon centres) and stores.
 * @example huffInputs({ places: [[13.4, 52.5]], stores: [{ location: [13.41, 52.5], attractiveness: 3 }] })
 */
export function huffInputs({
  places,
  stores,
  distance = haversineKm,
  minDistance = MIN_DISTANCE_KM,
}: {
  places: readonly [number, number][];
  stores: readonly HuffStore[];
  distance?: DistanceFn;
  minDistance?: number;
}): HuffInputs {
  const logDistance = new Float64Array(places.length * stores.length);
  for (let i = 0; i < places.length; i++) {
    const row = i * stores.length;
    for (let j = 0; j < stores.length; j++)
      logDistance[row + j] = Math.log(
        Math.max(minDistance, distance(places[i]!, stores[j]!.location)),
      );
  }
  const logAttractiveness = Float64Array.from(stores, (s) => Math.log(s.attractiveness));
  return { places: places.length, stores: stores.length, logDistance, logAttractiveness };
}

/**
 * P(store j | place i) for every place and store, row-major (each row sums to 1).
 * @example huffProbabilities(inputs, { decay: 2, attractivenessWeight: 1 })[0] // the first place's first store
 */
export function huffProbabilities(
  inputs: HuffInputs,
  params: HuffParams,
  out = new Float64Array(inputs.places * inputs.stores),
): Float64Array {
  const { stores, logDistance, logAttractiveness } = inputs;
  const { decay, attractivenessWeight } = params;
  for (let i = 0; i < inputs.places; i++) {
    const row = i * stores;
    // Subtracting the largest utility keeps exp() in range however small the distances or large λ.
    let max = -Infinity;
    for (let j = 0; j < stores; j++) {
      const u = attractivenessWeight * logAttractiveness[j]! - decay * logDistance[row + j]!;
      out[row + j] = u;
      if (u > max) max = u;
    }
    let sum = 0;
    for (let j = 0; j < stores; j++) sum += out[row + j] = Math.exp(out[row + j]! - max);
    for (let j = 0; j < stores; j++) out[row + j] = out[row + j]! / sum;
  }
  return out;
}
