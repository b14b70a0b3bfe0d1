// Measurements in the workspace's units: values are stored in SI (metres, °C, mm/h, km/h) and converted only
// here, for display, then written with Intl's unit formatting in the viewer's language.
import { formatNumber } from './format';

export type DistanceUnits = 'metric' | 'imperial';
export type TemperatureUnit = 'celsius' | 'fahrenheit';
export interface UnitPreferences {
  distance: DistanceUnits;
  temperature: TemperatureUnit;
}
export const defaultUnits: UnitPreferences = { distance: 'metric', temperature: 'celsius' };

const FEET_PER_METER = 3.280839895;
const METERS_PER_MILE = 1609.344;
const MM_PER_INCH = 25.4;
const KM_PER_MILE = 1.609344;
/** Below this many feet a distance is written in feet, above it in miles (a tenth of a mile). */
const FEET_UP_TO = 1000;

const unit = (locale: string, value: number, name: string, digits: number) =>
  formatNumber(locale, value, { style: 'unit', unit: name, maximumFractionDigits: digits });

/**
 * A distance: m below a kilometre and km above, or ft below 1,000 ft and mi above.
 * @example formatDistance('en', 1500) // '1.5 km'
 * @example formatDistance('en', 1500, 'imperial') // '0.93 mi'
 */
export function formatDistance(locale: string, meters: number, units: DistanceUnits = 'metric') {
  if (units === 'imperial') {
    const feet = meters * FEET_PER_METER;
    if (Math.abs(feet) < FEET_UP_TO) return unit(locale, Math.round(feet), 'foot', 0);
    const miles = meters / METERS_PER_MILE;
    return unit(locale, miles, 'mile', miles < 10 ? 2 : 1);
  }
  if (Math.abs(meters) < 1000) return unit(locale, Math.round(meters), 'meter', 0);
  const km = meters / 1000;
  return unit(locale, km, 'kilometer', km < 10 ? 2 : 1);
}

/**
 * A temperature given in °C, in °C or °F.
 * @example formatTemperature('en', 20, 'fahrenheit') // '68°F'
 */
export function formatTemperature(
  locale: string,
  celsius: number,
  temperature: TemperatureUnit = 'celsius',
  digits = 1,
): string {
  return temperature === 'fahrenheit'
    ? unit(locale, (celsius * 9) / 5 + 32, 'fahrenheit', digits)
    : unit(locale, celsius, 'celsius', digits);
}

/** The SI units our weather and triggers use, as the API names them. */
export type SiUnit = '°C' | 'mm/h' | 'cm/h' | 'km/h' | 'm' | '%';

/**
 * A value stored in an SI unit, converted to the workspace's units and formatted by Intl.
 * @example formatMeasure('de', 1, 'mm/h', defaultUnits) // '1 mm/h'
 * @example formatMeasure('en', 60, 'km/h', { distance: 'imperial', temperature: 'celsius' }) // '37.3 mph'
 */
export function formatMeasure(
  locale: string,
  value: number,
  si: SiUnit | string,
  units: UnitPreferences = defaultUnits,
  digits = 2,
): string {
  const imperial = units.distance === 'imperial';
  switch (si) {
    case '°C':
      return formatTemperature(locale, value, units.temperature, digits);
    case 'mm/h':
      return imperial
        ? unit(locale, value / MM_PER_INCH, 'inch-per-hour', digits + 1)
        : unit(locale, value, 'millimeter-per-hour', digits);
    case 'cm/h':
      return imperial
        ? unit(locale, (value * 10) / MM_PER_INCH, 'inch-per-hour', digits + 1)
        : unit(locale, value, 'centimeter-per-hour', digits);
    case 'km/h':
      return imperial
        ? unit(locale, value / KM_PER_MILE, 'mile-per-hour', digits)
        : unit(locale, value, 'kilometer-per-hour', digits);
    case 'm':
      return formatDistance(locale, value, units.distance);
    case '%':
      return unit(locale, value, 'percent', digits);
    default:
      return `${formatNumber(locale, value, { maximumFractionDigits: digits })} ${si}`;
  }
}
