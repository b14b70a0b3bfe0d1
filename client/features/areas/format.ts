// Distances and areas with their units, through Intl, in the workspace's units (km and km², or mi and mi²).
import { formatNumber, textDirection, type DistanceUnits } from '../../i18n';
import { isolate } from '../../i18n/translate';

export { formatDistance } from '../../i18n/units';

const KM_PER_MILE = 1.609344;

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
 * Intl has no square-kilometre (or square-mile) unit, so the unit is appended; in a right-to-left language the
 * figure and its Latin unit are isolated, so they stay in the order '3.14 km²'.
 * @example formatKm2('en', 3.14159) // '3.14 km²'
 */
export function formatKm2(locale: string, km2: number, units: DistanceUnits = 'metric'): string {
  const value = units === 'imperial' ? km2 / KM_PER_MILE ** 2 : km2;
  const digits = { maximumFractionDigits: value < 10 ? 2 : 1 };
  const text = `${formatNumber(locale, value, digits)} ${units === 'imperial' ? 'mi²' : 'km²'}`;
  return isolate(text, textDirection(locale) === 'rtl');
}
