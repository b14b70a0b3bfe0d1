// Distances and areas with their units, through Intl, in the workspace's units (km and km², or mi and mi²).
//
// One rule for areas: square kilometres with metric distances, square miles with imperial ones, whatever the size
// (no switch to acres for small areas), so sizes side by side in a comparison or a list always share one unit.
import { formatNumber, translatorFor, type DistanceUnits } from '../../i18n';

export { formatDistance } from '../../i18n/units';

const KM_PER_MILE = 1.609344;
const KM2_PER_MI2 = KM_PER_MILE ** 2;

/** @example formatKm(locale, 3.14159) // '3.14 km' */
export function formatKm(locale: string, km: number, units: DistanceUnits = 'metric'): string {
  const value = units === 'imperial' ? km / KM_PER_MILE : km;
  return formatNumber(locale, value, {
    style: 'unit',
    unit: units === 'imperial' ? 'mile' : 'kilometer',
    maximumFractionDigits: value < 10 ? 2 : 1,
  });
}

/**
 * An area stored in km², in the workspace's unit (km² or mi²). Intl has no square-kilometre or square-mile unit
 * (hectare and acre are its only areas), so the unit's word comes from the catalogs: 'km²', Hebrew 'קמ״ר'.
 * @example formatKm2('en', 3.14159) // '3.14 km²'
 * @example formatKm2('en', 2.59, 'imperial') // '1 mi²'
 * @example formatKm2('en', 0.737, 'imperial', { approximate: true }) // '0.3 mi²' (one significant digit, for "about")
 */
export function formatKm2(
  locale: string,
  km2: number,
  units: DistanceUnits = 'metric',
  { approximate = false } = {},
): string {
  const value = units === 'imperial' ? km2 / KM2_PER_MI2 : km2;
  const number = formatNumber(
    locale,
    value,
    approximate ? { maximumSignificantDigits: 1 } : { maximumFractionDigits: value < 10 ? 2 : 1 },
  );
  return translatorFor(locale)(units === 'imperial' ? 'units.mi2' : 'units.km2', { value: number });
}

/**
 * A density stored per km² (customers, people), per the workspace's area unit: a square mile holds 2.59 km².
 * @example densityInUnits(100, 'imperial') // 258.998…
 */
export function densityInUnits(perKm2: number, units: DistanceUnits = 'metric'): number {
  return units === 'imperial' ? perKm2 * KM2_PER_MI2 : perKm2;
}
