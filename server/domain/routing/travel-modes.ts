// How fast each travel mode moves along each class of street, in metres per second.
import { STREET_CLASS_CODE } from './street-graph.js';

export const travelModes = ['walk', 'bike', 'drive'] as const;
export type TravelMode = (typeof travelModes)[number];

const kmh = (value: number) => value / 3.6;

/**
 * Walking and cycling ignore the street class; driving averages junctions and lights into each class's speed
 * (a 50 km/h main road is crossed at about 35 km/h door to door in a city).
 */
const SPEEDS: Record<TravelMode, Record<keyof typeof STREET_CLASS_CODE, number>> = {
  walk: { primary: kmh(4.8), secondary: kmh(4.8), residential: kmh(4.8) },
  bike: { primary: kmh(15), secondary: kmh(15), residential: kmh(15) },
  drive: { primary: kmh(35), secondary: kmh(28), residential: kmh(18) },
};

/** Metres per second by STREET_CLASS_CODE, for the router's inner loop. */
export function speedsByClass(mode: TravelMode): Float64Array {
  const speeds = new Float64Array(3);
  for (const [name, code] of Object.entries(STREET_CLASS_CODE))
    speeds[code] = SPEEDS[mode][name as keyof typeof STREET_CLASS_CODE];
  return speeds;
}

/** Walking speed: getting from the point to the street, and from the street to a door, is on foot. */
export const WALK_METERS_PER_SECOND = kmh(4.8);
