// Distances and areas with their units, through Intl (m below a kilometre, km above; km² for areas).
import { formatNumber } from '../../i18n';

/**
 * @example formatDistance('en', 250) // '250 m'
 * @example formatDistance('de', 1500) // '1,5 km'
 */
export function formatDistance(locale: string, meters: number): string {
  if (Math.abs(meters) < 1000)
    return formatNumber(locale, Math.round(meters), { style: 'unit', unit: 'meter' });
  return formatKm(locale, meters / 1000);
}

/** @example formatKm(locale, 3.14159) // '3.14 km' */
export function formatKm(locale: string, km: number): string {
  return formatNumber(locale, km, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 2 : 1,
  });
}

/** Intl has no square-kilometre unit, so the unit is appended. @example formatKm2('en', 3.14159) // '3.14 km²' */
export function formatKm2(locale: string, km2: number): string {
  return `${formatNumber(locale, km2, { maximumFractionDigits: km2 < 10 ? 2 : 1 })} km²`;
}
