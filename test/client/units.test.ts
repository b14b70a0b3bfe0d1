// Distances and temperatures in the workspace's units, from values stored in SI, written by Intl.
import { describe, expect, it } from 'vitest';
import {
  defaultUnits,
  formatDistance,
  formatMeasure,
  formatTemperature,
} from '../../client/i18n/units';
import { formatKm, formatKm2 } from '../../client/features/areas/format';

const imperial = { distance: 'imperial', temperature: 'fahrenheit' } as const;

describe('units', () => {
  it('metric distances: metres below a kilometre, kilometres above', () => {
    expect(formatDistance('en', 250)).toBe('250 m');
    expect(formatDistance('de', 1500)).toBe('1,5 km');
  });

  it('imperial distances: feet below 1,000 ft, miles above', () => {
    expect(formatDistance('en', 100, 'imperial')).toBe('328 ft');
    expect(formatDistance('en', 1609.344, 'imperial')).toBe('1 mi');
    expect(formatKm('en', 1.609344, 'imperial')).toBe('1 mi');
    expect(formatKm2('en', 2.589988, 'imperial')).toBe('1 mi²');
  });

  it('temperatures stored in °C show in °F when the workspace says so', () => {
    expect(formatTemperature('en', 20)).toBe('20°C');
    expect(formatTemperature('en', 20, 'fahrenheit')).toBe('68°F');
    expect(formatMeasure('en', -5, '°C', imperial)).toBe('23°F');
  });

  it('rain and wind follow the distance units', () => {
    expect(formatMeasure('en', 25.4, 'mm/h', imperial)).toBe('1 in/h');
    expect(formatMeasure('en', 60, 'km/h', imperial)).toBe('37.28 mph');
    expect(formatMeasure('de', 1, 'mm/h', defaultUnits)).toBe('1 mm/h');
  });

  it('numbers are written for the language, Persian digits in Persian', () => {
    expect(formatDistance('fa', 250)).toMatch(/۲۵۰/);
  });
});
