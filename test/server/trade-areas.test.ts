// GET /api/stores/:id/trade-areas against the demo city: the primary area holds at least 70 % of the store's home
// customers (counted from the database, not from the answer), the secondary one carries on to 90 %, both save as
// areas; store managers see only their stores, aggregate-only roles no small counts; bad values are named.
import Database from 'better-sqlite3';
import { booleanPointInPolygon } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeAreaAnswer } from '../../server/domain/schemas/trade-area.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let storeId: string;

beforeAll(async () => {
  server = await startTestServer({ customers: 3000 });
  const stores = (await (await server.fetch('/api/stores')).json()) as {
    features: { properties: { id: string } }[];
  };
  storeId = stores.features[0]!.properties.id;
});
afterAll(async () => {
  await server?.close();
});

const homesOf = (id: string) => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db.prepare('SELECT lng, lat FROM customers WHERE home_store_id = ?').raw().all(id) as [
      number,
      number,
    ][];
  } finally {
    db.close();
  }
};

describe("a store's trade areas", () => {
  it('the primary area holds at least 70 % of its home customers, the two together at least 90 %', async () => {
    const response = await server.fetch(`/api/stores/${storeId}/trade-areas`);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as TradeAreaAnswer;
    const homes = homesOf(storeId);
    expect(answer.homeCustomers).toBe(homes.length);
    const [primary, secondary] = answer.tiers;
    const inside = (geometry: TradeAreaAnswer['tiers'][number]['geometry']) =>
      geometry ? homes.filter((h) => booleanPointInPolygon(h, geometry)).length : 0;
    // Counted from the database with the dissolved polygons: the answer's figures are what the map shows.
    expect(inside(primary!.geometry)).toBe(primary!.customers);
    expect(primary!.customers! * 100).toBeGreaterThanOrEqual(70 * homes.length);
    expect(inside(secondary!.geometry)).toBe(secondary!.customers);
    expect((primary!.customers! + secondary!.customers!) * 100).toBeGreaterThanOrEqual(
      90 * homes.length,
    );
    expect(primary!.cumulativePercent).toBeGreaterThanOrEqual(70);
    expect(secondary!.cumulativePercent).toBeGreaterThanOrEqual(90);
  });

  it('takes other shares and rankings; busiest-first never needs more hexagons than nearest-first', async () => {
    const get = async (query: string) =>
      (await (
        await server.fetch(`/api/stores/${storeId}/trade-areas?${query}`)
      ).json()) as TradeAreaAnswer;
    const [byDistance, byCustomers, half] = await Promise.all([
      get('rankBy=distance'),
      get('rankBy=customers'),
      get('primary=50&secondary=80'),
    ]);
    expect(byCustomers.tiers[0]!.cells).toBeLessThanOrEqual(byDistance.tiers[0]!.cells);
    expect(half.tiers[0]!.cells).toBeLessThan(byDistance.tiers[0]!.cells);
    expect(half.tiers[0]!.cumulativePercent).toBeGreaterThanOrEqual(50);
  });

  it('saves as a trade area', async () => {
    const answer = (await (
      await server.fetch(`/api/stores/${storeId}/trade-areas`)
    ).json()) as TradeAreaAnswer;
    const response = await server.fetch('/api/areas', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'trade',
        params: {
          storeId,
          tradeArea: {
            tier: 'primary',
            primaryPercent: 70,
            secondaryPercent: 90,
            rankBy: 'distance',
            resolution: 9,
          },
        },
        geometry: answer.tiers[0]!.geometry,
      }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { properties: { kind: string } }).properties.kind).toBe(
      'trade',
    );
  });

  it("a store manager sees only their own stores' trade areas", async () => {
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { properties: { id: string } }[];
    };
    const other = stores.features[1]!.properties.id;
    const manager = await server.as('store_manager', { storeIds: [storeId] });
    expect((await manager(`/api/stores/${storeId}/trade-areas`)).status).toBe(200);
    await expectProblem(await manager(`/api/stores/${other}/trade-areas`), 404);
  });

  it('aggregate-only roles get the dissolved areas, with counts below the minimum group size hidden', async () => {
    const patch = (minGroupSize: number) =>
      server.fetch('/api/settings', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ minGroupSize }),
      });
    const marketer = await server.as('marketer');
    const seen = (await (
      await marketer(`/api/stores/${storeId}/trade-areas`)
    ).json()) as TradeAreaAnswer;
    expect(seen.minGroupSize).toBe(10);
    expect(seen.tiers[0]!.customers).toBeGreaterThanOrEqual(10);
    expect((await patch(1000)).status).toBe(200);
    try {
      const hidden = (await (
        await marketer(`/api/stores/${storeId}/trade-areas`)
      ).json()) as TradeAreaAnswer;
      expect(hidden.homeCustomers).toBeNull();
      for (const tier of hidden.tiers) {
        expect(tier.customers).toBeNull();
        expect(tier.sharePercent).toBeNull();
      }
      // The shape is still there, as one dissolved area: never a list of cells with counts.
      expect(hidden.tiers[0]!.geometry?.type).toBe('MultiPolygon');
      expect(JSON.stringify(hidden)).not.toMatch(/"h3"|"cell"/);
    } finally {
      await patch(10);
    }
  });

  it('names bad values', async () => {
    await expectProblem(
      await server.fetch(`/api/stores/${storeId}/trade-areas?primary=90&secondary=80`),
      400,
      'query.secondary',
    );
    await expectProblem(
      await server.fetch(`/api/stores/${storeId}/trade-areas?rankBy=revenue`),
      400,
      'query.rankBy',
    );
    await expectProblem(
      await server.fetch(`/api/stores/${storeId}/trade-areas?resolution=15`),
      400,
      'query.resolution',
    );
    await expectProblem(await server.fetch('/api/stores/nope/trade-areas'), 404);
  });
});
