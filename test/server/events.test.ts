// The events API against a real server with a fresh, seeded SQLite file: CRUD, validation (problem+json naming the
// field, nothing written), versions, who may write, and reach checked against an independent count over the customers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { distance } from '@turf/turf';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';

interface EventFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown> & {
    id: string;
    name: string;
    version: number;
    startsAt: string;
    endsAt: string;
    needsPlace: boolean;
  };
}
interface Collection {
  type: 'FeatureCollection';
  features: EventFeature[];
}
interface Reach {
  withinMeters: number;
  count: number | null;
  consented: number | null;
  breakdown: Record<string, { key: string; count: number | null }[]>;
  minGroupSize?: number;
  areas: { id: string; name: string }[];
  nearestStores: { id: string; name: string; distanceMeters: number }[];
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ customers: 1500 });
});
afterAll(async () => {
  await server?.close();
});

const send = (fetcher: SignedInFetch, path: string, method: string, body: unknown) =>
  fetcher(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const eventCount = () => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
};

const promo = {
  name: 'Sampling stand at the Christmas market',
  category: 'promo',
  location: { type: 'Point', coordinates: [13.3928, 52.5138] },
  startsAt: '2026-12-05T10:00:00+01:00',
  endsAt: '2026-12-05T18:00:00+01:00',
  timezone: 'Europe/Berlin',
  expectedAttendance: 800,
  status: 'planned',
  budget: 1200.5,
  notes: 'Bring the banner',
  locationText: 'Gendarmenmarkt',
};

describe('events CRUD', () => {
  it('lists the demo events, placed and sorted by start', async () => {
    const response = await server.fetch('/api/events');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Collection;
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(0);
    const starts = body.features.map((f) => f.properties.startsAt);
    expect(starts).toEqual([...starts].sort());
    for (const f of body.features) {
      expect(f.properties.source).toBe('demo');
      expect(f.geometry?.type).toBe('Point');
      expect(f.properties.needsPlace).toBe(false);
      expect(f.id).toBe(f.properties.id);
    }
  });

  it('creates, reads, patches (versioned) and deletes an event', async () => {
    const created = await send(server.fetch, '/api/events', 'POST', promo);
    expect(created.status).toBe(201);
    const event = (await created.json()) as EventFeature;
    expect(created.headers.get('location')).toBe(`/api/events/${event.id}`);
    expect(event.geometry).toEqual(promo.location);
    expect(event.properties).toMatchObject({
      name: promo.name,
      category: 'promo',
      startsAt: '2026-12-05T09:00:00Z',
      endsAt: '2026-12-05T17:00:00Z',
      timezone: 'Europe/Berlin',
      allDay: false,
      expectedAttendance: 800,
      source: 'manual',
      icsUid: null,
      status: 'planned',
      budget: 1200.5,
      notes: 'Bring the banner',
      locationText: 'Gendarmenmarkt',
      needsPlace: false,
      version: 1,
    });

    const read = (await (await server.fetch(`/api/events/${event.id}`)).json()) as EventFeature;
    expect(read).toEqual(event);

    const patched = await send(server.fetch, `/api/events/${event.id}`, 'PATCH', {
      version: 1,
      name: 'Sampling stand (moved)',
      location: null,
      status: 'confirmed',
    });
    expect(patched.status).toBe(200);
    const after = (await patched.json()) as EventFeature;
    expect(after.geometry).toBeNull();
    expect(after.properties).toMatchObject({
      name: 'Sampling stand (moved)',
      needsPlace: true,
      status: 'confirmed',
      version: 2,
      budget: 1200.5,
      startsAt: '2026-12-05T09:00:00Z',
    });

    await expectProblem(
      await send(server.fetch, `/api/events/${event.id}`, 'PATCH', { version: 1, name: 'Stale' }),
      409,
      'body.version',
    );
    await expectProblem(
      await send(server.fetch, `/api/events/${event.id}`, 'PATCH', { name: 'No version' }),
      409,
      'body.version',
    );

    const placed = await send(server.fetch, `/api/events/${event.id}`, 'PATCH', {
      version: 2,
      location: { type: 'Point', coordinates: [13.4, 52.51] },
    });
    expect(((await placed.json()) as EventFeature).properties).toMatchObject({
      needsPlace: false,
      version: 3,
    });

    expect((await server.fetch(`/api/events/${event.id}`, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(await server.fetch(`/api/events/${event.id}`), 404, 'params.id');
    await expectProblem(
      await server.fetch(`/api/events/${event.id}`, { method: 'DELETE' }),
      404,
      'params.id',
    );
  });

  it('creates an unplaced event that needs a place', async () => {
    const { location: _location, ...rest } = promo;
    const response = await send(server.fetch, '/api/events', 'POST', {
      ...rest,
      name: 'Somewhere TBD',
      allDay: true,
    });
    expect(response.status).toBe(201);
    const event = (await response.json()) as EventFeature;
    expect(event.geometry).toBeNull();
    expect(event.properties).toMatchObject({ needsPlace: true, allDay: true });
    await server.fetch(`/api/events/${event.id}`, { method: 'DELETE' });
  });

  it('filters by time window (overlap) and category', async () => {
    const a = (await (
      await send(server.fetch, '/api/events', 'POST', {
        ...promo,
        name: 'Window A',
        category: 'window-test',
        startsAt: '2030-01-10T10:00:00Z',
        endsAt: '2030-01-12T10:00:00Z',
      })
    ).json()) as EventFeature;
    const b = (await (
      await send(server.fetch, '/api/events', 'POST', {
        ...promo,
        name: 'Window B',
        category: 'window-test',
        startsAt: '2030-01-20T10:00:00Z',
        endsAt: '2030-01-20T12:00:00Z',
      })
    ).json()) as EventFeature;
    const names = async (query: string) =>
      ((await (await server.fetch(`/api/events?${query}`)).json()) as Collection).features.map(
        (f) => f.properties.name,
      );
    expect(await names('category=window-test')).toEqual(['Window A', 'Window B']);
    expect(
      await names(
        `category=window-test&from=${encodeURIComponent('2030-01-11T00:00:00Z')}&to=${encodeURIComponent('2030-01-15T00:00:00Z')}`,
      ),
    ).toEqual(['Window A']);
    expect(
      await names(`category=window-test&from=${encodeURIComponent('2030-01-12T10:00:01Z')}`),
    ).toEqual(['Window B']);
    expect(
      await names(`category=window-test&to=${encodeURIComponent('2030-01-10T09:59:59Z')}`),
    ).toEqual([]);
    await expectProblem(await server.fetch('/api/events?from=yesterday'), 400, 'query.from');
    for (const e of [a, b]) await server.fetch(`/api/events/${e.id}`, { method: 'DELETE' });
  });

  it('refuses invalid bodies, naming the field, and writes nothing', async () => {
    const before = eventCount();
    const cases: [unknown, string][] = [
      [{ ...promo, name: '' }, 'body.name'],
      [{ ...promo, timezone: 'Mars/Olympus' }, 'body.timezone'],
      [{ ...promo, startsAt: 'tomorrow' }, 'body.startsAt'],
      [{ ...promo, endsAt: '2026-12-05T08:00:00+01:00' }, 'body.endsAt'],
      [
        { ...promo, location: { type: 'Point', coordinates: [200, 52] } },
        'body.location.coordinates.0',
      ],
      [{ ...promo, status: 'maybe' }, 'body.status'],
      [{ ...promo, budget: -1 }, 'body.budget'],
      [{ ...promo, surprise: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const problem = await expectProblem(
        await send(server.fetch, '/api/events', 'POST', body),
        422,
      );
      expect(
        problem.errors?.some((e) => e.field.startsWith(field)),
        `${field} in ${JSON.stringify(problem.errors)}`,
      ).toBe(true);
    }
    const created = (await (
      await send(server.fetch, '/api/events', 'POST', promo)
    ).json()) as EventFeature;
    await expectProblem(
      await send(server.fetch, `/api/events/${created.id}`, 'PATCH', {
        version: 1,
        endsAt: '2020-01-01T00:00:00Z',
      }),
      422,
      'body.endsAt',
    );
    expect(
      ((await (await server.fetch(`/api/events/${created.id}`)).json()) as EventFeature).properties
        .version,
    ).toBe(1);
    await server.fetch(`/api/events/${created.id}`, { method: 'DELETE' });
    expect(eventCount()).toBe(before);
  });

  it('lets every role read and only owner, manager, store manager and marketer write', async () => {
    for (const role of ['manager', 'store_manager', 'marketer'] as const) {
      const as = await server.as(role);
      const created = await send(as, '/api/events', 'POST', { ...promo, name: `By ${role}` });
      expect(created.status, role).toBe(201);
      const id = ((await created.json()) as EventFeature).id;
      expect((await as(`/api/events/${id}`, { method: 'DELETE' })).status).toBe(204);
    }
    const viewer = await server.as('viewer');
    expect((await viewer('/api/events')).status).toBe(200);
    await expectProblem(await send(viewer, '/api/events', 'POST', promo), 403);
  });
});

describe('event reach', () => {
  const customersFromDb = () => {
    const db = new Database(server.dbFile, { readonly: true });
    try {
      return db
        .prepare('SELECT lng, lat, consent, home_store_id AS store FROM customers')
        .all() as { lng: number; lat: number; consent: number; store: string | null }[];
    } finally {
      db.close();
    }
  };

  it('counts the customers within the radius, lists overlapping areas and the 3 nearest stores', async () => {
    const center: [number, number] = [13.4132, 52.5389];
    const event = (await (
      await send(server.fetch, '/api/events', 'POST', {
        ...promo,
        location: { type: 'Point', coordinates: center },
      })
    ).json()) as EventFeature;
    const near = (await (
      await send(server.fetch, '/api/areas', 'POST', {
        kind: 'radius',
        name: 'Near the event',
        params: { center: [13.42, 52.54], radiusMeters: 500 },
      })
    ).json()) as { id: string };
    const far = (await (
      await send(server.fetch, '/api/areas', 'POST', {
        kind: 'radius',
        name: 'Far away',
        params: { center: [13.2, 52.43], radiusMeters: 500 },
      })
    ).json()) as { id: string };

    const radius = 2500;
    const response = await server.fetch(`/api/events/${event.id}/reach?withinMeters=${radius}`);
    expect(response.status).toBe(200);
    const reach = (await response.json()) as Reach;

    // Independently: great-circle distance over every customer. The 64-step circle is inscribed, so points in the
    // last 0.2% of the radius may fall either way.
    const customers = customersFromDb().map((c) => ({
      ...c,
      meters: distance(center, [c.lng, c.lat], { units: 'meters' }),
    }));
    const surely = customers.filter((c) => c.meters <= radius * 0.998);
    const maybe = customers.filter((c) => c.meters <= radius);
    expect(surely.length).toBeGreaterThan(20);
    expect(reach.withinMeters).toBe(radius);
    expect(reach.count).toBeGreaterThanOrEqual(surely.length);
    expect(reach.count).toBeLessThanOrEqual(maybe.length);
    expect(reach.consented).toBeGreaterThanOrEqual(surely.filter((c) => c.consent === 1).length);
    expect(reach.consented).toBeLessThanOrEqual(maybe.filter((c) => c.consent === 1).length);
    expect(reach.breakdown.ageBands!.reduce((sum, b) => sum + (b.count ?? 0), 0)).toBe(reach.count);

    expect(reach.areas.map((a) => a.id)).toContain(near.id);
    expect(reach.areas.map((a) => a.id)).not.toContain(far.id);

    const stores = (
      (await (await server.fetch('/api/stores')).json()) as {
        features: {
          geometry: { coordinates: [number, number] };
          properties: { id: string; name: string };
        }[];
      }
    ).features;
    const expected = stores
      .map((s) => ({
        id: s.properties.id,
        name: s.properties.name,
        distanceMeters: Math.round(distance(center, s.geometry.coordinates, { units: 'meters' })),
      }))
      .sort((a, b) => a.distanceMeters - b.distanceMeters || a.id.localeCompare(b.id))
      .slice(0, 3);
    expect(reach.nearestStores).toEqual(expected);

    // A segment narrows the count: consented customers only are exactly the consented ones.
    const segment = encodeURIComponent(JSON.stringify({ consentedOnly: true }));
    const consentedOnly = (await (
      await server.fetch(`/api/events/${event.id}/reach?withinMeters=${radius}&segment=${segment}`)
    ).json()) as Reach;
    expect(consentedOnly.count).toBe(reach.consented);
    await expectProblem(
      await server.fetch(`/api/events/${event.id}/reach?segment=%7Bnope`),
      400,
      'query.segment',
    );
    await expectProblem(
      await server.fetch(
        `/api/events/${event.id}/reach?segment=${encodeURIComponent('{"genders":["robot"]}')}`,
      ),
      400,
      'query.segment.genders.0',
    );

    // The default radius is 800 m; out-of-range radii are refused.
    expect(
      ((await (await server.fetch(`/api/events/${event.id}/reach`)).json()) as Reach).withinMeters,
    ).toBe(800);
    await expectProblem(
      await server.fetch(`/api/events/${event.id}/reach?withinMeters=10`),
      400,
      'query.withinMeters',
    );
    await expectProblem(
      await server.fetch(`/api/events/${event.id}/reach?withinMeters=9000`),
      400,
      'query.withinMeters',
    );

    // Store managers count their store's customers only; aggregate roles get the count or null below k.
    const storeId = stores[0]!.properties.id;
    const manager = await server.as('store_manager', { storeIds: [storeId] });
    const scoped = (await (
      await manager(`/api/events/${event.id}/reach?withinMeters=${radius}`)
    ).json()) as Reach;
    expect(scoped.count).toBeGreaterThanOrEqual(surely.filter((c) => c.store === storeId).length);
    expect(scoped.count).toBeLessThanOrEqual(maybe.filter((c) => c.store === storeId).length);

    const viewer = await server.as('viewer');
    const aggregate = (await (
      await viewer(`/api/events/${event.id}/reach?withinMeters=${radius}`)
    ).json()) as Reach;
    expect(aggregate.minGroupSize).toBeGreaterThan(0);
    expect(aggregate.count).toBe(reach.count! < aggregate.minGroupSize! ? null : reach.count);
    const tiny = (await (
      await viewer(`/api/events/${event.id}/reach?withinMeters=50`)
    ).json()) as Reach;
    const tinyOwner = (await (
      await server.fetch(`/api/events/${event.id}/reach?withinMeters=50`)
    ).json()) as Reach;
    expect(tiny.count).toBe(tinyOwner.count! < tiny.minGroupSize! ? null : tinyOwner.count);

    await server.fetch(`/api/events/${event.id}`, { method: 'DELETE' });
    for (const id of [near.id, far.id])
      await server.fetch(`/api/areas/${id}`, { method: 'DELETE' });
  });

  it('refuses the reach of an event without a place', async () => {
    const { location: _location, ...rest } = promo;
    const event = (await (
      await send(server.fetch, '/api/events', 'POST', rest)
    ).json()) as EventFeature;
    await expectProblem(await server.fetch(`/api/events/${event.id}/reach`), 422, 'params.id');
    await expectProblem(await server.fetch('/api/events/ev-nope/reach'), 404, 'params.id');
    await server.fetch(`/api/events/${event.id}`, { method: 'DELETE' });
  });
});
