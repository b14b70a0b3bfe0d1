// The weather API against real servers and SQLite files: the scenario set with PUT (validated field by field, stored,
// kept across a restart), loaded from a file (a bad file stops start-up naming the fields), each area's reading from
// GET /api/weather/areas — simulated from the scenario, or live and then stale from a fake Open-Meteo server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { startFakeWeather, type FakeWeather } from '../helpers/fake-weather.js';
import type { AreaWeatherList } from '../../server/domain/schemas/weather.js';
import { ConfigError } from '../../server/services/weather/index.js';

const rainy = {
  default: { temperatureC: 8, precipitationMmH: 0, snowfallCmH: 0, windKmh: 12, cloudCoverPct: 40 },
  cells: [
    {
      bbox: [13.38, 52.49, 13.44, 52.53],
      from: '2026-11-23T06:00:00Z',
      to: '2026-11-23T12:00:00Z',
      set: { precipitationMmH: 2.5, cloudCoverPct: 100 },
    },
  ],
};
const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
async function createArea(f: SignedInFetch, name: string, geometry: unknown): Promise<string> {
  const response = await f('/api/areas', json('POST', { name, geometry }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
async function areaWeather(f: SignedInFetch, at: string): Promise<AreaWeatherList> {
  const response = await f(`/api/weather/areas?at=${encodeURIComponent(at)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AreaWeatherList;
}

describe('the weather scenario through the API', () => {
  let dir: string;
  let dbFile: string;
  let server: TestServer;
  let inside: string;
  let outside: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'catchment-weather-'));
    dbFile = join(dir, 'catchment.db');
    server = await startTestServer({
      customers: 200,
      dbFile,
      clock: () => new Date('2026-11-23T09:30:00Z'),
    });
    inside = await createArea(server.fetch, 'Under the rain', square(13.4, 52.5, 13.42, 52.52));
    outside = await createArea(server.fetch, 'Dry west', square(13.2, 52.5, 13.22, 52.52));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is mild and dry, simulated, before anyone sets a scenario', async () => {
    const current = await (await server.fetch('/api/weather/scenario')).json();
    expect(current).toEqual({
      scenario: { cells: [] },
      source: 'default',
      updatedAt: null,
      provider: 'scenario',
    });
    const list = await areaWeather(server.fetch, '2026-11-23T09:00:00Z');
    expect(list.provider).toBe('scenario');
    const area = list.areas.find((a) => a.areaId === inside)!;
    expect(area).toMatchObject({
      name: 'Under the rain',
      freshness: 'simulated',
      reading: {
        hour: '2026-11-23T09:00:00.000Z',
        temperatureC: 12,
        precipitationMmH: 0,
        freshness: 'simulated',
      },
      error: null,
    });
    expect(area.point[0]).toBeCloseTo(13.41, 5);
    expect(area.point[1]).toBeCloseTo(52.51, 2);
  });

  it('refuses a bad scenario naming each field, and stores nothing', async () => {
    const bad = {
      cells: [
        { ...rainy.cells[0], bbox: [13.44, 52.53, 13.38, 52.49] },
        { ...rainy.cells[0], to: '2026-11-23T05:00:00Z', set: { precipitationMmH: -2 } },
      ],
    };
    const problem = await expectProblem(
      await server.fetch('/api/weather/scenario', json('PUT', bad)),
      422,
      'body.cells.0.bbox',
    );
    expect(problem.errors!.map((e) => e.field)).toEqual(
      expect.arrayContaining(['body.cells.1.to', 'body.cells.1.set.precipitationMmH']),
    );
    await expectProblem(
      await server.fetch('/api/weather/scenario', json('PUT', { ...rainy, sunshine: true })),
      422,
    );
    await expectProblem(
      await server.fetch('/api/weather/scenario', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: '{"cells": [',
      }),
      400,
      'body',
    );
    expect(
      ((await (await server.fetch('/api/weather/scenario')).json()) as { source: string }).source,
    ).toBe('default');
    expect(
      server.deps.db
        .prepare("SELECT count(*) FROM workspace WHERE key = 'weatherScenario'")
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('takes a scenario with PUT, answers it with GET and records who set it', async () => {
    const put = await server.fetch('/api/weather/scenario', json('PUT', rainy));
    expect(put.status).toBe(200);
    const expected = {
      scenario: rainy,
      source: 'api',
      updatedAt: '2026-11-23T09:30:00.000Z',
      provider: 'scenario',
    };
    expect(await put.json()).toEqual(expected);
    expect(await (await server.fetch('/api/weather/scenario')).json()).toEqual(expected);
    const audit = server.deps.db
      .prepare(
        "SELECT actor_id AS actorId, detail FROM audit_log WHERE action = 'weather.scenario'",
      )
      .all();
    expect(audit).toEqual([{ actorId: server.fetch.userId, detail: '{"cells":1}' }]);
  });

  it('shows simulated rain for areas inside the rainy cell during its window, and the default elsewhere', async () => {
    const during = await areaWeather(server.fetch, '2026-11-23T09:15:00+00:00');
    expect(during.hour).toBe('2026-11-23T09:00:00.000Z');
    const byId = new Map(during.areas.map((a) => [a.areaId, a]));
    expect(byId.get(inside)).toMatchObject({
      freshness: 'simulated',
      reading: {
        precipitationMmH: 2.5,
        cloudCoverPct: 100,
        temperatureC: 8,
        freshness: 'simulated',
      },
    });
    expect(byId.get(outside)).toMatchObject({
      freshness: 'simulated',
      reading: { precipitationMmH: 0, cloudCoverPct: 40, temperatureC: 8 },
    });

    const one = (await (
      await server.fetch(`/api/weather/areas?at=2026-11-23T09:00:00Z&areaId=${inside}`)
    ).json()) as AreaWeatherList;
    expect(one.areas.map((a) => a.areaId)).toEqual([inside]);

    const after = await areaWeather(server.fetch, '2026-11-23T12:00:00Z');
    expect(after.areas.find((a) => a.areaId === inside)?.reading?.precipitationMmH).toBe(0);
  });

  it('reads now when at is absent, and refuses a bad at', async () => {
    const now = await areaWeather(server.fetch, '2026-11-23T09:30:00Z');
    const response = await server.fetch('/api/weather/areas');
    expect(((await response.json()) as AreaWeatherList).hour).toBe(now.hour);
    await expectProblem(await server.fetch('/api/weather/areas?at=tomorrow'), 400, 'query.at');
  });

  it('lets viewers read the weather but not set it, and store managers see only their own areas', async () => {
    const viewer = await server.as('viewer');
    expect((await viewer('/api/weather/areas')).status).toBe(200);
    await expectProblem(await viewer('/api/weather/scenario', json('PUT', rainy)), 403);
    const marketer = await server.as('marketer');
    expect((await marketer('/api/weather/scenario', json('PUT', rainy))).status).toBe(200);

    const storeManager = await server.as('store_manager', { storeIds: [] });
    const own = await createArea(storeManager, 'My corner', square(13.41, 52.505, 13.415, 52.51));
    const seen = (await areaWeather(storeManager, '2026-11-23T09:00:00Z')).areas.map(
      (a) => a.areaId,
    );
    expect(seen).toContain(own);
    const otherManager = await server.as('store_manager', { storeIds: [] });
    expect(
      (await areaWeather(otherManager, '2026-11-23T09:00:00Z')).areas.map((a) => a.areaId),
    ).not.toContain(own);
    const asked = (await (
      await otherManager(`/api/weather/areas?areaId=${own}`)
    ).json()) as AreaWeatherList;
    expect(asked.areas).toEqual([]);
    expect(
      (await areaWeather(server.fetch, '2026-11-23T09:00:00Z')).areas.map((a) => a.areaId),
    ).toContain(own);
  });

  it('lets an API token that may read the workspace read the weather', async () => {
    const created = await server.fetch(
      '/api/tokens',
      json('POST', { name: 'Kiosk', scopes: ['workspace:read'] }),
    );
    const { secret } = (await created.json()) as { secret: string };
    const response = await fetch(`${server.url}/api/weather/areas`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    const other = await server.fetch(
      '/api/tokens',
      json('POST', { name: 'Till', scopes: ['offers:read'] }),
    );
    const till = ((await other.json()) as { secret: string }).secret;
    expect(
      (
        await fetch(`${server.url}/api/weather/areas`, {
          headers: { Authorization: `Bearer ${till}` },
        })
      ).status,
    ).toBe(403);
  });

  it('keeps the scenario across a restart on the same database file', async () => {
    await server.close();
    server = await startTestServer({
      customers: 200,
      dbFile,
      clock: () => new Date('2026-11-23T09:30:00Z'),
    });
    const current = (await (await server.fetch('/api/weather/scenario')).json()) as {
      scenario: unknown;
      source: string;
    };
    expect(current).toMatchObject({ scenario: rainy, source: 'api' });
    const list = await areaWeather(server.fetch, '2026-11-23T09:00:00Z');
    expect(list.areas.find((a) => a.areaId === inside)?.reading?.precipitationMmH).toBe(2.5);
  });
});

describe('a scenario file (CATCHMENT_WEATHER_SCENARIO)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'catchment-scenario-file-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the scenario in force when none was set through the API', async () => {
    const file = join(dir, 'rain.json');
    writeFileSync(file, '\uFEFF' + JSON.stringify(rainy));
    const server = await startTestServer({
      customers: 100,
      env: { CATCHMENT_WEATHER_SCENARIO: file },
    });
    try {
      expect(await (await server.fetch('/api/weather/scenario')).json()).toMatchObject({
        scenario: rainy,
        source: 'file',
      });
    } finally {
      await server.close();
    }
  });

  it('stops start-up when it is invalid, naming each field', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        cells: [
          { ...rainy.cells[0], bbox: [13.44, 52.53, 13.38] },
          { ...rainy.cells[0], to: '2026-11-22T00:00:00Z' },
        ],
      }),
    );
    const failure = await startTestServer({
      customers: 100,
      env: { CATCHMENT_WEATHER_SCENARIO: file },
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cells\.0\.bbox/),
        expect.stringMatching(/^cells\.1\.to: must be after from/),
      ]),
    );
    expect((failure as ConfigError).message).toContain('CATCHMENT_WEATHER_SCENARIO');

    writeFileSync(file, '{"cells": [');
    const broken = await startTestServer({
      customers: 100,
      env: { CATCHMENT_WEATHER_SCENARIO: file },
    }).catch((error: unknown) => error);
    expect((broken as ConfigError).errors[0]).toMatch(/not valid JSON/);
    const missing = await startTestServer({
      customers: 100,
      env: { CATCHMENT_WEATHER_SCENARIO: join(dir, 'nope.json') },
    }).catch((error: unknown) => error);
    expect((missing as ConfigError).errors[0]).toMatch(/cannot read the file: ENOENT/);
  });
});

describe('GET /api/weather/areas with CATCHMENT_WEATHER=open-meteo', () => {
  let fake: FakeWeather;
  let server: TestServer;
  let now = new Date('2026-11-23T09:30:00Z');
  let area: string;

  beforeAll(async () => {
    fake = await startFakeWeather();
    server = await startTestServer({
      customers: 100,
      env: { CATCHMENT_WEATHER: 'open-meteo', CATCHMENT_WEATHER_URL: fake.url },
      clock: () => now,
      openMeteo: { retry: { sleep: () => Promise.resolve(), timeoutMs: 2000 } },
    });
    area = await createArea(server.fetch, 'Alexanderplatz', square(13.4, 52.51, 13.42, 52.53));
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('prefetches every cell once, then reads live values and forecasts', async () => {
    const list = await areaWeather(server.fetch, '2026-11-23T09:00:00Z');
    expect(list.provider).toBe('open-meteo');
    expect(list.areas.find((a) => a.areaId === area)).toMatchObject({
      freshness: 'live',
      reading: { precipitationMmH: 2.3, weatherCode: 63 },
      fetchedAt: now.toISOString(),
      error: null,
    });
    const cells = new Set(
      fake.requests.map(
        (r) => `${r.searchParams.get('latitude')},${r.searchParams.get('longitude')}`,
      ),
    );
    expect(fake.requests).toHaveLength(cells.size); // one request per cell, however many areas share it
    const later = await areaWeather(server.fetch, '2026-11-23T11:00:00Z');
    expect(later.areas.find((a) => a.areaId === area)).toMatchObject({
      freshness: 'forecast',
      reading: { precipitationMmH: 0.9 },
    });
    expect(fake.requests).toHaveLength(cells.size);
  });

  it('answers with the last known values, stale, while Open-Meteo is down', async () => {
    fake.script({ status: 500, body: 'down' });
    now = new Date('2026-11-23T10:45:00Z');
    const list = await areaWeather(server.fetch, '2026-11-23T10:00:00Z');
    expect(list.areas.find((a) => a.areaId === area)).toMatchObject({
      freshness: 'stale',
      reading: { precipitationMmH: 1.8, freshness: 'stale' },
      error: 'HTTP 500',
    });
    expect(server.logLines.some((line) => line.includes('weather fetch failed'))).toBe(true);
  });

  it('still takes a what-if scenario without touching the live readings', async () => {
    expect((await server.fetch('/api/weather/scenario', json('PUT', rainy))).status).toBe(200);
    expect(await (await server.fetch('/api/weather/scenario')).json()).toMatchObject({
      source: 'api',
      provider: 'open-meteo',
    });
    const list = await areaWeather(server.fetch, '2026-11-23T10:00:00Z');
    expect(list.areas.find((a) => a.areaId === area)?.reading).toMatchObject({
      precipitationMmH: 1.8,
      freshness: 'stale',
    });
  });
});
