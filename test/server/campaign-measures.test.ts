// A campaign's measures against a real server: purchases written straight into the table, the figures checked
// against an independent count of the same rows. Held-out customers are refused the offer and still count; a purchase
// whose customer was erased counts in the totals, in no group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { inHoldout } from '../../server/domain/campaigns/holdout.js';
import type { CampaignResults } from '../../server/domain/schemas/campaign-results.js';
import type { Trends } from '../../server/domain/schemas/campaign-measures.js';
import type { AreaComparison } from '../../server/domain/schemas/area-compare.js';

let server: TestServer;
let campaignId: string;
let areaId: string;
let storeId: string;
let area: Polygon;
let treated: string[];
let holdout: string[];
const NOW = new Date('2027-03-01T12:00:00Z');

const post = (path: string, body: unknown) =>
  server.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const withDb = <T>(f: (db: Database.Database) => T, readonly = true): T => {
  const db = new Database(server.dbFile, { readonly });
  try {
    return f(db);
  } finally {
    db.close();
  }
};

/** Purchases: [id, customer id, date, amount]. */
const insert = (rows: [string, string, string, number][]) =>
  withDb((db) => {
    const add = db.prepare(
      'INSERT INTO purchases (id, customer_id, store_id, purchased_at, amount) VALUES (?, ?, ?, ?, ?)',
    );
    for (const [id, customer, date, amount] of rows)
      add.run(id, customer, storeId, `${date}T10:00:00.000Z`, amount);
  }, false);

beforeAll(async () => {
  server = await startTestServer({ customers: 1500, clock: () => NOW });
  // The demo writes a purchase history; these measures are checked against this file's own purchases only.
  withDb((db) => db.prepare('DELETE FROM purchases').run(), false);
  const store = await post('/api/stores', {
    name: 'Corner café',
    brand: 'Kaffee',
    location: { type: 'Point', coordinates: [13.41, 52.52] },
  });
  storeId = ((await store.json()) as { properties: { id: string } }).properties.id;
  const created = await post('/api/areas', {
    name: 'Around the café',
    kind: 'radius',
    params: { center: [13.41, 52.52], radiusMeters: 5000 },
  });
  const feature = (await created.json()) as { properties: { id: string }; geometry: Polygon };
  areaId = feature.properties.id;
  area = feature.geometry;
  const campaign = await post('/api/campaigns', {
    name: 'November latte',
    areaIds: [areaId],
    segment: {},
    offer: { headline: 'A latte on us', code: 'LATTE', discountPercent: 100 },
    channel: 'in_store',
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2026-11-10T23:59:59Z',
    timezone: 'Europe/Berlin',
    status: 'active',
    triggers: [],
    holdoutPercent: 30,
  });
  expect(campaign.status).toBe(201);
  campaignId = ((await campaign.json()) as { id: string }).id;
  const audience = withDb(
    (db) =>
      db.prepare('SELECT id, lng, lat FROM customers').all() as {
        id: string;
        lng: number;
        lat: number;
      }[],
  )
    .filter((c) => booleanPointInPolygon([c.lng, c.lat], area))
    .map((c) => c.id)
    .sort();
  holdout = audience.filter((id) => inHoldout(campaignId, id, 30));
  treated = audience.filter((id) => !inHoldout(campaignId, id, 30));
  expect(holdout.length).toBeGreaterThanOrEqual(60);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('GET /api/campaigns/:id/results — measures', () => {
  it('computes conversion, retention, growth and revenue per customer as an independent count does', async () => {
    // Window: 1–10 November plus 7 days = 1–17 November (17 days); the period before: 15–31 October.
    const rows: [string, string, string, number][] = [];
    treated.forEach((id, i) => {
      if (i % 3 === 0) rows.push([`t${i}-before`, id, '2026-10-20', 10]);
      if (i % 2 === 0) rows.push([`t${i}-in`, id, '2026-11-05', 20]);
      if (i % 4 === 0) rows.push([`t${i}-again`, id, '2026-11-25', 5]); // 20 days later
      if (i % 2 === 1 && i % 5 === 0) rows.push([`t${i}-late`, id, '2026-11-18', 50]); // after the window
    });
    holdout.forEach((id, i) => {
      if (i % 3 === 0) rows.push([`h${i}-before`, id, '2026-10-20', 10]);
      if (i % 4 === 0) rows.push([`h${i}-in`, id, '2026-11-16', 20]);
      if (i % 8 === 0) rows.push([`h${i}-again`, id, '2027-01-30', 5]); // 75 days later
    });
    rows.push(['erased-1', 'anon-7f3a', '2026-11-06', 99]);
    insert(rows);

    const response = await server.fetch(`/api/campaigns/${campaignId}/results`);
    expect(response.status).toBe(200);
    const m = ((await response.json()) as CampaignResults).measures;
    expect(m.window).toEqual({
      from: '2026-11-01',
      to: '2026-11-17',
      conversionDays: 7,
      beforeFrom: '2026-10-15',
      beforeTo: '2026-10-31',
    });
    const count = (n: number, every: number) => Math.ceil(n / every);
    const t = m.overall.treated;
    const tBought = count(treated.length, 2);
    const tAgain = count(treated.length, 4);
    expect(t.customers).toBe(treated.length);
    expect(t.converted).toBe(tBought);
    expect(t.conversion).toBeCloseTo(tBought / treated.length, 12);
    expect(t.retention.map((r) => [r.days, r.eligible, r.retained])).toEqual([
      [30, tBought, tAgain],
      [60, tBought, tAgain],
      [90, tBought, tAgain],
    ]);
    expect(t.revenueBefore).toBeCloseTo(count(treated.length, 3) * 10, 6);
    expect(t.revenueDuring).toBeCloseTo(tBought * 20, 6);
    expect(t.growth).toBeCloseTo((tBought * 20) / (count(treated.length, 3) * 10) - 1, 9);
    expect(t.revenuePerCustomer).toBeCloseTo((tBought * 20) / treated.length, 9);

    const h = m.overall.holdout;
    const hBought = count(holdout.length, 4);
    const hAgain = count(holdout.length, 8);
    expect(h.customers).toBe(holdout.length);
    expect(h.converted).toBe(hBought);
    // Retained within 90 days (75 days later) but not within 30 or 60.
    expect(h.retention.map((r) => r.retained)).toEqual([0, 0, hAgain]);
    expect(h.revenueDuring).toBeCloseTo(hBought * 20, 6);

    const lift = m.overall.lift.conversion!;
    expect(lift.method).toBe('newcombe');
    expect(lift.difference).toBeCloseTo(tBought / treated.length - hBought / holdout.length, 12);
    expect(lift.low).toBeLessThan(lift.difference);
    expect(lift.high).toBeGreaterThan(lift.difference);
    expect(lift.conclusion === 'none').toBe(lift.low <= 0 && lift.high >= 0);
    expect(m.overall.lift.revenuePerCustomer!.method).toBe('bootstrap');
    // The same request answers the same bootstrap interval: the resampling is seeded.
    const again = (
      (await (await server.fetch(`/api/campaigns/${campaignId}/results`)).json()) as CampaignResults
    ).measures;
    expect(again.overall.lift.revenuePerCustomer).toEqual(m.overall.lift.revenuePerCustomer);

    // By area (one area: the same) and by home store (a partition of the audience).
    expect(m.byArea.map((g) => [g.key, g.treated.customers])).toEqual([[areaId, treated.length]]);
    expect(m.byStore.reduce((s, g) => s + g.treated.customers! + g.holdout.customers!, 0)).toBe(
      treated.length + holdout.length,
    );
    // Totals: every purchase of the window, the erased customer's included but linked to nobody.
    expect(m.totals).toEqual({
      purchases: tBought + hBought + 1,
      revenue: tBought * 20 + hBought * 20 + 99,
      unlinked: 1,
    });

    // Counting purchases up to 10 days after the end brings in the late treated buyers.
    const late = (await (
      await server.fetch(`/api/campaigns/${campaignId}/results?conversionDays=10`)
    ).json()) as CampaignResults;
    const lateBuyers = treated.filter((_, i) => i % 2 === 1 && i % 5 === 0).length;
    expect(late.measures.overall.treated.converted).toBe(tBought + lateBuyers);
  });

  it('refuses a held-out customer the offer, and still counts them in the results', async () => {
    const refused = await post('/api/redemptions', {
      code: 'LATTE',
      storeId,
      amount: 4,
      redeemedAt: '2026-11-05T10:00:00Z',
      customerId: holdout[0],
    });
    expect((await expectProblem(refused, 422, 'body.code')).errors![0]!.message).toMatch(/holdout/);
    const r = (await (
      await server.fetch(`/api/campaigns/${campaignId}/results`)
    ).json()) as CampaignResults;
    expect(r.audience.holdout).toBe(holdout.length);
    expect(r.measures.overall.holdout.customers).toBe(holdout.length);
  });

  it('names the field of a bad conversionDays', async () => {
    for (const bad of ['-1', '91', 'x', '2.5'])
      await expectProblem(
        await server.fetch(`/api/campaigns/${campaignId}/results?conversionDays=${bad}`),
        400,
        'query.conversionDays',
      );
  });

  it('hides small groups from aggregate roles', async () => {
    const viewer = await server.as('viewer');
    const r = (await (
      await viewer(`/api/campaigns/${campaignId}/results`)
    ).json()) as CampaignResults;
    expect(r.measures.overall.treated.customers).toBe(treated.length);
    // The erased customer's single purchase: fewer than k unlinked purchases are not shown.
    expect(r.measures.totals.unlinked).toBeNull();
    for (const g of r.measures.byStore)
      if (g.treated.customers !== null)
        expect(g.treated.customers).toBeGreaterThanOrEqual(r.minGroupSize!);
  });
});

describe('POST /api/areas/compare — buying behaviour', () => {
  it('gives conversion, 30-day retention and growth over the last 90 days, each as an index to the average', async () => {
    const west = await post('/api/areas', {
      name: 'Far west',
      kind: 'radius',
      params: { center: [13.2, 52.535], radiusMeters: 1500 },
    });
    const westId = ((await west.json()) as { properties: { id: string } }).properties.id;
    const response = await post('/api/areas/compare', { areaIds: [areaId, westId] });
    expect(response.status).toBe(200);
    const c = (await response.json()) as AreaComparison;
    // The last 90 days up to 1 March 2027 against the 90 before.
    expect(c.window).toEqual({
      days: 90,
      from: '2026-12-02',
      to: '2027-03-01',
      beforeFrom: '2026-09-03',
      beforeTo: '2026-12-01',
    });
    // In the window only every 8th held-out customer bought (30 January, once): none of them again within 30 days.
    const buyers = Math.ceil(holdout.length / 8);
    const customers = c.areas[0]!.customers!;
    const [inside, outside] = c.areas.map((a) => a.behaviour);
    expect(inside!.conversion).toBeCloseTo(buyers / customers, 12);
    expect(inside!.retention).toBe(0);
    // Before: every 3rd customer's 10 on 20 October, the treated buyers' 20 and 5 in November, the held-out 20s.
    const before =
      Math.ceil(treated.length / 3) * 10 +
      Math.ceil(treated.length / 2) * 20 +
      Math.ceil(treated.length / 4) * 5 +
      treated.filter((_, i) => i % 2 === 1 && i % 5 === 0).length * 50 +
      Math.ceil(holdout.length / 3) * 10 +
      Math.ceil(holdout.length / 4) * 20;
    expect(inside!.growth).toBeCloseTo((buyers * 5) / before - 1, 12);
    // Nobody far west bought: conversion 0, retention and growth unknown. The average conversion is half the inside's.
    expect(outside).toMatchObject({ conversion: 0, retention: null, growth: null });
    expect(inside!.conversionIndex).toBeCloseTo(200, 9);
    expect(outside!.conversionIndex).toBe(0);
    expect(inside!.growthIndex).toBeCloseTo(100, 9);
    expect(inside!.retentionIndex).toBeNull();
    // Areas that share customers (one scan serves every area): the area inside a wider one that holds all of its
    // customers keeps the same figures, and the wider one counts them too.
    const wide = await post('/api/areas', {
      name: 'Around and beyond',
      kind: 'radius',
      params: { center: [13.41, 52.52], radiusMeters: 9000 },
    });
    const wideId = ((await wide.json()) as { properties: { id: string } }).properties.id;
    const shared = (await (
      await post('/api/areas/compare', { areaIds: [areaId, wideId] })
    ).json()) as AreaComparison;
    const [again, around] = shared.areas.map((a) => a.behaviour);
    expect(again).toMatchObject({
      conversion: inside!.conversion,
      retention: inside!.retention,
      growth: inside!.growth,
    });
    expect(shared.areas[1]!.customers!).toBeGreaterThanOrEqual(customers);
    expect(around!.conversion! * shared.areas[1]!.customers!).toBeCloseTo(buyers, 6);
    await expectProblem(
      await post('/api/areas/compare', { areaIds: [areaId, westId], windowDays: 3 }),
      422,
      'body.windowDays',
    );
  });
});

describe('GET /api/campaigns/:id/trends and /api/areas/:id/trends', () => {
  it('gives weekly purchases, buyers and revenue with the live periods, and cohorts by month of first purchase', async () => {
    const response = await server.fetch(`/api/campaigns/${campaignId}/trends`);
    expect(response.status).toBe(200);
    const t = (await response.json()) as Trends;
    // 13 weeks before 1 November 2026 (a Sunday) starts in the week of Monday 27 July 2026.
    expect(t.weeks[0]!.week).toBe('2026-07-27');
    const week = t.weeks.find((w) => w.week === '2026-11-02')!;
    const tBought = Math.ceil(treated.length / 2);
    expect(week).toEqual({
      week: '2026-11-02',
      purchases: tBought,
      customers: tBought,
      revenue: tBought * 20,
    });
    expect(t.livePeriods).toEqual([]);
    // Everyone's first purchase here is in October or November 2026.
    expect(t.cohorts.map((c) => c.month)).toEqual(['2026-10', '2026-11']);
    const october = t.cohorts[0]!;
    expect(october.retained).toHaveLength(6);

    const areaTrends = (await (await server.fetch(`/api/areas/${areaId}/trends`)).json()) as Trends;
    expect(areaTrends.weeks).toHaveLength(52);
    expect(areaTrends.weeks.find((w) => w.week === '2026-11-02')!.purchases).toBe(tBought);
  });

  it('answers 404 problem+json for an unknown campaign or area', async () => {
    await expectProblem(await server.fetch('/api/campaigns/nope/trends'), 404);
    await expectProblem(await server.fetch('/api/areas/nope/trends'), 404);
  });
});
