import { describe, expect, it } from 'vitest';
import { evaluateWeather } from '../../server/domain/campaigns/weather-trigger.js';
import {
  weatherTrigger,
  type WeatherCondition,
  type WeatherTrigger,
} from '../../server/domain/schemas/trigger.js';
import type { WeatherHour } from '../../server/domain/weather.js';
import { weatherTable } from '../helpers/weather-table.js';

const point: [number, number] = [13.41, 52.52];
const at = new Date('2026-11-23T07:42:00Z');
const t = (condition: WeatherCondition, threshold?: number, more: Partial<WeatherTrigger> = {}) =>
  weatherTrigger.parse({
    type: 'weather',
    condition,
    ...(threshold === undefined ? {} : { threshold }),
    ...more,
  });
const now = (row: Partial<WeatherHour>) => weatherTable({ '2026-11-23T07': row });
const holds = (trigger: WeatherTrigger, row: Partial<WeatherHour>) =>
  evaluateWeather(0, trigger, point, now(row), at).holds;

describe('weather trigger thresholds, exactly at the boundary', () => {
  it.each([
    ['rain ≥', t('rain', 1), { precipitationMmH: 1 }, true],
    ['rain just below', t('rain', 1), { precipitationMmH: 0.99 }, false],
    ['snow ≥', t('snow', 2), { snowfallCmH: 2 }, true],
    ['snow just below', t('snow', 2), { snowfallCmH: 1.99 }, false],
    ['temperature_above at the threshold', t('temperature_above', 25), { temperatureC: 25 }, false],
    ['temperature_above just over', t('temperature_above', 25), { temperatureC: 25.1 }, true],
    ['temperature_below at the threshold', t('temperature_below', 0), { temperatureC: 0 }, false],
    ['temperature_below just under', t('temperature_below', 0), { temperatureC: -0.1 }, true],
    ['wind_above at the threshold', t('wind_above', 50), { windKmh: 50 }, false],
    ['wind_above just over', t('wind_above', 50), { windKmh: 50.1 }, true],
    ['clear at the default 20 % cloud', t('clear'), { cloudCoverPct: 20 }, true],
    ['clear over the default', t('clear'), { cloudCoverPct: 21 }, false],
    ['clear with a drizzle', t('clear'), { cloudCoverPct: 5, precipitationMmH: 0.1 }, false],
    ['clear with snowfall', t('clear'), { cloudCoverPct: 5, snowfallCmH: 0.1 }, false],
    ['clear with its own maximum', t('clear', 50), { cloudCoverPct: 50 }, true],
  ] as const)('%s', (_name, trigger, row, expected) => {
    expect(holds(trigger, row)).toBe(expected);
  });

  it('explains itself with the observed value, the threshold, the unit and where the reading came from', () => {
    const r = evaluateWeather(2, t('rain', 1), point, now({ precipitationMmH: 2.5 }), at);
    expect(r).toMatchObject({
      index: 2,
      type: 'weather',
      holds: true,
      code: 'holds',
      observed: 2.5,
      threshold: 1,
      unit: 'mm/h',
      condition: 'rain',
      freshness: 'simulated',
      hour: '2026-11-23T07:00:00.000Z',
    });
    expect(r.detail).toBe('rain 2.5 mm/h ≥ 1 mm/h (simulated)');
    expect(
      evaluateWeather(
        0,
        t('temperature_below', 3),
        point,
        weatherTable({ '2026-11-23T07': { temperatureC: 4 } }, 'live'),
        at,
      ).detail,
    ).toBe('temperature 4 °C ≥ 3 °C (live)');
    expect(evaluateWeather(0, t('clear'), point, now({ cloudCoverPct: 60 }), at)).toMatchObject({
      holds: false,
      code: 'not_met',
      observed: 60,
      threshold: 20,
      unit: '%',
    });
  });

  it("reads the hour containing the instant, at the area's weather point", () => {
    const table = weatherTable({
      '2026-11-23T07': { precipitationMmH: 3 },
      '2026-11-23T08': { precipitationMmH: 0 },
    });
    expect(
      evaluateWeather(0, t('rain', 1), point, table, new Date('2026-11-23T07:59:59.999Z')).holds,
    ).toBe(true);
    expect(
      evaluateWeather(0, t('rain', 1), point, table, new Date('2026-11-23T08:00:00Z')).holds,
    ).toBe(false);
    expect(table.asked.every((p) => p === point)).toBe(true);
  });
});

describe('sustained weather', () => {
  const trigger = t('rain', 1, { sustainedHours: 3 });
  it('holds when the three hours ending with the current one all hold', () => {
    const table = weatherTable({
      '2026-11-23T05': { precipitationMmH: 1 },
      '2026-11-23T06': { precipitationMmH: 4 },
      '2026-11-23T07': { precipitationMmH: 2 },
    });
    const r = evaluateWeather(0, trigger, point, table, at);
    expect(r).toMatchObject({ holds: true, observed: 2 });
    expect(r.detail).toBe('rain 2 mm/h ≥ 1 mm/h (simulated), 3 h in a row');
  });
  it('does not hold when one of them was dry or unknown, and says it rains but not long enough', () => {
    const dry = weatherTable({
      '2026-11-23T05': { precipitationMmH: 0.5 },
      '2026-11-23T06': { precipitationMmH: 4 },
      '2026-11-23T07': { precipitationMmH: 2 },
    });
    const r = evaluateWeather(0, trigger, point, dry, at);
    expect(r).toMatchObject({ holds: false, code: 'not_met', observed: 2 });
    expect(r.detail).toBe('rain 2 mm/h ≥ 1 mm/h (simulated), but not 3 h in a row');
    const gap = weatherTable({
      '2026-11-23T06': { precipitationMmH: 4 },
      '2026-11-23T07': { precipitationMmH: 2 },
    });
    expect(evaluateWeather(0, trigger, point, gap, at).holds).toBe(false);
  });
});

describe('forecast look-ahead', () => {
  const trigger = t('rain', 1, { withinHours: 3 });
  it('holds when rain is expected in one of the next three hours, naming the hour', () => {
    const table = weatherTable(
      { '2026-11-23T07': { precipitationMmH: 0 }, '2026-11-23T10': { precipitationMmH: 1.5 } },
      'forecast',
    );
    const r = evaluateWeather(0, trigger, point, table, at);
    expect(r).toMatchObject({
      holds: true,
      observed: 1.5,
      hour: '2026-11-23T10:00:00.000Z',
      freshness: 'forecast',
    });
    expect(r.detail).toBe('rain 1.5 mm/h ≥ 1 mm/h (forecast), expected at 10:00 UTC');
  });
  it('does not look further than asked', () => {
    const table = weatherTable({
      '2026-11-23T07': { precipitationMmH: 0 },
      '2026-11-23T11': { precipitationMmH: 5 },
    });
    const r = evaluateWeather(0, trigger, point, table, at);
    expect(r).toMatchObject({ holds: false, code: 'not_met', observed: 0 });
    expect(r.detail).toBe('rain 0 mm/h < 1 mm/h (simulated), nor expected within 3 h');
  });
  it('holds now without looking ahead when it rains now', () => {
    const r = evaluateWeather(0, trigger, point, now({ precipitationMmH: 1 }), at);
    expect(r).toMatchObject({ holds: true, hour: '2026-11-23T07:00:00.000Z' });
  });
  it('combines with sustained: two rainy hours in a row, over by three hours from now', () => {
    const both = t('rain', 1, { sustainedHours: 2, withinHours: 3 });
    const rainAt = (...hours: string[]) =>
      weatherTable(
        Object.fromEntries(
          ['07', '08', '09', '10', '11'].map((h) => [
            `2026-11-23T${h}`,
            { precipitationMmH: hours.includes(h) ? 2 : 0 },
          ]),
        ),
      );
    expect(evaluateWeather(0, both, point, rainAt('09', '10'), at)).toMatchObject({
      holds: true,
      hour: '2026-11-23T10:00:00.000Z',
    });
    expect(evaluateWeather(0, both, point, rainAt('10', '11'), at).holds).toBe(false);
    expect(evaluateWeather(0, both, point, rainAt('08', '10'), at).holds).toBe(false);
  });
});

describe('missing weather', () => {
  it('does not hold and says there is no weather data', () => {
    const r = evaluateWeather(0, t('temperature_below', 5), point, weatherTable({}), at);
    expect(r).toMatchObject({
      holds: false,
      code: 'no_weather_data',
      observed: null,
      threshold: 5,
      unit: '°C',
    });
    expect(r.detail).toBe('no weather data for 2026-11-23T07:00 UTC');
  });
  it('still holds on a forecast hour when only the current hour is unknown', () => {
    const r = evaluateWeather(
      0,
      t('snow', 1, { withinHours: 2 }),
      point,
      weatherTable({ '2026-11-23T09': { snowfallCmH: 1 } }),
      at,
    );
    expect(r.holds).toBe(true);
  });
});
