// Travel-time areas through the API: the in-process router on the demo streets (preview, save, audience), bad input
// named field by field, and the Valhalla and openrouteservice clients against local fakes — the same contour from
// either engine becomes the same saved area, and a down, slow or confused engine answers 503, 504 or 502.
import { booleanPointInPolygon, circle, area as turfArea } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsochronePreview } from '../../server/domain/schemas/isochrone.js';
import { startFakeRouting, type FakeRouting } from '../helpers/fake-routing.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const post = (server: TestServer, path: string, body: unknown) =>
  server.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

interface SavedArea {
  geometry: IsochronePreview['geometry'];
  properties: { id: string; kind: string; name: string; params: Record<string, unknown> };
}

describe('travel-time areas on the demo streets (offline router)', () => {
  let server: TestServer;
  let store: { id: string; name: string; location: [number, number] };

  beforeAll(async () => {
    server = await startTestServer({ customers: 3000 });
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: {
        geometry: { coordinates: [number, number] };
        properties: { id: string; name: string };
      }[];
    };
    const first = stores.features[0]!;
    store = { ...first.properties, location: first.geometry.coordinates };
  });
  afterAll(async () => {
    await server?.close();
  });

  const preview = async (body: Record<string, unknown>) => {
    const response = await post(server, '/api/isochrones', body);
    expect(response.status).toBe(200);
    return (await response.json()) as IsochronePreview;
  };

  it('a 15-minute walk from a store follows the streets: around the store, smaller than the 1.2 km circle', async () => {
    const walk = await preview({ mode: 'walk', minutes: 15, storeId: store.id });
    expect(walk.properties).toMatchObject({
      mode: 'walk',
      minutes: 15,
      origin: store.location,
      storeId: store.id,
      engine: 'offline',
      suggestedName: `15 min walk from ${store.name}`,
    });
    expect(walk.geometry.type).toBe('Polygon');
    expect(booleanPointInPolygon(store.location, walk.geometry)).toBe(true);
    // 15 minutes at 4.8 km/h is 1.2 km as the crow flies at most; streets and blocks make it less.
    const crowFlies = turfArea(circle(store.location, 1.2 + 0.06, { units: 'kilometers' })) / 1e6;
    expect(walk.properties.areaKm2).toBeLessThan(crowFlies);
    expect(walk.properties.areaKm2).toBeGreaterThan(crowFlies / 5);
    expect(walk.properties.customers).toBeGreaterThan(0);
  });

  it('more minutes or a faster mode reach farther', async () => {
    const origin = store.location;
    const [walk10, walk20, bike10] = await Promise.all([
      preview({ mode: 'walk', minutes: 10, origin }),
      preview({ mode: 'walk', minutes: 20, origin }),
      preview({ mode: 'bike', minutes: 10, origin }),
    ]);
    expect(walk20.properties.areaKm2).toBeGreaterThan(walk10.properties.areaKm2 * 2);
    expect(bike10.properties.areaKm2).toBeGreaterThan(walk20.properties.areaKm2);
  });

  it('saves as an isochrone area keeping mode, minutes and origin, with the previewed polygon and its audience', async () => {
    const spec = { mode: 'walk', minutes: 12, origin: store.location };
    const shown = await preview(spec);
    const response = await post(server, '/api/areas', {
      kind: 'isochrone',
      name: '12 min walk',
      params: { isochrone: spec, storeId: store.id },
    });
    expect(response.status).toBe(201);
    const saved = (await response.json()) as SavedArea;
    expect(saved.properties.kind).toBe('isochrone');
    expect(saved.properties.params).toEqual({ isochrone: spec, storeId: store.id });
    expect(saved.geometry).toEqual(shown.geometry);
    const audience = (await (
      await post(server, '/api/audience', { areaId: saved.properties.id })
    ).json()) as { count: number };
    expect(audience.count).toBe(shown.properties.customers);
    // It is an area like any other: listed, comparable, downloadable.
    const list = (await (await server.fetch('/api/areas')).json()) as { features: SavedArea[] };
    expect(list.features.map((f) => f.properties.id)).toContain(saved.properties.id);
    const download = await server.fetch(`/api/areas/${saved.properties.id}/geojson`);
    expect(download.status).toBe(200);
  });

  it('changing the minutes of a saved isochrone redraws it', async () => {
    const spec = { mode: 'walk', minutes: 8, origin: store.location };
    const saved = (await (
      await post(server, '/api/areas', { kind: 'isochrone', params: { isochrone: spec } })
    ).json()) as SavedArea & { properties: { version: number; areaKm2: number } };
    const response = await server.fetch(`/api/areas/${saved.properties.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        version: saved.properties.version,
        params: { isochrone: { ...spec, minutes: 16 } },
      }),
    });
    expect(response.status).toBe(200);
    const patched = (await response.json()) as { properties: { areaKm2: number } };
    expect(patched.properties.areaKm2).toBeGreaterThan(saved.properties.areaKm2 * 2);
  });

  it("an event's reach can be counted by walking time instead of metres", async () => {
    const events = (await (
      await server.fetch('/api/events?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z')
    ).json()) as {
      features: { id: string; geometry: unknown }[];
    };
    const placed = events.features.find((f) => f.geometry !== null)!;
    const response = await server.fetch(`/api/events/${placed.id}/reach?walkMinutes=10`);
    expect(response.status).toBe(200);
    const reach = (await response.json()) as {
      walkMinutes?: number;
      count: number;
      geometry: IsochronePreview['geometry'];
    };
    expect(reach.walkMinutes).toBe(10);
    const walk = await preview({ mode: 'walk', minutes: 10, eventId: placed.id });
    expect(reach.geometry).toEqual(walk.geometry);
    expect(reach.count).toBe(walk.properties.customers);
    // Without it, the reach is the circle of metres, as before.
    const byMeters = (await (
      await server.fetch(`/api/events/${placed.id}/reach?withinMeters=800`)
    ).json()) as {
      walkMinutes?: number;
    };
    expect(byMeters.walkMinutes).toBeUndefined();
    await expectProblem(
      await server.fetch(`/api/events/${placed.id}/reach?walkMinutes=3`),
      400,
      'query.walkMinutes',
    );
  });

  it('names the field at fault', async () => {
    const bad = async (body: unknown, field: string, status = 422) =>
      expectProblem(await post(server, '/api/isochrones', body), status, field);
    await bad({ mode: 'walk', minutes: 45, storeId: store.id }, 'body.minutes');
    await bad({ mode: 'walk', minutes: 4, storeId: store.id }, 'body.minutes');
    await bad({ mode: 'walk', minutes: 7.5, storeId: store.id }, 'body.minutes');
    await bad({ mode: 'fly', minutes: 10, storeId: store.id }, 'body.mode');
    await bad({ mode: 'walk', minutes: 10 }, 'body.origin');
    await bad(
      { mode: 'walk', minutes: 10, storeId: store.id, origin: store.location },
      'body.origin',
    );
    await bad({ mode: 'walk', minutes: 10, storeId: 'no-such-store' }, 'body.storeId');
    await bad({ mode: 'walk', minutes: 10, origin: [200, 52] }, 'body.origin.0');
    // Far out at sea: no street within a kilometre.
    await bad({ mode: 'walk', minutes: 10, origin: [0, 0] }, 'body.origin');
    await expectProblem(
      await post(server, '/api/areas', { kind: 'isochrone', params: {} }),
      422,
      'body.params.isochrone',
    );
    await expectProblem(
      await post(server, '/api/areas', {
        kind: 'isochrone',
        params: { isochrone: { mode: 'walk', minutes: 99, origin: store.location } },
      }),
      422,
      'body.params.isochrone.minutes',
    );
  });
});

describe('travel-time areas from a routing engine', () => {
  const servers: TestServer[] = [];
  const fakes: FakeRouting[] = [];
  afterAll(async () => {
    await Promise.all([...servers.map((s) => s.close()), ...fakes.map((f) => f.close())]);
  });

  // A time-out long enough for a loaded machine, except where the time-out is what a test is about: with 300 ms, a
  // busy test process (which is also the server and the fake engine) timed an answer out and asked again.
  const withEngine = async (
    engine: 'valhalla' | 'openrouteservice',
    { url, timeoutMs = 10_000 }: { url?: string; timeoutMs?: number } = {},
  ) => {
    const fake = await startFakeRouting(engine);
    fakes.push(fake);
    const server = await startTestServer({
      customers: 300,
      env: {
        CATCHMENT_ROUTING: engine,
        CATCHMENT_ROUTING_URL: url ?? fake.url,
        CATCHMENT_ROUTING_KEY: 'test-key',
      },
      routing: { timeoutMs, baseDelayMs: 1, maxDelayMs: 2 },
    });
    servers.push(server);
    return { fake, server };
  };
  const origin: [number, number] = [13.41, 52.52];
  const spec = { mode: 'walk', minutes: 15, origin };

  it("Valhalla's and openrouteservice's answers for the same contour become the same saved area", async () => {
    const valhalla = await withEngine('valhalla');
    const ors = await withEngine('openrouteservice');
    const saved: SavedArea[] = [];
    for (const { server } of [valhalla, ors]) {
      const shown = (await (
        await post(server, '/api/isochrones', spec)
      ).json()) as IsochronePreview;
      const response = await post(server, '/api/areas', {
        kind: 'isochrone',
        name: 'Walk',
        color: '#4e79a7',
        params: { isochrone: spec },
      });
      expect(response.status).toBe(201);
      const area = (await response.json()) as SavedArea;
      expect(area.geometry).toEqual(shown.geometry);
      saved.push(area);
    }
    expect(saved[0]!.geometry).toEqual(saved[1]!.geometry);
    expect(saved[0]!.properties.params).toEqual(saved[1]!.properties.params);

    // Each engine was asked in its own terms; the save reused the preview instead of asking again.
    expect(valhalla.fake.requests).toHaveLength(1);
    expect(valhalla.fake.requests[0]).toMatchObject({
      path: '/isochrone',
      body: {
        locations: [{ lon: origin[0], lat: origin[1] }],
        costing: 'pedestrian',
        contours: [{ time: 15 }],
        polygons: true,
      },
    });
    expect(ors.fake.requests).toHaveLength(1);
    expect(ors.fake.requests[0]).toMatchObject({
      path: '/v2/isochrones/foot-walking',
      body: { locations: [origin], range: [900], range_type: 'time' },
      authorization: 'test-key',
    });
  });

  it('asks for the right costing and profile per mode', async () => {
    const valhalla = await withEngine('valhalla');
    const ors = await withEngine('openrouteservice');
    for (const mode of ['bike', 'drive']) {
      expect((await post(valhalla.server, '/api/isochrones', { ...spec, mode })).status).toBe(200);
      expect((await post(ors.server, '/api/isochrones', { ...spec, mode })).status).toBe(200);
    }
    expect(valhalla.fake.requests.map((r) => (r.body as { costing: string }).costing)).toEqual([
      'bicycle',
      'auto',
    ]);
    expect(ors.fake.requests.map((r) => r.path)).toEqual([
      '/v2/isochrones/cycling-regular',
      '/v2/isochrones/driving-car',
    ]);
  });

  it('retries a failing engine, then answers 503 naming it', async () => {
    const { fake, server } = await withEngine('openrouteservice');
    fake.script({ status: 500 }, { status: 502 }, { status: 503 });
    const problem = await expectProblem(await post(server, '/api/isochrones', spec), 503);
    expect(problem).toMatchObject({ engine: 'openrouteservice', attempts: 3 });
    expect(fake.requests).toHaveLength(3);
    // A hiccup followed by an answer is no error at all.
    fake.script({ status: 503 });
    expect((await post(server, '/api/isochrones', { ...spec, minutes: 20 })).status).toBe(200);
  });

  it('an engine nobody answers at is 503; one that never answers is 504', async () => {
    const { server: down } = await withEngine('valhalla', { url: 'http://127.0.0.1:9' });
    const problem = await expectProblem(await post(down, '/api/isochrones', spec), 503);
    expect(problem.detail).toMatch(/valhalla/);

    const { fake, server } = await withEngine('valhalla', { timeoutMs: 300 });
    fake.script({ status: 0, hang: true }, { status: 0, hang: true }, { status: 0, hang: true });
    const slow = await expectProblem(await post(server, '/api/isochrones', spec), 504);
    expect(slow).toMatchObject({ engine: 'valhalla' });
  });

  it('an answer that is no isochrone is 502; an engine that cannot route from the point names the origin', async () => {
    const { fake, server } = await withEngine('valhalla');
    fake.script({ status: 200, body: { type: 'FeatureCollection', features: [] } });
    await expectProblem(await post(server, '/api/isochrones', spec), 502);
    fake.script({
      status: 400,
      body: {
        error_code: 171,
        error: 'No suitable edges near location',
        status_code: 400,
        status: 'Bad Request',
      },
    });
    const problem = await expectProblem(
      await post(server, '/api/isochrones', spec),
      422,
      'body.origin',
    );
    expect(problem.detail).toMatch(/No suitable edges near location/);
    fake.script({
      status: 403,
      body: { error: { code: 403, message: 'Access to this API has been disallowed' } },
    });
    await expectProblem(await post(server, '/api/isochrones', spec), 502);
  });
});

describe('travel-time areas without a street network', () => {
  it('answers 503 saying what is missing', async () => {
    const server = await startTestServer({ env: { CATCHMENT_DEMO: '0' } });
    try {
      const problem = await expectProblem(
        await post(server, '/api/isochrones', { mode: 'walk', minutes: 10, origin: [13.4, 52.5] }),
        503,
      );
      expect(problem.detail).toMatch(/CATCHMENT_ROUTING/);
    } finally {
      await server.close();
    }
  });
});
