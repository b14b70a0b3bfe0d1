// GET /api/choropleth on the demo city: hexagon and neighbourhood figures match the database, breaks are ascending
// and class every value, the segment's share is its members over all customers, and a marketer (aggregate-only) gets
// no number for a region below the minimum group size — and no break computed from one.
import Database from 'better-sqlite3';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChoroplethAnswer } from '../../server/domain/schemas/choropleth.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let customers: { lng: number; lat: number; spend: number; gender: string | null }[];

beforeAll(async () => {
  server = await startTestServer({ customers: 3000 });
  const db = new Database(server.dbFile, { readonly: true });
  try {
    customers = db
      .prepare('SELECT lng, lat, total_spend AS spend, gender FROM customers')
      .all() as typeof customers;
  } finally {
    db.close();
  }
});
afterAll(async () => {
  await server?.close();
});

const get = async (fetch: TestServer['fetch'], query: string) => {
  const response = await fetch(`/api/choropleth?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ChoroplethAnswer;
};

describe('choropleth', () => {
  it('counts customers and spend per hexagon as the database holds them', async () => {
    const answer = await get(server.fetch, 'metric=customers&level=h3&resolution=8');
    const byCell = new Map<string, { n: number; spend: number }>();
    for (const c of customers) {
      const cell = latLngToCell(c.lat, c.lng, 8);
      const t = byCell.get(cell) ?? { n: 0, spend: 0 };
      byCell.set(cell, { n: t.n + 1, spend: t.spend + c.spend });
    }
    for (const f of answer.features)
      expect(f.properties.value).toBe(byCell.get(f.properties.id)?.n ?? 0);
    const revenue = await get(server.fetch, 'metric=revenue&level=h3&resolution=8');
    for (const f of revenue.features.slice(0, 50))
      expect(f.properties.value).toBeCloseTo(byCell.get(f.properties.id)?.spend ?? 0, 6);
  });

  it('classes every value by ascending breaks, natural or quantile', async () => {
    for (const method of ['ckmeans', 'quantile']) {
      const answer = await get(
        server.fetch,
        `metric=averageSpend&level=h3&resolution=7&method=${method}&classes=4`,
      );
      const { breaks } = answer;
      expect(breaks.length).toBeGreaterThanOrEqual(3);
      expect(breaks.length).toBeLessThanOrEqual(5);
      expect(breaks).toEqual([...breaks].sort((a, b) => a - b));
      for (const { properties: p } of answer.features) {
        if (p.value === null) continue;
        expect(p.value).toBeGreaterThanOrEqual(breaks[0]!);
        expect(p.value).toBeLessThanOrEqual(breaks.at(-1)!);
        const c = p.class!;
        expect(p.value).toBeGreaterThanOrEqual(breaks[c]!);
        if (c < breaks.length - 2) expect(p.value).toBeLessThan(breaks[c + 1]!);
      }
    }
  });

  it("gives each neighbourhood's penetration and the segment's share", async () => {
    const hoods = await get(server.fetch, 'metric=penetration&level=neighbourhood');
    expect(hoods.resolution).toBeNull();
    expect(hoods.features.length).toBeGreaterThan(3);
    expect(hoods.features.every((f) => typeof f.properties.name === 'string')).toBe(true);
    const values = hoods.features.map((f) => f.properties.value ?? 0);
    expect(Math.max(...values)).toBeGreaterThan(0);
    expect(Math.max(...values)).toBeLessThan(1);

    const segment = encodeURIComponent(JSON.stringify({ genders: ['female'] }));
    const share = await get(
      server.fetch,
      `metric=segmentShare&level=h3&resolution=7&segment=${segment}`,
    );
    const tally = new Map<string, [number, number]>();
    for (const c of customers) {
      const cell = latLngToCell(c.lat, c.lng, 7);
      const [all, women] = tally.get(cell) ?? [0, 0];
      tally.set(cell, [all + 1, women + (c.gender === 'female' ? 1 : 0)]);
    }
    for (const f of share.features) {
      const [all, women] = tally.get(f.properties.id) ?? [0, 0];
      if (all === 0) expect(f.properties.value).toBeNull();
      else expect(f.properties.value).toBeCloseTo(women / all, 10);
    }
  });

  it('hatches small regions, and gives an aggregate-only role no number for them', async () => {
    const owner = await get(server.fetch, 'metric=customers&level=h3&resolution=9');
    const marketer = await get(
      await server.as('marketer'),
      'metric=customers&level=h3&resolution=9',
    );
    const k = marketer.minGroupSize;
    expect(marketer.suppressed).toBe(true);
    expect(owner.suppressed).toBe(false);
    const small = marketer.features.filter((f) => f.properties.small);
    expect(small.length).toBeGreaterThan(0);
    for (const f of small) {
      expect(f.properties.value).toBeNull();
      expect(f.properties.class).toBeNull();
    }
    for (const f of marketer.features.filter((f) => !f.properties.small))
      expect(f.properties.value === 0 || f.properties.value! >= k).toBe(true);
    // The owner sees the same regions hatched, with their numbers.
    const ownerSmall = owner.features.filter((f) => f.properties.small);
    expect(ownerSmall.map((f) => f.properties.id).sort()).toEqual(
      small.map((f) => f.properties.id).sort(),
    );
    expect(ownerSmall.every((f) => f.properties.value! > 0 && f.properties.value! < k)).toBe(true);
    // Nothing in the marketer's answer carries a small region's figure, breaks included.
    const hidden = new Set(ownerSmall.map((f) => f.properties.value));
    for (const b of marketer.breaks) if (b > 0) expect(hidden.has(b)).toBe(false);
  });

  it('names bad values', async () => {
    await expectProblem(await server.fetch('/api/choropleth?metric=height'), 400, 'query.metric');
    await expectProblem(
      await server.fetch('/api/choropleth?resolution=6'),
      400,
      'query.resolution',
    );
    await expectProblem(await server.fetch('/api/choropleth?method=jenks'), 400, 'query.method');
  });
});
