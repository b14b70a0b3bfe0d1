// "Remove demo data": owners only, everything the seeder wrote goes (and only that), counts and tiles follow at once,
// the audit log says who, and the next start does not seed the demo again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
const now = new Date('2026-11-23T09:00:00Z');

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

beforeAll(async () => {
  server = await startTestServer({ customers: 1500, clock: () => now });
});
afterAll(() => server.close());

const count = (sql: string) => server.deps.db.prepare(sql).pluck().get() as number;
const audienceCount = async () => {
  const response = await server.fetch('/api/audience', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ geometry: everywhere }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { count: number }).count;
};

describe('removing the demo data', () => {
  it('says what it would remove, and refuses everyone but owners', async () => {
    const described = await server.fetch('/api/workspace/demo');
    expect(described.status).toBe(200);
    const demo = (await described.json()) as Record<string, number | boolean>;
    expect(demo).toMatchObject({ present: true, customers: 1500 });
    expect(demo.stores).toBe(count('SELECT count(*) FROM stores'));
    expect(demo.boundaries).toBe(count('SELECT count(*) FROM boundaries'));
    expect(demo.events).toBeGreaterThan(0);
    for (const role of ['manager', 'store_manager', 'marketer', 'viewer'] as const) {
      const caller = await server.as(role);
      await expectProblem(await caller('/api/workspace/demo', { method: 'DELETE' }), 403);
    }
    expect(count('SELECT count(*) FROM customers')).toBe(1500);
  });

  it('removes every demo row and keeps what a person added, with the counts and tiles following', async () => {
    const created = await server.fetch('/api/stores', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Our own shop',
        brand: 'Mine',
        location: { type: 'Point', coordinates: [13.41, 52.52] },
      }),
    });
    expect(created.status).toBe(201);
    const ownId = ((await created.json()) as { id: string }).id;
    expect(await audienceCount()).toBe(1500);

    const removed = await server.fetch('/api/workspace/demo', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    const body = (await removed.json()) as Record<string, number | boolean>;
    expect(body).toMatchObject({ present: false, customers: 1500, boundaries: expect.any(Number) });
    expect(body.stores).toBeGreaterThan(0);

    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { id: string }[];
    };
    expect(stores.features.map((f) => f.id)).toEqual([ownId]);
    expect(
      ((await (await server.fetch('/api/boundaries')).json()) as { features: [] }).features,
    ).toEqual([]);
    expect(count("SELECT count(*) FROM events WHERE source = 'demo'")).toBe(0);
    expect(count('SELECT count(*) FROM customers')).toBe(0);
    expect(count('SELECT count(*) FROM basemap_features')).toBe(0);
    for (const table of ['streets', 'street_edges', 'street_nodes'])
      expect(count(`SELECT count(*) FROM ${table}`), table).toBe(0);
    const streets = (await (await server.fetch('/api/basemap/streets')).json()) as { features: [] };
    expect(streets.features).toEqual([]);
    expect(server.deps.customerIndex.size).toBe(0);
    expect(await audienceCount()).toBe(0);

    const config = (await (await server.fetch('/api/config')).json()) as {
      workspace: { name: string };
    };
    expect(config.workspace.name).toBe('My workspace');
    expect(await (await server.fetch('/api/workspace/demo')).json()).toEqual({
      present: false,
      stores: 0,
      customers: 0,
      boundaries: 0,
      events: 0,
    });
  });

  it('records who removed it and how much, naming no customer', () => {
    const entries = server.deps.db
      .prepare(
        "SELECT actor, target_type AS targetType, detail FROM audit_log WHERE action = 'workspace.remove-demo'",
      )
      .all() as { actor: string; targetType: string; detail: string }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'owner@example.test', targetType: 'workspace' });
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ customers: 1500 });
  });

  it('answers zeros when asked again, and the next start does not seed the demo again', async () => {
    const again = await server.fetch('/api/workspace/demo', { method: 'DELETE' });
    expect(await again.json()).toMatchObject({ present: false, customers: 0, stores: 0 });
    const restarted = await startTestServer({ dbFile: server.dbFile, clock: () => now });
    try {
      const stores = (await (await restarted.fetch('/api/stores')).json()) as {
        features: unknown[];
      };
      expect(stores.features).toHaveLength(1);
      expect(restarted.deps.customerIndex.size).toBe(0);
    } finally {
      await restarted.close();
    }
  });
});
