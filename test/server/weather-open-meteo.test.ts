// The open-meteo provider against a local fake of the forecast endpoint replaying a real answer's shape: what it asks
// for, grouping by grid cell, the hourly cache, time-outs, retries with back-off, 5xx, 429, malformed and misshapen
// answers — and that a provider that is down leaves the last known values, marked stale, without ever throwing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenMeteoProvider } from '../../server/services/weather/open-meteo.js';
import type { WeatherProvider } from '../../server/services/weather/provider.js';
import type { Logger } from '../../server/logger.js';
import { berlinFixture, ok, startFakeWeather, type FakeWeather } from '../helpers/fake-weather.js';
import { weatherCellStore, type WeatherCellStore } from '../../server/db/repos/weather-cells.js';
import { tempDatabase } from '../helpers/temp-db.js';

const MIN = 60_000;
const alex: [number, number] = [13.4132, 52.5219];
const at = (iso: string) => new Date(iso);

let fake: FakeWeather;
let now: Date;
let sleeps: number[];
let logs: { level: string; message: string; fields?: Record<string, unknown> }[];

const logger: Logger = {
  info: (message, fields) => logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
  error: (message, fields) => logs.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
};

function provider(
  options: { timeoutMs?: number; maxAttempts?: number; shared?: WeatherCellStore } = {},
): WeatherProvider {
  return createOpenMeteoProvider({
    url: fake.url,
    clock: () => now,
    logger,
    ...(options.shared ? { shared: options.shared } : {}),
    retry: {
      timeoutMs: options.timeoutMs ?? 2000,
      maxAttempts: options.maxAttempts ?? 3,
      baseDelayMs: 500,
      maxDelayMs: 8000,
      random: () => 1,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
  });
}
const advance = (ms: number) => (now = new Date(now.getTime() + ms));
const window = (p: WeatherProvider, points: [number, number][] = [alex]) =>
  p.prefetch(points, now, new Date(now.getTime() + 3 * 60 * MIN));

beforeEach(async () => {
  fake = await startFakeWeather();
  now = at('2026-11-23T09:30:00Z');
  sleeps = [];
  logs = [];
});
afterEach(async () => {
  await fake.close();
});

describe('asking Open-Meteo', () => {
  it('asks for the cell, the hourly variables in GMT and the days around the window, and reads the answer hour by hour', async () => {
    const weather = provider();
    await window(weather);
    expect(fake.requests).toHaveLength(1);
    const q = fake.requests[0]!.searchParams;
    expect(fake.requests[0]!.pathname).toBe('/v1/forecast');
    expect(Object.fromEntries(q)).toEqual({
      latitude: '52.5',
      longitude: '13.4',
      hourly: 'temperature_2m,precipitation,snowfall,wind_speed_10m,cloud_cover,weather_code',
      timezone: 'GMT',
      past_days: '1',
      forecast_days: '2',
    });

    const nine = weather.at(alex, at('2026-11-23T09:00:00Z'));
    expect(nine).toMatchObject({
      hour: '2026-11-23T09:00:00.000Z',
      precipitationMmH: 2.3,
      snowfallCmH: 0,
      cloudCoverPct: 100,
      weatherCode: 63,
      freshness: 'live',
    });
    // Any instant inside the hour reads that hour.
    expect(weather.at(alex, at('2026-11-23T09:59:59Z'))).toEqual(nine);
    expect(weather.at(alex, at('2026-11-23T08:00:00Z'))?.freshness).toBe('live');
    expect(weather.at(alex, at('2026-11-23T10:00:00Z'))).toMatchObject({
      precipitationMmH: 1.8,
      freshness: 'forecast',
    });
    expect(weather.at(alex, at('2026-11-24T13:00:00Z'))).toMatchObject({
      snowfallCmH: 0.21,
      freshness: 'forecast',
    });
    expect(weather.status(alex)).toEqual({
      freshness: 'live',
      fetchedAt: now.toISOString(),
      error: null,
    });
  });

  it('leaves hours with a null measurement unknown, keeps a null weather code as null, and knows nothing outside the answer', async () => {
    const weather = provider();
    await window(weather);
    expect(weather.at(alex, at('2026-11-23T21:00:00Z'))).toBeNull(); // temperature_2m is null
    expect(weather.at(alex, at('2026-11-24T22:00:00Z'))).toBeNull(); // cloud_cover is null
    expect(weather.at(alex, at('2026-11-24T23:00:00Z'))).toMatchObject({
      weatherCode: null,
      freshness: 'forecast',
    });
    expect(weather.at(alex, at('2026-11-25T00:00:00Z'))).toBeNull();
    expect(weather.at([2.35, 48.85], at('2026-11-23T09:00:00Z'))).toBeNull(); // Paris: never asked
  });

  it('applies utc_offset_seconds when an answer comes in local time', async () => {
    const local = JSON.parse(berlinFixture) as { utc_offset_seconds: number; timezone: string };
    local.utc_offset_seconds = 3600;
    local.timezone = 'Europe/Berlin';
    fake.script(ok(JSON.stringify(local)));
    const weather = provider();
    await window(weather);
    // The 2.3 mm peak at "2026-11-23T09:00" is now Berlin time, so 08:00 UTC.
    expect(weather.at(alex, at('2026-11-23T08:00:00Z'))?.precipitationMmH).toBe(2.3);
  });
});

describe('grid cells and the hourly cache', () => {
  it('asks once for two points in the same 0.1° cell, and once more for a point in another cell', async () => {
    const weather = provider();
    const nearby: [number, number] = [13.38, 52.47]; // rounds to 52.5, 13.4 too
    const potsdam: [number, number] = [13.06, 52.4];
    await window(weather, [alex, nearby]);
    expect(fake.requests).toHaveLength(1);
    expect(weather.at(nearby, at('2026-11-23T09:00:00Z'))?.precipitationMmH).toBe(2.3);
    await window(weather, [alex, nearby, potsdam]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.searchParams.get('latitude')).toBe('52.4');
    expect(fake.requests[1]!.searchParams.get('longitude')).toBe('13.1');
  });

  it('does not ask again within the hour, asks again after it, and shares one request between callers at the same time', async () => {
    const weather = provider();
    await Promise.all([window(weather), window(weather), window(weather)]);
    expect(fake.requests).toHaveLength(1);
    advance(59 * MIN);
    await window(weather);
    expect(fake.requests).toHaveLength(1);
    advance(2 * MIN);
    await window(weather);
    expect(fake.requests).toHaveLength(2);
  });

  it('asks again within the hour when the window goes beyond the days it holds', async () => {
    const weather = provider();
    await window(weather);
    await weather.prefetch([alex], now, at('2026-11-28T00:00:00Z'));
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.searchParams.get('forecast_days')).toBe('5');
    // The hourly refresh a day later asks for the window wanted then, not everything ever asked for.
    advance(24 * 60 * MIN);
    await window(weather);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[2]!.searchParams.get('past_days')).toBe('1');
    expect(fake.requests[2]!.searchParams.get('forecast_days')).toBe('2');
  });
});

describe('when Open-Meteo is slow or failing', () => {
  it('times out a slow answer, backs off, and takes the retry', async () => {
    // The retry has 500 ms to answer, time enough on a loaded machine and well short of the slow answer.
    fake.script({ ...ok(), delayMs: 1500 }, ok());
    const weather = provider({ timeoutMs: 500 });
    await window(weather);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([500]);
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))?.freshness).toBe('live');
    expect(weather.status(alex).error).toBeNull();
  });

  it('retries a 500 with exponential back-off and succeeds', async () => {
    fake.script({ status: 500, body: 'oops' }, { status: 503, body: '' }, ok());
    const weather = provider();
    await window(weather);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))).toMatchObject({
      precipitationMmH: 2.3,
      freshness: 'live',
    });
  });

  it('keeps the last known values, marked stale, when the provider answers 500 forever — and never throws', async () => {
    const weather = provider();
    await window(weather);
    const before = weather.at(alex, at('2026-11-23T10:00:00Z'))!;
    fake.script({ status: 500, body: '{"error":true,"reason":"down"}' });
    advance(61 * MIN);
    await expect(window(weather)).resolves.toBeUndefined();
    expect(fake.requests).toHaveLength(1 + 3);
    expect(sleeps).toEqual([500, 1000]);
    expect(weather.at(alex, at('2026-11-23T10:00:00Z'))).toEqual({ ...before, freshness: 'stale' });
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))?.freshness).toBe('stale');
    expect(weather.status(alex)).toEqual({
      freshness: 'stale',
      fetchedAt: '2026-11-23T09:30:00.000Z',
      error: 'HTTP 500',
    });

    // The failure is logged with the cell, never a finer position.
    const failure = logs.find((l) => l.level === 'error')!;
    expect(failure.fields).toMatchObject({
      provider: 'open-meteo',
      cell: '52.5,13.4',
      attempts: 3,
      error: 'HTTP 500',
    });
    expect(JSON.stringify(logs)).not.toMatch(/13\.41|52\.52/);

    // A busy page does not hammer a provider that is down: the next try waits a minute.
    await window(weather);
    expect(fake.requests).toHaveLength(4);
    advance(MIN);
    await window(weather);
    expect(fake.requests).toHaveLength(7);

    // When it comes back, values are live again.
    fake.script(ok());
    advance(MIN);
    await window(weather);
    expect(fake.requests).toHaveLength(8);
    expect(weather.status(alex)).toEqual({
      freshness: 'live',
      fetchedAt: now.toISOString(),
      error: null,
    });
  });

  it('knows nothing (and says why) when the provider has never answered', async () => {
    fake.script({ status: 502, body: '' });
    const weather = provider({ maxAttempts: 2 });
    await expect(window(weather)).resolves.toBeUndefined();
    expect(fake.requests).toHaveLength(2);
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))).toBeNull();
    expect(weather.status(alex)).toEqual({
      freshness: 'unknown',
      fetchedAt: null,
      error: 'HTTP 502',
    });
  });

  it('marks values stale once they are 2 hours old even without a failed fetch', async () => {
    const weather = provider();
    await window(weather);
    advance(119 * MIN);
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))?.freshness).toBe('live');
    advance(MIN);
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))?.freshness).toBe('stale');
    expect(weather.at(alex, at('2026-11-23T12:00:00Z'))?.freshness).toBe('stale');
  });

  it('does not retry malformed JSON, and keeps the earlier values stale', async () => {
    const weather = provider();
    await window(weather);
    fake.script(ok('{"latitude":52.5,"longitude":13.4,"hourly":{"time":["2026-11-23T10:00"'));
    advance(61 * MIN);
    await window(weather);
    expect(fake.requests).toHaveLength(2);
    expect(weather.status(alex).error).toBe('malformed JSON');
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))).toMatchObject({
      precipitationMmH: 2.3,
      freshness: 'stale',
    });
  });

  it.each([
    [
      'a missing series',
      (d: Record<string, Record<string, unknown>>) => delete d.hourly!.precipitation,
      'hourly.precipitation',
    ],
    [
      'series of different lengths',
      (d: Record<string, Record<string, unknown[]>>) => d.hourly!.snowfall!.pop(),
      'as long as hourly.time',
    ],
    [
      'strings for numbers',
      (d: Record<string, Record<string, unknown[]>>) => (d.hourly!.temperature_2m![3] = '4.2'),
      'hourly.temperature_2m.3',
    ],
    [
      'an error object',
      (d: Record<string, unknown>) => Object.assign(d, { hourly: undefined, error: true }),
      'hourly',
    ],
    [
      'wind in m/s',
      (d: Record<string, Record<string, unknown>>) => (d.hourly_units!.wind_speed_10m = 'm/s'),
      'unit for wind_speed_10m',
    ],
  ])('refuses an answer with %s, without retrying', async (_name, spoil, expected) => {
    const body = JSON.parse(berlinFixture) as never;
    (spoil as (d: never) => void)(body);
    fake.script(ok(JSON.stringify(body)));
    const weather = provider();
    await window(weather);
    expect(fake.requests).toHaveLength(1);
    expect(weather.status(alex).error).toContain(expected);
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))).toBeNull();
  });

  it('waits as long as a 429 asks (Retry-After) before retrying', async () => {
    fake.script(
      {
        status: 429,
        body: '{"error":true,"reason":"Too many concurrent requests"}',
        headers: { 'Retry-After': '3' },
      },
      ok(),
    );
    const weather = provider();
    await window(weather);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
    expect(weather.at(alex, at('2026-11-23T09:00:00Z'))?.freshness).toBe('live');
  });

  it('gives up after the last attempt when every answer is a 429', async () => {
    fake.script({ status: 429, body: '' });
    const weather = provider();
    await window(weather);
    expect(fake.requests).toHaveLength(3);
    expect(weather.status(alex)).toMatchObject({ freshness: 'unknown', error: 'HTTP 429' });
  });

  it('survives a refused connection', async () => {
    await fake.close();
    const weather = provider({ maxAttempts: 2 });
    await expect(window(weather)).resolves.toBeUndefined();
    expect(weather.status(alex).error).toMatch(/network error/);
    fake = await startFakeWeather(); // for afterEach
  });
});

describe('several server processes', () => {
  it('share fetches through the database: a second process reads the cell the first fetched instead of asking again', async () => {
    const temp = tempDatabase('weather-cells');
    try {
      const first = provider({ shared: weatherCellStore(temp.db) });
      const second = provider({ shared: weatherCellStore(temp.db) });
      await window(first);
      expect(fake.requests).toHaveLength(1);
      await window(second);
      expect(fake.requests).toHaveLength(1);
      expect(second.at(alex, at('2026-11-23T09:00:00Z'))).toMatchObject({
        precipitationMmH: 2.3,
        freshness: 'live',
      });
      // An hour later the cell is due again: one of them asks, and the other takes its answer.
      advance(61 * MIN);
      await window(second);
      await window(first);
      expect(fake.requests).toHaveLength(2);
    } finally {
      temp.close();
    }
  });
});
