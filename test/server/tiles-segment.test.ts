// The customer tiles narrowed to a segment: a tile holds only the segment's customers (checked against the reference
// inSegment over every customer in the database), the segment is part of the ETag, a bad segment is a 400 naming
// query.segment, and aggregate-only roles still get clusters of at least k.
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomer } from '../../server/db/repos/customers.js';
import type { Customer } from '../../server/domain/schemas/customer.js';
import type { Segment } from '../../server/domain/schemas/segment.js';
import { inSegment } from '../../server/domain/segment.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';

let server: TestServer;
let customers: Customer[];
const now = new Date('2026-11-23T09:00:00Z');
const goldPrime: Segment = { loyaltyTiers: ['gold'], ageMin: 25, ageMax: 44 };

interface TileFeature {
  properties: Record<string, unknown>;
}
const tileUrl = (z: number, x: number, y: number, segment?: Segment) =>
  `/api/tiles/customers/${z}/${x}/${y}.pbf${segment ? `?segment=${encodeURIComponent(JSON.stringify(segment))}` : ''}`;

async function tile(f: SignedInFetch, url: string): Promise<TileFeature[]> {
  const response = await f(url);
  if (response.status === 204) return [];
  expect(response.status).toBe(200);
  const layer = new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer())) as never)
    .layers.customers;
  return layer
    ? Array.from({ length: layer.length }, (_, i) => ({ properties: layer.feature(i).properties }))
    : [];
}
/** Customers a tile stands for: each cluster's point_count, each single point one. */
const represented = (features: TileFeature[]) =>
  features.reduce(
    (sum, f) => sum + (f.properties.cluster ? Number(f.properties.point_count) : 1),
    0,
  );
const tileOf = ([lng, lat]: [number, number], z: number) => {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n),
  };
};

beforeAll(async () => {
  server = await startTestServer({ customers: 800, clock: () => now });
  const ids = server.deps.db.prepare('SELECT id FROM customers').pluck().all() as string[];
  customers = ids.map((id) => findCustomer(server.deps.db, id)!);
});
afterAll(async () => {
  await server?.close();
});

describe('customer tiles for a segment', () => {
  it('hold only the customers in the segment: the whole-world tile stands for exactly them', async () => {
    const expected = customers.filter((c) => inSegment(c, goldPrime, { at: now })).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(customers.length / 4);
    expect(represented(await tile(server.fetch, tileUrl(0, 0, 0)))).toBe(customers.length);
    expect(represented(await tile(server.fetch, tileUrl(0, 0, 0, goldPrime)))).toBe(expected);
  });

  it('show single customers up close only when they match, and every matching one', async () => {
    const member = customers.find((c) => inSegment(c, goldPrime, { at: now }))!;
    const { x, y } = tileOf(member.location, 16);
    const all = await tile(server.fetch, tileUrl(16, x, y));
    const narrowed = await tile(server.fetch, tileUrl(16, x, y, goldPrime));
    const matches = (id: unknown) =>
      inSegment(
        customers.find((c) => c.id === id)!,
        goldPrime,
        { at: now },
      );
    expect(narrowed.map((f) => f.properties.id)).toContain(member.id);
    expect(narrowed.every((f) => f.properties.tier === 'gold' && matches(f.properties.id))).toBe(
      true,
    );
    expect(narrowed.map((f) => f.properties.id).sort()).toEqual(
      all
        .map((f) => f.properties.id)
        .filter(matches)
        .sort(),
    );
  });

  it('answer by days since the last purchase as of the server clock', async () => {
    const lapsed: Segment = { lapsedDays: 180 };
    const expected = customers.filter((c) => inSegment(c, lapsed, { at: now })).length;
    expect(represented(await tile(server.fetch, tileUrl(0, 0, 0, lapsed)))).toBe(expected);
  });

  it('carry the segment in the ETag, so a cached tile of another segment is never reused', async () => {
    const plain = await server.fetch(tileUrl(0, 0, 0));
    const narrowed = await server.fetch(tileUrl(0, 0, 0, goldPrime));
    const reordered = await server.fetch(
      tileUrl(0, 0, 0, { ageMax: 44, loyaltyTiers: ['gold'], ageMin: 25, genders: [] }),
    );
    const [a, b, c] = [plain, narrowed, reordered].map((r) => r.headers.get('ETag'));
    expect(a).toBeTruthy();
    expect(b).not.toBe(a);
    // The same segment written another way is the same tile.
    expect(c).toBe(b);
    const again = await server.fetch(tileUrl(0, 0, 0, goldPrime), {
      headers: { 'If-None-Match': b! },
    });
    expect(again.status).toBe(304);
    const other = await server.fetch(tileUrl(0, 0, 0), { headers: { 'If-None-Match': b! } });
    expect(other.status).toBe(200);
  });

  it('refuse a segment that is not one, naming query.segment', async () => {
    await expectProblem(
      await server.fetch(
        `/api/tiles/customers/0/0/0.pbf?segment=${encodeURIComponent('{"ageMin":')}`,
      ),
      400,
      'query.segment',
    );
    await expectProblem(
      await server.fetch(tileUrl(0, 0, 0, { ageMin: 50, ageMax: 20 })),
      400,
      'query.segment.ageMax',
    );
    await expectProblem(
      await server.fetch(tileUrl(0, 0, 0, { loyaltyTiers: ['platinum'] } as never)),
      400,
      'query.segment.loyaltyTiers.0',
    );
  });

  it('give aggregate-only roles clusters of at least k of the segment, never a single customer', async () => {
    const marketer = await server.as('marketer');
    const { minGroupSize } = (await (await server.fetch('/api/settings')).json()) as {
      minGroupSize: number;
    };
    const member = customers.find((c) => inSegment(c, { loyaltyTiers: ['silver'] }, { at: now }))!;
    for (const z of [0, 11, 16]) {
      const { x, y } = tileOf(member.location, z);
      const features = await tile(marketer, tileUrl(z, x, y, { loyaltyTiers: ['silver'] }));
      for (const f of features) {
        expect(f.properties.cluster).toBe(true);
        expect(Number(f.properties.point_count)).toBeGreaterThanOrEqual(minGroupSize);
        expect(f.properties.id).toBeUndefined();
      }
    }
    const silver = customers.filter((c) => c.loyaltyTier === 'silver').length;
    const world = represented(await tile(marketer, tileUrl(0, 0, 0, { loyaltyTiers: ['silver'] })));
    expect(world).toBeLessThanOrEqual(silver);
    expect(world).toBeGreaterThan(0);
  });
});
