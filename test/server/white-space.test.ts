// GET /api/white-space against the demo city: hexagons far from every store, below the city's penetration, most
// untapped first, with the residents and customers the database holds there; a store manager counts their stores'
// customers; small groups are hidden from a marketer; bad values are named.
import Database from 'better-sqlite3';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhiteSpaceAnswer } from '../../server/domain/schemas/white-space.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let stores: { id: string; location: [number, number] }[];

beforeAll(async () => {
  server = await startTestServer({ customers: 4000 });
  const collection = (await (await server.fetch('/api/stores')).json()) as {
    features: { geometry: { coordinates: [number, number] }; properties: { id: string } }[];
  };
  stores = collection.features.map((f) => ({
    id: f.properties.id,
    location: f.geometry.coordinates,
  }));
});
afterAll(async () => {
  await server?.close();
});

const customersIn = (h3: string, resolution: number, storeId?: string) => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT lng, lat FROM customers${storeId ? ' WHERE home_store_id = ?' : ''}`)
      .raw()
      .all(...(storeId ? [storeId] : [])) as [number, number][];
    return rows.filter(([lng, lat]) => latLngToCell(lat, lng, resolution) === h3).length;
  } finally {
    db.close();
  }
};
const kmBetween = ([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]) => {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
};

describe('white space', () => {
  it("lists hexagons far from every store and below the city's penetration, most untapped first, with the right counts", async () => {
    const response = await server.fetch(
      '/api/white-space?resolution=8&minStoreKm=2&minResidents=300&limit=15',
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as WhiteSpaceAnswer;
    expect(answer.resolution).toBe(8);
    expect(answer.cells.length).toBeGreaterThan(0);
    expect(answer.cells.length).toBeLessThanOrEqual(15);
    expect(answer.cityPenetration).toBeGreaterThan(0);
    const untapped = answer.cells.map((c) => c.untapped);
    expect(untapped).toEqual([...untapped].sort((a, b) => b - a));
    for (const cell of answer.cells.slice(0, 5)) {
      expect(cell.residents).toBeGreaterThanOrEqual(300);
      expect(cell.customers).toBe(customersIn(cell.h3, 8));
      expect(cell.penetration).toBeLessThan(answer.cityPenetration);
      const nearest = Math.min(...stores.map((s) => kmBetween(cell.center, s.location)));
      expect(cell.nearestStoreKm).toBeCloseTo(nearest, 6);
      expect(nearest).toBeGreaterThanOrEqual(2);
      expect(latLngToCell(cell.center[1], cell.center[0], 8)).toBe(cell.h3);
    }
  });

  it("counts only a store manager's customers for them, and hides small groups from a marketer", async () => {
    const store = stores[0]!;
    const manager = await server.as('store_manager', { storeIds: [store.id] });
    const mine = (await (
      await manager('/api/white-space?minStoreKm=0&minResidents=0&limit=5')
    ).json()) as WhiteSpaceAnswer;
    for (const cell of mine.cells) expect(cell.customers).toBe(customersIn(cell.h3, 8, store.id));

    const marketer = await server.as('marketer');
    const hidden = (await (
      await marketer('/api/white-space?minStoreKm=0&minResidents=0&limit=50')
    ).json()) as WhiteSpaceAnswer;
    expect(hidden.minGroupSize).toBeGreaterThan(0);
    expect(
      hidden.cells.every((c) => c.customers === null || c.customers >= hidden.minGroupSize!),
    ).toBe(true);
    expect(hidden.cells.some((c) => c.customers === null && c.penetration === null)).toBe(true);
  });

  it('counts only the customers in a segment, and so measures penetration against them', async () => {
    const segment = { loyaltyTiers: ['gold'] };
    const ask = async (query: string) =>
      (await (
        await server.fetch(`/api/white-space?minStoreKm=0&minResidents=0&limit=20${query}`)
      ).json()) as WhiteSpaceAnswer;
    const all = await ask('');
    const gold = await ask(`&segment=${encodeURIComponent(JSON.stringify(segment))}`);
    expect(gold.cityPenetration).toBeGreaterThan(0);
    expect(gold.cityPenetration).toBeLessThan(all.cityPenetration / 2);
    const db = new Database(server.dbFile, { readonly: true });
    const goldRows = db
      .prepare("SELECT lng, lat FROM customers WHERE loyalty_tier = 'gold'")
      .raw()
      .all() as [number, number][];
    db.close();
    for (const cell of gold.cells.slice(0, 5))
      expect(cell.customers).toBe(
        goldRows.filter(([lng, lat]) => latLngToCell(lat, lng, 8) === cell.h3).length,
      );
    await expectProblem(
      await server.fetch(`/api/white-space?segment=${encodeURIComponent('{"tiers":1}')}`),
      400,
      'query.segment',
    );
  });

  it('counts again after a customer is erased (the counts are kept only until the customers change)', async () => {
    const ask = async () =>
      (await (
        await server.fetch('/api/white-space?minStoreKm=0&minResidents=0&limit=200')
      ).json()) as WhiteSpaceAnswer;
    const before = await ask();
    const cell = before.cells.find((c) => (c.customers ?? 0) > 0)!;
    const db = new Database(server.dbFile, { readonly: true });
    const rows = db.prepare('SELECT id, lng, lat FROM customers').raw().all() as [
      string,
      number,
      number,
    ][];
    db.close();
    const [id] = rows.find(([, lng, lat]) => latLngToCell(lat, lng, 8) === cell.h3)!;
    expect(
      (await server.fetch(`/api/customers/${encodeURIComponent(id)}`, { method: 'DELETE' })).status,
    ).toBe(204);
    const after = (await ask()).cells.find((c) => c.h3 === cell.h3)!;
    expect(after.customers).toBe(cell.customers! - 1);
  });

  it('names a bad or unknown query value', async () => {
    await expectProblem(
      await server.fetch('/api/white-space?resolution=12'),
      400,
      'query.resolution',
    );
    await expectProblem(
      await server.fetch('/api/white-space?minStoreKm=far'),
      400,
      'query.minStoreKm',
    );
    await expectProblem(await server.fetch('/api/white-space?limit=0'), 400, 'query.limit');
    await expectProblem(await server.fetch('/api/white-space?colour=red'), 400);
    const viewer = await server.as('viewer');
    expect((await viewer('/api/white-space')).status).toBe(200);
  });
});
