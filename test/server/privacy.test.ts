// Privacy against a real server: the workspace settings, store managers limited to their stores' customers and their
// own areas, aggregate-only roles limited to clusters and groups of at least k, erasure and retention.
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../server/domain/schemas/audience.js';
import { routeAccess, tokenScopes } from '../../server/domain/permissions.js';
import { applyRetention, monthsBefore } from '../../server/services/customers/retention.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';

let server: TestServer;
const now = new Date('2026-11-23T09:00:00Z');
let stores: string[];
let manager: SignedInFetch;
let marketer: SignedInFetch;

/** Everything the demo city can hold. */
const everywhere = {
  type: 'Polygon',
  coordinates: [
    [
      [12, 51],
      [15, 51],
      [15, 54],
      [12, 54],
      [12, 51],
    ],
  ],
};

interface Row {
  id: string;
  first_name: string;
  email: string;
  home_store_id: string | null;
  lng: number;
  lat: number;
  consent: number;
}
/** Audit entries, newest first (read straight from the table: the audit-reading API is not this test's subject). */
function auditEntries(filter: { action?: string; targetType?: string }) {
  const all = server.deps.db
    .prepare(
      'SELECT actor_id AS actorId, actor, action, target_type AS targetType, target_id AS targetId, detail FROM audit_log ORDER BY id DESC',
    )
    .all() as {
    actorId: string | null;
    actor: string;
    action: string;
    targetType: string;
    targetId: string | null;
    detail: string;
  }[];
  return all
    .filter(
      (e) =>
        (filter.action === undefined || e.action === filter.action) &&
        (filter.targetType === undefined || e.targetType === filter.targetType),
    )
    .map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
}
const rows = () =>
  server.deps.db
    .prepare(
      'SELECT id, first_name, email, home_store_id, lng, lat, consent FROM customers ORDER BY seq',
    )
    .all() as Row[];
const json = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const audienceAs = async (f: SignedInFetch, body: unknown) => {
  const response = await f('/api/audience', json(body));
  expect(response.status).toBe(200);
  return (await response.json()) as Audience;
};

interface TileFeature {
  type: number;
  properties: Record<string, unknown>;
}
async function tileAs(f: SignedInFetch, z: number, x: number, y: number): Promise<TileFeature[]> {
  const response = await f(`/api/tiles/customers/${z}/${x}/${y}.pbf`);
  if (response.status === 204) return [];
  expect(response.status).toBe(200);
  const layer = new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer())) as never)
    .layers.customers;
  return layer
    ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)).map((f) => ({
        type: f.type,
        properties: f.properties,
      }))
    : [];
}
const tileOf = (lng: number, lat: number, z: number) => {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n),
  };
};

beforeAll(async () => {
  server = await startTestServer({ customers: 600, clock: () => now });
  const counts = server.deps.db
    .prepare(
      'SELECT home_store_id AS id, count(*) AS n FROM customers WHERE home_store_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC',
    )
    .all() as { id: string; n: number }[];
  stores = counts.slice(0, 2).map((s) => s.id);
  manager = await server.as('store_manager', { storeIds: stores });
  marketer = await server.as('marketer');
});
afterAll(async () => {
  await server?.close();
});

describe('privacy settings', () => {
  const metric = { distanceUnits: 'metric', temperatureUnit: 'celsius' };

  it('keeps the display units, names a unit it does not know, and hands them to every client in the config', async () => {
    for (const [field, value] of [
      ['distanceUnits', 'nautical'],
      ['temperatureUnit', 'kelvin'],
    ] as const)
      await expectProblem(
        await server.fetch('/api/settings', json({ [field]: value }, 'PATCH')),
        422,
        `body.${field}`,
      );
    const imperial = { distanceUnits: 'imperial', temperatureUnit: 'fahrenheit' };
    const changed = await server.fetch('/api/settings', json(imperial, 'PATCH'));
    expect(await changed.json()).toMatchObject(imperial);
    const config = (await (await marketer('/api/config')).json()) as { workspace: object };
    expect(config.workspace).toMatchObject(imperial);
    await server.fetch('/api/settings', json(metric, 'PATCH'));
    expect(await (await marketer('/api/settings')).json()).toMatchObject(metric);
  });

  it('reads the defaults, lets only the owner change them, validates, and records the change', async () => {
    // The demo city is Berlin: its workspace keeps Berlin's clock.
    expect(await (await marketer('/api/settings')).json()).toEqual({
      minGroupSize: 10,
      retentionMonths: null,
      timeZone: 'Europe/Berlin',
      ...metric,
    });
    await expectProblem(await marketer('/api/settings', json({ minGroupSize: 5 }, 'PATCH')), 403);
    await expectProblem(
      await server.fetch('/api/settings', json({ minGroupSize: 1 }, 'PATCH')),
      422,
      'body.minGroupSize',
    );
    await expectProblem(
      await server.fetch('/api/settings', json({ retentionMonths: 0 }, 'PATCH')),
      422,
      'body.retentionMonths',
    );
    for (const timeZone of ['CET', 'Europe/Atlantis', 'europe/berlin', '', 42])
      await expectProblem(
        await server.fetch('/api/settings', json({ timeZone }, 'PATCH')),
        422,
        'body.timeZone',
      );
    expect(await (await server.fetch('/api/settings')).json()).toEqual({
      minGroupSize: 10,
      retentionMonths: null,
      timeZone: 'Europe/Berlin',
      ...metric,
    });

    const changed = await server.fetch(
      '/api/settings',
      json({ minGroupSize: 25, retentionMonths: 36 }, 'PATCH'),
    );
    expect(await changed.json()).toEqual({
      minGroupSize: 25,
      retentionMonths: 36,
      timeZone: 'Europe/Berlin',
      ...metric,
    });
    expect(
      await (
        await server.fetch(
          '/api/settings',
          json({ minGroupSize: 10, retentionMonths: null }, 'PATCH'),
        )
      ).json(),
    ).toEqual({
      minGroupSize: 10,
      retentionMonths: null,
      timeZone: 'Europe/Berlin',
      ...metric,
    });
    const [entry] = auditEntries({ action: 'settings.update' });
    expect(entry).toMatchObject({
      action: 'settings.update',
      targetType: 'settings',
      detail: { fields: ['minGroupSize', 'retentionMonths'] },
    });
  });

  it('keep the workspace time zone: set, shown in the app config, and unset again', async () => {
    const zone = async () =>
      ((await (await server.fetch('/api/config')).json()) as { workspace: { timeZone?: string } })
        .workspace.timeZone;
    expect(await zone()).toBe('Europe/Berlin');
    const set = await server.fetch(
      '/api/settings',
      json({ timeZone: 'America/New_York' }, 'PATCH'),
    );
    expect(set.status).toBe(200);
    expect(((await set.json()) as { timeZone: string }).timeZone).toBe('America/New_York');
    expect(await zone()).toBe('America/New_York');
    const unset = await server.fetch('/api/settings', json({ timeZone: null }, 'PATCH'));
    expect(((await unset.json()) as { timeZone: string | null }).timeZone).toBeNull();
    expect(await zone()).toBeUndefined();
    await server.fetch('/api/settings', json({ timeZone: 'Europe/Berlin' }, 'PATCH'));
    expect(await zone()).toBe('Europe/Berlin');
  });
});

describe('store managers', () => {
  it('list and read only customers of their stores; others answer 404', async () => {
    const theirs = rows().filter(
      (r) => r.home_store_id !== null && stores.includes(r.home_store_id),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await (
        await manager(`/api/customers?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as {
        features: { properties: { id: string; homeStoreId: string } }[];
        nextCursor?: string;
      };
      for (const f of page.features) {
        expect(stores).toContain(f.properties.homeStoreId);
        seen.push(f.properties.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(theirs.map((r) => r.id).sort());

    const other = rows().find(
      (r) => r.home_store_id === null || !stores.includes(r.home_store_id),
    )!;
    await expectProblem(await manager(`/api/customers/${other.id}`), 404, 'params.id');
    expect((await manager(`/api/customers/${theirs[0]!.id}`)).status).toBe(200);
  });

  it('count only their customers, even when the segment names other stores; facets too', async () => {
    const theirs = rows().filter(
      (r) => r.home_store_id !== null && stores.includes(r.home_store_id),
    );
    expect((await audienceAs(manager, { geometry: everywhere })).count).toBe(theirs.length);
    expect(
      (await audienceAs(manager, { geometry: everywhere, segment: { storeIds: [stores[0]] } }))
        .count,
    ).toBe(theirs.filter((r) => r.home_store_id === stores[0]).length);
    const others = rows().find(
      (r) => r.home_store_id !== null && !stores.includes(r.home_store_id),
    )!.home_store_id!;
    const none = await audienceAs(manager, {
      geometry: everywhere,
      segment: { storeIds: [others] },
    });
    expect(none.count).toBe(0);
    expect(none.revenue.total).toBe(0);

    const facets = (await (await manager('/api/audience/facets')).json()) as {
      stores: { key: string; count: number }[];
    };
    expect(facets.stores.map((s) => s.key).sort()).toEqual([...stores].sort());
    expect(facets.stores.reduce((sum, s) => sum + s.count, 0)).toBe(theirs.length);
  });

  it('export only their consented customers', async () => {
    const csv = await (
      await manager('/api/audience/export', json({ geometry: everywhere }))
    ).text();
    const ids = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    const expected = rows()
      .filter(
        (r) => r.consent === 1 && r.home_store_id !== null && stores.includes(r.home_store_id),
      )
      .map((r) => r.id);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('see only their customers on the map', async () => {
    const theirs = rows().filter(
      (r) => r.home_store_id !== null && stores.includes(r.home_store_id),
    );
    const world = await tileAs(manager, 0, 0, 0);
    expect(world.reduce((sum, f) => sum + Number(f.properties.point_count ?? 1), 0)).toBe(
      theirs.length,
    );
    // Up close, single points: each one of theirs, and someone else's customer is not there.
    const other = rows().find(
      (r) => r.home_store_id !== null && !stores.includes(r.home_store_id),
    )!;
    const t = tileOf(other.lng, other.lat, 17);
    const close = await tileAs(manager, t.z, t.x, t.y);
    for (const f of close.filter((f) => !f.properties.cluster))
      expect(stores).toContain(f.properties.store);
    expect(close.map((f) => f.properties.id)).not.toContain(other.id);
    expect((await tileAs(server.fetch, t.z, t.x, t.y)).map((f) => f.properties.id)).toContain(
      other.id,
    );
  });

  it('see their own, shared and shared-with-them areas, and change only their own', async () => {
    const other = await server.as('store_manager', { storeIds: stores.slice(1) });
    const created = await manager(
      '/api/areas',
      json({ kind: 'radius', params: { center: [13.4, 52.52], radiusMeters: 800 } }),
    );
    expect(created.status).toBe(201);
    const mine = (await created.json()) as {
      id: string;
      properties: { owner: string; shared: boolean; sharedWith: string[]; version: number };
    };
    expect(mine.properties).toMatchObject({ owner: manager.userId, shared: false, sharedWith: [] });
    const headOffice = (await (
      await server.fetch(
        '/api/areas',
        json({ kind: 'radius', params: { center: [13.3, 52.5], radiusMeters: 500 } }),
      )
    ).json()) as { id: string; properties: { shared: boolean; version: number } };
    expect(headOffice.properties.shared).toBe(true);

    const ids = async (f: SignedInFetch) =>
      ((await (await f('/api/areas')).json()) as { features: { id: string }[] }).features.map(
        (a) => a.id,
      );
    expect(await ids(manager)).toEqual(expect.arrayContaining([mine.id, headOffice.id]));
    expect(await ids(other)).toContain(headOffice.id);
    expect(await ids(other)).not.toContain(mine.id);
    expect(await ids(server.fetch)).toContain(mine.id);
    await expectProblem(await other(`/api/areas/${mine.id}`), 404, 'params.id');
    await expectProblem(
      await other('/api/audience', json({ areaId: mine.id })),
      404,
      'body.areaId',
    );
    await expectProblem(
      await other(`/api/areas/${mine.id}`, json({ name: 'x', version: 1 }, 'PATCH')),
      404,
    );

    await expectProblem(
      await manager(
        `/api/areas/${headOffice.id}`,
        json({ name: 'Mine now', version: headOffice.properties.version }, 'PATCH'),
      ),
      403,
    );
    await expectProblem(await manager(`/api/areas/${headOffice.id}`, { method: 'DELETE' }), 403);
    await expectProblem(
      await marketer(`/api/areas/${mine.id}`, json({ shared: true, version: 1 }, 'PATCH')),
      403,
      'body.shared',
    );
    await expectProblem(
      await manager(
        `/api/areas/${mine.id}`,
        json({ sharedWith: ['us-nobody'], version: 1 }, 'PATCH'),
      ),
      422,
      'body.sharedWith.0',
    );

    const shared = await manager(
      `/api/areas/${mine.id}`,
      json({ sharedWith: [other.userId], version: 1 }, 'PATCH'),
    );
    expect(shared.status).toBe(200);
    expect(((await shared.json()) as typeof mine).properties).toMatchObject({
      shared: false,
      sharedWith: [other.userId],
      version: 2,
    });
    expect(await ids(other)).toContain(mine.id);
    // Shared with them is for seeing, not for changing.
    await expectProblem(await other(`/api/areas/${mine.id}`, { method: 'DELETE' }), 403);
    expect((await manager(`/api/areas/${mine.id}`, { method: 'DELETE' })).status).toBe(204);

    const entries = auditEntries({ targetType: 'area' }).filter((e) => e.targetId === mine.id);
    expect(entries.map((e) => [e.action, e.actorId, e.detail])).toEqual([
      ['area.delete', manager.userId, { fields: [] }],
      ['area.update', manager.userId, { fields: ['sharedWith'] }],
      ['area.create', manager.userId, { fields: ['kind', 'params'] }],
    ]);
  });
});

describe('aggregate-only roles', () => {
  it('see clusters of at least k at every zoom, never a single customer', async () => {
    const all = rows();
    const dense = all[0]!;
    let clusters = 0;
    for (const z of [0, 8, 11, 13, 15, 17, 20]) {
      const t = tileOf(dense.lng, dense.lat, z);
      for (const f of await tileAs(marketer, t.z, t.x, t.y)) {
        expect(f.properties.cluster).toBe(true);
        expect(f.properties).not.toHaveProperty('id');
        expect(Number(f.properties.point_count)).toBeGreaterThanOrEqual(10);
        clusters++;
      }
    }
    expect(clusters).toBeGreaterThan(0);
    const world = await tileAs(marketer, 0, 0, 0);
    expect(world.reduce((sum, f) => sum + Number(f.properties.point_count), 0)).toBeLessThanOrEqual(
      all.length,
    );
  });

  it('get counts below k as null, revenue hidden with them, and the answer names k', async () => {
    const big = await audienceAs(marketer, { geometry: everywhere });
    expect(big.minGroupSize).toBe(10);
    expect(big.count).toBe((await audienceAs(server.fetch, { geometry: everywhere })).count);
    expect(big.revenue.total).not.toBeNull();
    for (const list of Object.values(big.breakdown))
      for (const b of list) expect(b.count === null || b.count >= 10).toBe(true);

    const small = await audienceAs(marketer, {
      geometry: everywhere,
      segment: { ageMin: 30, ageMax: 30, loyaltyTiers: ['gold'] },
    });
    const truth = await audienceAs(server.fetch, {
      geometry: everywhere,
      segment: { ageMin: 30, ageMax: 30, loyaltyTiers: ['gold'] },
    });
    expect(truth.count).toBeLessThan(10);
    expect(truth).not.toHaveProperty('minGroupSize');
    expect(small).toMatchObject({
      count: null,
      consented: null,
      revenue: { total: null, avgSpend: null },
      minGroupSize: 10,
    });

    const facets = (await (await marketer('/api/audience/facets')).json()) as {
      minGroupSize: number;
      interests: { count: number | null }[];
    };
    expect(facets.minGroupSize).toBe(10);
    for (const f of facets.interests) expect(f.count === null || f.count >= 10).toBe(true);
  });
});

describe('rows about a person', () => {
  it('reach no aggregate-only role or API token on any GET route: no customer id, email or phone in any answer', async () => {
    // A campaign redeemed by one named customer: the rows the redemptions list and results are built from.
    const customer = rows().find((r) => r.home_store_id !== null)!;
    const area = (await (
      await server.fetch(
        '/api/areas',
        json({
          kind: 'radius',
          params: { center: [customer.lng, customer.lat], radiusMeters: 800 },
        }),
      )
    ).json()) as { id: string };
    const campaign = (await (
      await server.fetch(
        '/api/campaigns',
        json({
          name: 'Walk-in',
          areaIds: [area.id],
          offer: { headline: 'Hello', code: 'WALKIN' },
          channel: 'in_store',
          startsAt: '2026-11-01T00:00:00Z',
          endsAt: '2027-01-31T00:00:00Z',
          timezone: 'Europe/Berlin',
          status: 'active',
        }),
      )
    ).json()) as { id: string };
    server.deps.db
      .prepare(
        "INSERT INTO redemptions (id, campaign_id, area_id, code, store_id, amount, redeemed_at, customer_id, created_at) VALUES ('rd-walk', ?, ?, 'WALKIN', ?, 9.5, '2026-11-22T10:00:00Z', ?, '2026-11-22T10:00:00Z')",
      )
      .run(campaign.id, area.id, customer.home_store_id, customer.id);
    const event = (await (
      await server.fetch(
        '/api/events',
        json({
          name: 'Fair',
          category: 'market',
          location: { type: 'Point', coordinates: [customer.lng, customer.lat] },
          startsAt: '2026-11-28T10:00:00Z',
          endsAt: '2026-11-28T18:00:00Z',
        }),
      )
    ).json()) as { id: string };
    const token = (
      (await (
        await server.fetch('/api/tokens', json({ name: 'every scope', scopes: [...tokenScopes] }))
      ).json()) as { secret: string }
    ).secret;
    const asToken = ((path: string) =>
      fetch(server.url + path, { headers: { Authorization: `Bearer ${token}` } })) as SignedInFetch;

    const tile = tileOf(customer.lng, customer.lat, 16);
    const concrete = (path: string) => {
      const id = path.startsWith('/api/campaigns/')
        ? campaign.id
        : path.startsWith('/api/areas/')
          ? area.id
          : path.startsWith('/api/events/')
            ? event.id
            : customer.id;
      return path
        .replace(':z', String(tile.z))
        .replace(':x', String(tile.x))
        .replace(':file', `${tile.y}.pbf`)
        .replace(':id', encodeURIComponent(id));
    };
    const routes = Object.keys(routeAccess)
      .filter((key) => key.startsWith('GET '))
      .map((key) => concrete(key.slice(4)));
    const people = rows().filter((r) => r.consent || r.id === customer.id);
    const phones = server.deps.db
      .prepare('SELECT phone FROM customers WHERE length(phone) > 6')
      .pluck()
      .all() as string[];
    const leaks: string[] = [];
    let answered = 0;
    for (const [who, caller] of [
      ['viewer', await server.as('viewer')],
      ['marketer', marketer],
      ['token', asToken],
    ] as const) {
      for (const path of routes) {
        const response = await caller(path);
        if (response.status === 200) answered++;
        const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
        const found = [
          customer.id,
          customer.email,
          ...people.slice(0, 200).flatMap((p) => [p.id, p.email]),
          ...phones.slice(0, 200),
        ].find((value) => value && body.includes(value));
        if (found)
          leaks.push(
            `${who} ${path} shows ${found === customer.id ? 'the redeeming customer' : 'a customer'}`,
          );
      }
    }
    expect(leaks).toEqual([]);
    // The walk read real answers, not only refusals.
    expect(answered).toBeGreaterThan(routes.length);
  });
});

describe("areas' customer counts", () => {
  it("count a store manager's customers only, and leave the count out below k for aggregate roles", async () => {
    const created = (await (
      await server.fetch(
        '/api/areas',
        json({ kind: 'radius', params: { center: [13.4, 52.52], radiusMeters: 3000 } }),
      )
    ).json()) as { id: string; properties: { customers: number } };
    const read = async (f: SignedInFetch) =>
      (
        (await (await f(`/api/areas/${created.id}`)).json()) as {
          properties: { customers?: number };
        }
      ).properties.customers;
    expect(await read(manager)).toBe((await audienceAs(manager, { areaId: created.id })).count);
    expect(await read(manager)).toBeLessThan(created.properties.customers);
    expect(await read(marketer)).toBe(created.properties.customers);

    const tiny = (await (
      await server.fetch(
        '/api/areas',
        json({ kind: 'radius', params: { center: [13.4, 52.52], radiusMeters: 60 } }),
      )
    ).json()) as { id: string; properties: { customers: number } };
    expect(tiny.properties.customers).toBeLessThan(10);
    const listed = (
      (await (await marketer('/api/areas')).json()) as {
        features: { id: string; properties: { customers?: number } }[];
      }
    ).features.find((a) => a.id === tiny.id)!;
    expect(listed.properties).not.toHaveProperty('customers');
  });
});

describe('erasure', () => {
  it('removes a customer from counts, reads, tiles and exports, and the audit log keeps nothing of them', async () => {
    const target = rows().find((r) => r.consent === 1)!;
    const around = {
      type: 'Polygon',
      coordinates: [
        [
          [target.lng - 0.01, target.lat - 0.01],
          [target.lng + 0.01, target.lat - 0.01],
          [target.lng + 0.01, target.lat + 0.01],
          [target.lng - 0.01, target.lat + 0.01],
          [target.lng - 0.01, target.lat - 0.01],
        ],
      ],
    };
    const before = (await audienceAs(server.fetch, { geometry: around })).count!;
    expect(
      await (await server.fetch('/api/audience/export', json({ geometry: around }))).text(),
    ).toContain(target.id);
    const t = tileOf(target.lng, target.lat, 18);
    expect((await tileAs(server.fetch, t.z, t.x, t.y)).map((f) => f.properties.id)).toContain(
      target.id,
    );

    await expectProblem(await manager(`/api/customers/${target.id}`, { method: 'DELETE' }), 403);
    const erased = await server.fetch(`/api/customers/${target.id}`, { method: 'DELETE' });
    expect(erased.status).toBe(204);

    expect((await audienceAs(server.fetch, { geometry: around })).count).toBe(before - 1);
    await expectProblem(await server.fetch(`/api/customers/${target.id}`), 404, 'params.id');
    await expectProblem(
      await server.fetch(`/api/customers/${target.id}`, { method: 'DELETE' }),
      404,
      'params.id',
    );
    expect(
      await (await server.fetch('/api/audience/export', json({ geometry: around }))).text(),
    ).not.toContain(target.id);
    expect((await tileAs(server.fetch, t.z, t.x, t.y)).map((f) => f.properties.id)).not.toContain(
      target.id,
    );

    const [entry] = auditEntries({ action: 'customer.erase' });
    expect(entry).toMatchObject({
      action: 'customer.erase',
      targetType: 'customer',
      targetId: null,
      detail: { count: 1 },
    });
    const stored = JSON.stringify(server.deps.db.prepare('SELECT * FROM audit_log').all());
    for (const value of [target.id, target.email, target.first_name])
      expect(stored).not.toContain(value);
  });
});

describe('retention', () => {
  it('counts months in calendar terms', () => {
    expect(monthsBefore(new Date('2026-03-31T12:00:00Z'), 1)).toBe('2026-02-28');
    expect(monthsBefore(new Date('2026-11-23T09:00:00Z'), 12)).toBe('2025-11-23');
  });

  it('does nothing while off, then erases customers without a purchase or update in N months, once', async () => {
    expect(applyRetention(server.deps, now)).toBe(0);
    await server.fetch('/api/settings', json({ retentionMonths: 6 }, 'PATCH'));
    const stale = server.deps.db
      .prepare(
        "SELECT id FROM customers WHERE substr(coalesce(last_purchase_at, updated_at), 1, 10) < '2026-05-23'",
      )
      .pluck()
      .all() as string[];
    const total = rows().length;
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.length).toBeLessThan(total);

    expect(applyRetention(server.deps, now)).toBe(stale.length);
    expect(applyRetention(server.deps, now)).toBe(0);
    expect(rows().length).toBe(total - stale.length);
    expect((await audienceAs(server.fetch, { geometry: everywhere })).count).toBe(
      total - stale.length,
    );
    await expectProblem(await server.fetch(`/api/customers/${stale[0]}`), 404);
    const world = await tileAs(server.fetch, 0, 0, 0);
    expect(world.reduce((sum, f) => sum + Number(f.properties.point_count ?? 1), 0)).toBe(
      total - stale.length,
    );

    const entries = auditEntries({ action: 'customer.retention' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: null,
      actor: 'retention',
      targetId: null,
      detail: { months: 6, count: stale.length },
    });
    await server.fetch('/api/settings', json({ retentionMonths: null }, 'PATCH'));
  });
});
