// The city baseline of POST /api/audience and POST /api/areas/compare: every group's share set against the whole
// city's (same segment, same scope), its index, and nothing below the minimum group size revealed through them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import type { Audience } from '../../server/domain/schemas/audience.js';
import type { AreaComparison } from '../../server/domain/schemas/area-compare.js';

const NOW = new Date('2026-11-23T12:00:00Z');
let server: TestServer;
let marketer: SignedInFetch;
let manager: SignedInFetch;
let managerStores: string[];

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
/** A circle's worth of the centre, as a square: some customers, not all. */
const centre = {
  type: 'Polygon',
  coordinates: [
    [
      [13.36, 52.5],
      [13.44, 52.5],
      [13.44, 52.54],
      [13.36, 52.54],
      [13.36, 52.5],
    ],
  ],
};

const post = (f: SignedInFetch, path: string, body: unknown) =>
  f(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
async function audienceAs(f: SignedInFetch, body: unknown): Promise<Audience> {
  const response = await post(f, '/api/audience', body);
  expect(response.status).toBe(200);
  return (await response.json()) as Audience;
}

beforeAll(async () => {
  server = await startTestServer({ customers: 800, clock: () => NOW });
  marketer = await server.as('marketer');
  const stores = server.deps.db
    .prepare(
      'SELECT home_store_id AS id FROM customers WHERE home_store_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    )
    .all() as { id: string }[];
  managerStores = stores.map((s) => s.id);
  manager = await server.as('store_manager', { storeIds: managerStores });
});
afterAll(async () => {
  await server?.close();
});

describe('an area against the city', () => {
  it("gives every bucket the whole city's share and the index of the area's share over it", async () => {
    const city = await audienceAs(server.fetch, { geometry: everywhere });
    const area = await audienceAs(server.fetch, { geometry: centre });
    expect(area.count).toBeGreaterThan(20);
    expect(area.count).toBeLessThan(city.count!);
    expect(area.cityCount).toBe(city.count);
    for (const name of ['ageBands', 'genders', 'loyaltyTiers', 'lapsed'] as const) {
      area.breakdown[name].forEach((bucket, i) => {
        const cityBucket = city.breakdown[name][i]!;
        expect(bucket.key).toBe(cityBucket.key);
        expect(bucket.cityShare).toBeCloseTo(cityBucket.count! / city.count!, 12);
        const expected =
          cityBucket.count === 0
            ? null
            : Math.round((bucket.count! / area.count! / (cityBucket.count! / city.count!)) * 100);
        expect(bucket.index).toBe(expected);
      });
    }
    // The whole city against itself is 100 everywhere.
    for (const b of city.breakdown.genders) if (b.count! > 0) expect(b.index).toBe(100);
  });

  it('counts jobs, industries and interests in the city even when they are not in its top ten', async () => {
    const area = await audienceAs(server.fetch, { geometry: centre });
    const names = area.breakdown.interests.map((b) => b.key);
    for (const name of names) {
      const inCity = await audienceAs(server.fetch, {
        geometry: everywhere,
        segment: { interests: [name] },
      });
      const bucket = area.breakdown.interests.find((b) => b.key === name)!;
      expect(bucket.cityShare).toBeCloseTo(inCity.count! / area.cityCount!, 12);
    }
  });

  it('applies the same segment to the city', async () => {
    const segment = { loyaltyTiers: ['gold', 'silver'] };
    const city = await audienceAs(server.fetch, { geometry: everywhere, segment });
    const area = await audienceAs(server.fetch, { geometry: centre, segment });
    expect(area.cityCount).toBe(city.count);
    const gold = area.breakdown.loyaltyTiers.find((b) => b.key === 'gold')!;
    const cityGold = city.breakdown.loyaltyTiers.find((b) => b.key === 'gold')!;
    expect(gold.cityShare).toBeCloseTo(cityGold.count! / city.count!, 12);
    expect(area.breakdown.loyaltyTiers.find((b) => b.key === 'none')!.cityShare).toBe(0);
  });

  it("is a store manager's own customers, not the whole workspace", async () => {
    const theirs = await audienceAs(server.fetch, {
      geometry: everywhere,
      segment: { storeIds: managerStores },
    });
    const area = await audienceAs(manager, { geometry: centre });
    expect(area.cityCount).toBe(theirs.count);
  });

  it('follows an erasure: the city is counted again once the customer index changes', async () => {
    const before = await audienceAs(server.fetch, { geometry: centre });
    const { id } = server.deps.db.prepare('SELECT id FROM customers LIMIT 1').get() as {
      id: string;
    };
    const erased = await server.fetch(`/api/customers/${id}`, { method: 'DELETE' });
    expect(erased.status).toBeLessThan(300);
    const after = await audienceAs(server.fetch, { geometry: centre });
    expect(after.cityCount).toBe(before.cityCount! - 1);
  });
});

describe('the city baseline for aggregate-only roles', () => {
  it('hides the city share of every city group below k, and the index of every hidden area group', async () => {
    // A narrow segment: some of its city groups are below k = 10.
    const segment = { ageMin: 25, ageMax: 44, loyaltyTiers: ['gold'] };
    const truth = await audienceAs(server.fetch, { geometry: centre, segment });
    const seen = await audienceAs(marketer, { geometry: centre, segment });
    const cityTruth = await audienceAs(server.fetch, { geometry: everywhere, segment });
    expect(seen.minGroupSize).toBe(10);
    let hiddenCityGroups = 0;
    for (const name of ['ageBands', 'genders', 'loyaltyTiers', 'lapsed'] as const) {
      seen.breakdown[name].forEach((bucket, i) => {
        const cityCount = cityTruth.breakdown[name][i]!.count!;
        if (cityCount < 10) {
          hiddenCityGroups++;
          expect(bucket.cityShare).toBeNull();
        } else expect(bucket.cityShare).toBeCloseTo(cityCount / cityTruth.count!, 12);
        if (bucket.count === null) expect(bucket.index).toBeNull();
      });
    }
    expect(hiddenCityGroups).toBeGreaterThan(0);
    // Every hidden area group's index is hidden with it; shown ones keep theirs.
    const hiddenArea = truth.breakdown.ageBands.filter((b) => b.count! > 0 && b.count! < 10);
    for (const b of hiddenArea)
      expect(seen.breakdown.ageBands.find((s) => s.key === b.key)!.index).toBeNull();
  });

  it('hides the whole baseline when the city group itself is below k', async () => {
    const segment = { ageMin: 30, ageMax: 30, loyaltyTiers: ['gold'] };
    const truth = await audienceAs(server.fetch, { geometry: everywhere, segment });
    expect(truth.count).toBeLessThan(10);
    const seen = await audienceAs(marketer, { geometry: centre, segment });
    expect(seen.cityCount).toBeNull();
    for (const list of Object.values(seen.breakdown))
      for (const b of list) expect([b.cityShare, b.index]).toEqual([null, null]);
  });
});

describe('compare against the city', () => {
  it("gives each area's loyalty mix and lapsed share an index", async () => {
    const ids: string[] = [];
    for (const [name, geometry] of [
      ['Centre', centre],
      ['All', everywhere],
    ] as const) {
      const response = await post(server.fetch, '/api/areas', { name, geometry });
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const response = await post(server.fetch, '/api/areas/compare', { areaIds: ids });
    expect(response.status).toBe(200);
    const comparison = (await response.json()) as AreaComparison;
    const [inner, all] = comparison.areas;
    expect(all!.lapsedIndex).toBe(100);
    for (const tier of all!.loyaltyTiers) if (tier.count! > 0) expect(tier.index).toBe(100);
    const area = await audienceAs(server.fetch, { areaId: ids[0] });
    expect(inner!.loyaltyTiers).toEqual(area.breakdown.loyaltyTiers);
    expect(inner!.lapsedIndex).toEqual(expect.any(Number));
  });
});
