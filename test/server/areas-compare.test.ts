// POST /api/areas/compare against a real server: every figure agrees with what POST /api/audience says for the same
// geometry (the areas, and the ground two of them share), population comes from the neighbourhoods, a segment
// narrows every count, small groups stay hidden from aggregate-only roles, and bad requests name their field.
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combineAreas } from '../../server/domain/geometry/combine.js';
import type { AreaComparison } from '../../server/domain/schemas/area-compare.js';
import type { Audience } from '../../server/domain/schemas/audience.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer, type SignedInFetch } from '../helpers/server.js';

interface AreaFeature {
  id: string;
  geometry: Polygon | MultiPolygon;
  properties: { id: string; name: string; areaKm2: number };
}

let server: TestServer;
let near: AreaFeature;
let overlapping: AreaFeature;
let far: AreaFeature;

const send = (as: SignedInFetch, path: string, body: unknown) =>
  as(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const audienceOf = async (body: unknown, as: SignedInFetch = server.fetch) =>
  (await (await send(as, '/api/audience', body)).json()) as Audience;
const compare = async (body: unknown, as: SignedInFetch = server.fetch) => {
  const response = await send(as, '/api/areas/compare', body);
  expect(response.status).toBe(200);
  return (await response.json()) as AreaComparison;
};

beforeAll(async () => {
  server = await startTestServer({ customers: 3000 });
  const radius = async (name: string, center: [number, number], radiusMeters: number) => {
    const response = await send(server.fetch, '/api/areas', {
      name,
      kind: 'radius',
      params: { center, radiusMeters },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as AreaFeature;
  };
  near = await radius('Mitte 1.2 km', [13.4, 52.52], 1200);
  overlapping = await radius('Mitte east 1.2 km', [13.42, 52.52], 1200); // 1.36 km east: the circles overlap
  far = await radius('Spandau 1 km', [13.2, 52.535], 1000);
});
afterAll(async () => {
  await server?.close();
});

describe('comparing areas', () => {
  it("gives each area the audience API's figures, its population, density and penetration", async () => {
    const result = await compare({ areaIds: [near.id, overlapping.id, far.id] });
    expect(result.areas.map((a) => a.id)).toEqual([near.id, overlapping.id, far.id]);
    for (const [i, area] of [near, overlapping, far].entries()) {
      const compared = result.areas[i]!;
      const audience = await audienceOf({ areaId: area.id });
      expect(compared).toMatchObject({
        name: area.properties.name,
        areaKm2: area.properties.areaKm2,
        customers: audience.count,
        consented: audience.consented,
        revenue: audience.revenue.total,
        avgSpend: audience.revenue.avgSpend,
      });
      expect(compared.loyaltyTiers).toEqual(audience.breakdown.loyaltyTiers);
      const lapsed = audience.breakdown.lapsed
        .filter((b) => ['90-179', '180+', 'never'].includes(b.key))
        .reduce((sum, b) => sum + b.count!, 0);
      expect(compared.lapsedShare).toBeCloseTo(lapsed / audience.count!, 10);
      expect(compared.population).toBeGreaterThan(0);
      expect(compared.populationComplete).toBe(true);
      expect(compared.density).toBeCloseTo(audience.count! / area.properties.areaKm2, 6);
      expect(compared.penetration).toBeCloseTo(audience.count! / compared.population, 10);
    }
  });

  it('lists only the pairs that share ground, with the shared km² and the customers living in both', async () => {
    const result = await compare({ areaIds: [near.id, overlapping.id, far.id] });
    expect(result.overlaps.map((o) => [o.a, o.b])).toEqual([[near.id, overlapping.id]]);
    const [overlap] = result.overlaps;
    const lens = combineAreas('intersect', [near.geometry, overlapping.geometry]);
    if (!lens.ok) throw new Error(lens.message);
    const inBoth = await audienceOf({ geometry: lens.geometry });
    expect(overlap!.sharedCustomers).toBe(inBoth.count);
    expect(overlap!.sharedCustomers).toBeGreaterThan(0);
    expect(overlap!.sharedCustomers!).toBeLessThan(
      Math.min(result.areas[0]!.customers!, result.areas[1]!.customers!),
    );
    // Two 1.2 km circles 1.36 km apart share a lens of about 1.45 km² (2r²·acos(d/2r) − (d/2)·√(4r² − d²)).
    const [r, d] = [1.2, 1.36];
    expect(overlap!.sharedKm2).toBeCloseTo(
      2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d),
      1,
    );
  });

  it('narrows every count by a segment', async () => {
    const segment = { loyaltyTiers: ['gold'] };
    const result = await compare({ areaIds: [near.id, overlapping.id], segment });
    expect(result.areas[0]!.customers).toBe((await audienceOf({ areaId: near.id, segment })).count);
    const lens = combineAreas('intersect', [near.geometry, overlapping.geometry]);
    if (!lens.ok) throw new Error(lens.message);
    expect(result.overlaps[0]!.sharedCustomers).toBe(
      (await audienceOf({ geometry: lens.geometry, segment })).count,
    );
    expect(
      result.areas[0]!.loyaltyTiers.filter((b) => b.key !== 'gold').every((b) => b.count === 0),
    ).toBe(true);
  });

  it('agrees with the area list under the same segment: the list counts only the segment too', async () => {
    const segment = { loyaltyTiers: ['gold'], ageMin: 25, ageMax: 44 };
    const result = await compare({ areaIds: [near.id, far.id], segment });
    const list = async (query = '') => {
      const response = await server.fetch(`/api/areas${query}`);
      expect(response.status).toBe(200);
      const collection = (await response.json()) as {
        features: { properties: { id: string; customers?: number } }[];
      };
      return new Map(collection.features.map((f) => [f.properties.id, f.properties.customers]));
    };
    const narrowed = await list(`?segment=${encodeURIComponent(JSON.stringify(segment))}`);
    const everyone = await list();
    for (const area of result.areas) {
      expect(narrowed.get(area.id)).toBe(area.customers);
      expect(narrowed.get(area.id)!).toBeLessThan(everyone.get(area.id)!);
    }
    await expectProblem(
      await server.fetch(`/api/areas?segment=${encodeURIComponent('{"ageMin":-1}')}`),
      400,
      'query.segment.ageMin',
    );
  });

  it('hides groups below the minimum size from a marketer, like the audience does', async () => {
    const marketer = await server.as('marketer');
    const segment = { loyaltyTiers: ['gold'], ageMin: 70 };
    const result = await compare({ areaIds: [near.id, far.id], segment }, marketer);
    expect(result.minGroupSize).toBeGreaterThan(0);
    for (const [i, id] of [near.id, far.id].entries()) {
      const audience = await audienceOf({ areaId: id, segment }, marketer);
      expect(result.areas[i]!.customers).toBe(audience.count);
      if (audience.count === null)
        expect(result.areas[i]).toMatchObject({
          density: null,
          penetration: null,
          revenue: null,
          lapsedShare: null,
        });
    }
    expect(result.areas.some((a) => a.customers === null)).toBe(true);
  });

  it('refuses fewer than two areas, more than eight, one twice, an unknown field or area, naming the field', async () => {
    await expectProblem(
      await send(server.fetch, '/api/areas/compare', { areaIds: [near.id] }),
      422,
      'body.areaIds',
    );
    await expectProblem(
      await send(server.fetch, '/api/areas/compare', {
        areaIds: Array.from({ length: 9 }, (_, i) => `ar-${i}`),
      }),
      422,
      'body.areaIds',
    );
    await expectProblem(
      await send(server.fetch, '/api/areas/compare', { areaIds: [near.id, near.id] }),
      422,
      'body.areaIds',
    );
    await expectProblem(
      await send(server.fetch, '/api/areas/compare', { areaIds: [near.id, far.id], colour: 'red' }),
      422,
    );
    await expectProblem(
      await send(server.fetch, '/api/areas/compare', { areaIds: [near.id, 'ar-nope'] }),
      404,
      'body.areaIds.1',
    );
  });

  it("answers a store manager as if another manager's private area did not exist", async () => {
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { properties: { id: string } }[];
    };
    const first = await server.as('store_manager', {
      storeIds: [stores.features[0]!.properties.id],
      email: 'first-manager@example.test',
    });
    const second = await server.as('store_manager', {
      storeIds: [stores.features[1]!.properties.id],
      email: 'second-manager@example.test',
    });
    const created = await send(first, '/api/areas', {
      name: 'Mine only',
      kind: 'radius',
      params: { center: [13.41, 52.51], radiusMeters: 500 },
    });
    const mine = (await created.json()) as AreaFeature;
    expect((await send(first, '/api/areas/compare', { areaIds: [mine.id, near.id] })).status).toBe(
      200,
    );
    await expectProblem(
      await send(second, '/api/areas/compare', { areaIds: [near.id, mine.id] }),
      404,
      'body.areaIds.1',
    );
  });
});
