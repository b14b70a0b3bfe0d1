// Travel times in place of distances in the Huff model: ln of the minutes from each place to each store, with a floor
// (a hexagon's residents do not all live at the door) and a stand-in for pairs the engine found no route between.

/** Places closer than this in time count as this far: the driving equivalent of MIN_DISTANCE_KM. */
export const MIN_TRAVEL_MINUTES = 1;
/** No route (a river without a bridge in the engine's data): as far as this many times the longest trip found. */
export const NO_ROUTE_FACTOR = 3;
/** When no pair has a route at all, every pair counts this far. */
const NO_ROUTE_AT_ALL_MINUTES = 240;

/**
 * ln(minutes) per place × store, row-major, for HuffInputs.logDistance.
 * @example logTravelMinutes(Float64Array.of(0.5, 12, NaN, 8)) // [ln 1, ln 12, ln 36, ln 8]
 */
export function logTravelMinutes(
  minutes: Float64Array,
  { minMinutes = MIN_TRAVEL_MINUTES }: { minMinutes?: number } = {},
): Float64Array {
  let longest = 0;
  for (const m of minutes) if (Number.isFinite(m) && m > longest) longest = m;
  const noRoute = longest > 0 ? longest * NO_ROUTE_FACTOR : NO_ROUTE_AT_ALL_MINUTES;
  return minutes.map((m) => Math.log(Math.max(minMinutes, Number.isFinite(m) ? m : noRoute)));
}
