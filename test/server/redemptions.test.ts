// Redemptions and results against a real server: a rainy-day campaign's code is redeemed at a store in its area while
// it rains, refused (naming why, writing nothing) outside, when dry, for an unknown code or store, a paused campaign or
// a held-out customer; tills redeem with a token. The results agree with an independent count of the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { inHoldout } from '../../server/domain/campaigns/holdout.js';
import type { CampaignResults } from '../../server/domain/campaigns/results.js';

type Results = CampaignResults;
interface Redemption {
  id: string;
  campaignId: string;
  areaId: string;
  code: string;
  storeId: string;
  amount: number;
  redeemedAt: string;
  customerId: string | null;
}

let server: TestServer;
let campaignId: string;
let rainyStore: string;
let farStore: string;
const areas: Polygon[] = [];
const areaIds: string[] = [];

const RAINING = '2026-11-24T07:45:00Z';
const DRY = '2026-11-24T12:00:00Z';
// Rain from 06:00 to 10:00 UTC on 24 November over the east of the city; dry everywhere else.
const RAIN = {
  bbox: [13.36, 52.49, 13.47, 52.55],
  from: '2026-11-24T06:00:00Z',
  to: '2026-11-24T10:00:00Z',
  set: { precipitationMmH: 2.5 },
};

const send = (
  fetcher: SignedInFetch | typeof fetch,
  path: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
) =>
  (fetcher as (p: string, i: RequestInit) => Promise<Response>)(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const redeem = (body: Record<string, unknown>, fetcher: SignedInFetch = server.fetch) =>
  send(fetcher, '/api/redemptions', 'POST', body);
const withDb = <T>(f: (db: Database.Database) => T, readonly = true): T => {
  const db = new Database(server.dbFile, { readonly });
  try {
    return f(db);
  } finally {
    db.close();
  }
};
const redemptionRows = () =>
  withDb((db) => db.prepare('SELECT count(*) FROM redemptions').pluck().get() as number);
const results = async (fetcher: SignedInFetch = server.fetch) => {
  const response = await fetcher(`/api/campaigns/${campaignId}/results`);
  expect(response.status).toBe(200);
  return (await response.json()) as Results;
};

/** The campaign's audience counted independently: every customer aged 25–130 inside either area (turf), once. */
const audienceIds = () =>
  withDb(
    (db) =>
      db.prepare('SELECT id, lng, lat, age FROM customers').all() as {
        id: string;
        lng: number;
        lat: number;
        age: number | null;
      }[],
  )
    .filter(
      (c) =>
        c.age !== null &&
        c.age >= 25 &&
        c.age <= 130 &&
        areas.some((a) => booleanPointInPolygon([c.lng, c.lat], a)),
    )
    .map((c) => c.id)
    .sort();

beforeAll(async () => {
  server = await startTestServer({ customers: 2000 });
  const store = async (name: string, coordinates: [number, number]) => {
    const response = await send(server.fetch, '/api/stores', 'POST', {
      name,
      brand: 'Kaffee',
      location: { type: 'Point', coordinates },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { properties: { id: string } }).properties.id;
  };
  rainyStore = await store('Corner café', [13.41, 52.52]);
  farStore = await store('Far café', [13.25, 52.45]);
  for (const [name, center] of [
    ['Around the corner café', [13.41, 52.52]],
    ['East of it', [13.425, 52.52]],
  ] as const) {
    const response = await send(server.fetch, '/api/areas', 'POST', {
      name,
      kind: 'radius',
      params: { center, radiusMeters: 1500 },
    });
    expect(response.status).toBe(201);
    const feature = (await response.json()) as { properties: { id: string }; geometry: Polygon };
    areaIds.push(feature.properties.id);
    areas.push(feature.geometry);
  }
  expect(
    (
      await send(server.fetch, '/api/weather/scenario', 'PUT', {
        default: {
          temperatureC: 8,
          precipitationMmH: 0,
          snowfallCmH: 0,
          windKmh: 10,
          cloudCoverPct: 60,
        },
        cells: [RAIN],
      })
    ).status,
  ).toBe(200);
  const created = await send(server.fetch, '/api/campaigns', 'POST', {
    name: 'Drizzle discount',
    areaIds,
    segment: { ageMin: 25 },
    offer: { headline: '15% off when it rains', code: 'Drizzle15', discountPercent: 15 },
    channel: 'in_store',
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2027-02-28T23:59:59Z',
    timezone: 'Europe/Berlin',
    status: 'active',
    triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
    holdoutPercent: 20,
  });
  expect(created.status).toBe(201);
  campaignId = ((await created.json()) as { id: string }).id;
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/redemptions', () => {
  it('records a code redeemed at a store in the area while it rains, in any case, with an audit entry', async () => {
    const response = await redeem({
      code: 'drizzle15',
      storeId: rainyStore,
      amount: 12.5,
      redeemedAt: RAINING,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Redemption;
    expect(body).toMatchObject({
      campaignId,
      areaId: areaIds[0],
      code: 'DRIZZLE15',
      storeId: rainyStore,
      amount: 12.5,
      redeemedAt: RAINING,
      customerId: null,
    });
    const audit = withDb(
      (db) =>
        db
          .prepare(
            "SELECT target_id AS targetId, detail FROM audit_log WHERE action = 'redemption.create'",
          )
          .all() as { targetId: string; detail: string }[],
    );
    expect(audit).toEqual([
      { targetId: campaignId, detail: expect.stringContaining(body.id) as string },
    ]);
  });

  it('refuses, naming body.code and why, and writes nothing: outside the areas, when dry, unknown code, a campaign not running', async () => {
    const before = redemptionRows();
    const outside = await expectProblem(
      await redeem({ code: 'DRIZZLE15', storeId: farStore, amount: 5, redeemedAt: RAINING }),
      422,
      'body.code',
    );
    expect(outside.errors![0]!.message).toMatch(/store “Far café” is outside the areas/);

    const dry = (await expectProblem(
      await redeem({ code: 'DRIZZLE15', storeId: rainyStore, amount: 5, redeemedAt: DRY }),
      422,
      'body.code',
    )) as unknown as {
      errors: { message: string }[];
      reasons: { type: string; observed: number; threshold: number }[];
    };
    expect(dry.errors[0]!.message).toMatch(/was not live at store “Corner café”.*rain 0 mm\/h/);
    expect(dry.reasons).toEqual([
      expect.objectContaining({ type: 'weather', observed: 0, threshold: 1 }),
    ]);

    const unknown = await expectProblem(
      await redeem({ code: 'NOPE99', storeId: rainyStore, amount: 5, redeemedAt: RAINING }),
      422,
      'body.code',
    );
    expect(unknown.errors![0]!.message).toMatch(/no campaign has the code NOPE99/);

    const draft = await send(server.fetch, '/api/campaigns', 'POST', {
      name: 'Snow sale',
      areaIds,
      offer: { headline: 'Snow', code: 'SNOW5' },
      channel: 'in_store',
      startsAt: '2026-11-01T00:00:00Z',
      endsAt: '2027-02-28T23:59:59Z',
      timezone: 'Europe/Berlin',
      status: 'draft',
    });
    expect(draft.status).toBe(201);
    const notRunning = await expectProblem(
      await redeem({ code: 'snow5', storeId: rainyStore, amount: 5, redeemedAt: RAINING }),
      422,
      'body.code',
    );
    expect(notRunning.errors![0]!.message).toMatch(
      /“Snow sale” was not running .*campaign is draft/,
    );

    const late = await expectProblem(
      await redeem({
        code: 'DRIZZLE15',
        storeId: rainyStore,
        amount: 5,
        redeemedAt: '2027-03-05T08:00:00Z',
      }),
      422,
      'body.code',
    );
    expect(late.errors![0]!.message).toMatch(/campaign ended/);

    await expectProblem(
      await redeem({ code: 'DRIZZLE15', storeId: 'no-such-store', amount: 5, redeemedAt: RAINING }),
      422,
      'body.storeId',
    );
    await expectProblem(
      await redeem({ code: 'DRIZZLE15', storeId: rainyStore, amount: -1, redeemedAt: RAINING }),
      422,
      'body.amount',
    );
    expect(redemptionRows()).toBe(before);
  });

  it('refuses a customer in the holdout: they were never offered it', async () => {
    const heldOut = audienceIds().find((id) => inHoldout(campaignId, id, 20))!;
    const before = redemptionRows();
    const problem = await expectProblem(
      await redeem({
        code: 'DRIZZLE15',
        storeId: rainyStore,
        amount: 5,
        redeemedAt: RAINING,
        customerId: heldOut,
      }),
      422,
      'body.code',
    );
    expect(problem.errors![0]!.message).toMatch(/in the holdout/);
    expect(redemptionRows()).toBe(before);
  });

  it('a till token with redemptions:write redeems; one without it is refused', async () => {
    const tokenFor = async (scopes: string[]) => {
      const response = await send(server.fetch, '/api/tokens', 'POST', {
        name: `till ${scopes.join(' ')}`,
        scopes,
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { secret: string }).secret;
    };
    const asToken = (token: string) => (body: unknown) =>
      send(fetch, `${server.url}/api/redemptions`, 'POST', body, {
        Authorization: `Bearer ${token}`,
      });
    const till = asToken(await tokenFor(['redemptions:write']));
    const response = await till({
      code: 'DRIZZLE15',
      storeId: rainyStore,
      amount: 7.25,
      redeemedAt: '2026-11-24T08:10:00Z',
    });
    expect(response.status).toBe(201);
    const reader = asToken(await tokenFor(['offers:read']));
    const before = redemptionRows();
    expect(
      (
        await reader({
          code: 'DRIZZLE15',
          storeId: rainyStore,
          amount: 7.25,
          redeemedAt: '2026-11-24T08:10:00Z',
        })
      ).status,
    ).toBe(403);
    expect(redemptionRows()).toBe(before);
  });

  it("lists a campaign's redemptions newest first, a page at a time", async () => {
    const first = (await (
      await server.fetch(`/api/campaigns/${campaignId}/redemptions?limit=1`)
    ).json()) as { redemptions: Redemption[]; nextCursor?: string };
    expect(first.redemptions.map((r) => r.redeemedAt)).toEqual(['2026-11-24T08:10:00Z']);
    const second = (await (
      await server.fetch(
        `/api/campaigns/${campaignId}/redemptions?limit=5&cursor=${first.nextCursor}`,
      )
    ).json()) as { redemptions: Redemption[]; nextCursor?: string };
    expect(second.redemptions.map((r) => r.redeemedAt)).toEqual([RAINING]);
    expect(second.nextCursor).toBeUndefined();
    await expectProblem(
      await server.fetch(`/api/campaigns/${campaignId}/redemptions?cursor=junk`),
      400,
      'query.cursor',
    );
    await expectProblem(await server.fetch('/api/campaigns/cmp-none/redemptions'), 404);
  });
});

describe('GET /api/campaigns/:id/results', () => {
  it('counts the audience, activations, redemptions, conversion and lift as documented', async () => {
    // An activation in each area from 07:30 to 10:15 on 24 November: 2 × 2.75 live hours.
    expect(
      (await server.fetch('/api/triggers/evaluate?at=2026-11-24T07:30:00Z', { method: 'POST' }))
        .status,
    ).toBe(200);
    expect(
      (await server.fetch('/api/triggers/evaluate?at=2026-11-24T10:15:00Z', { method: 'POST' }))
        .status,
    ).toBe(200);

    const audience = audienceIds();
    const holdout = audience.filter((id) => inHoldout(campaignId, id, 20));
    const treated = audience.filter((id) => !inHoldout(campaignId, id, 20));
    expect(holdout.length).toBeGreaterThan(5);
    // Known purchases: every 2nd treated customer and every 4th held-out one bought on the live day; the rest earlier.
    const boughtTreated = treated.filter((_, i) => i % 2 === 0);
    const boughtHoldout = holdout.filter((_, i) => i % 4 === 0);
    withDb((db) => {
      db.prepare("UPDATE customers SET last_purchase_at = '2026-10-01'").run();
      const bought = db.prepare(
        "UPDATE customers SET last_purchase_at = '2026-11-24' WHERE id = ?",
      );
      for (const id of [...boughtTreated, ...boughtHoldout]) bought.run(id);
    }, false);
    // Three treated customers redeem (one twice); with the two anonymous redemptions above that is 5 conversions.
    for (const [customerId, amount] of [
      [treated[0], 10],
      [treated[1], 20.1],
      [treated[1], 3.3],
      [treated[2], 4],
    ] as const) {
      expect(
        (
          await redeem({
            code: 'DRIZZLE15',
            storeId: rainyStore,
            amount,
            redeemedAt: '2026-11-24T09:00:00Z',
            customerId,
          })
        ).status,
      ).toBe(201);
    }

    const r = await results();
    const consented = withDb(
      (db) =>
        db
          .prepare(
            'SELECT count(*) FROM customers WHERE consent = 1 AND id IN (SELECT value FROM json_each(?))',
          )
          .pluck()
          .get(JSON.stringify(audience)) as number,
    );
    expect(r.audience).toEqual({
      count: audience.length,
      consented,
      treated: treated.length,
      holdout: holdout.length,
    });
    expect(r.activations.count).toBe(2);
    expect(r.activations.liveHours).toBeCloseTo(5.5, 9);
    const amounts = [12.5, 7.25, 10, 20.1, 3.3, 4];
    const revenue = Math.round(amounts.reduce((a, b) => a + b, 0) * 100) / 100;
    expect(r.redemptions).toEqual({
      count: 6,
      revenue,
      byDay: [{ day: '2026-11-24', count: 6, revenue }],
    });
    expect(r.conversionRate).toBeCloseTo(5 / treated.length, 12);
    const treatedRate = boughtTreated.length / treated.length;
    const holdoutRate = boughtHoldout.length / holdout.length;
    expect(r.holdout).toEqual({
      percent: 20,
      customers: holdout.length,
      purchasedRate: holdoutRate,
    });
    expect(r.treatedPurchasedRate).toBeCloseTo(treatedRate, 12);
    expect(r.lift).toBeCloseTo(treatedRate / holdoutRate - 1, 12);
  });

  it('lift is null when nobody in the holdout bought', async () => {
    withDb(
      (db) =>
        db
          .prepare(
            "UPDATE customers SET last_purchase_at = '2026-10-01' WHERE id IN (SELECT value FROM json_each(?))",
          )
          .run(JSON.stringify(audienceIds().filter((id) => inHoldout(campaignId, id, 20)))),
      false,
    );
    const r = await results();
    expect(r.holdout.purchasedRate).toBe(0);
    expect(r.lift).toBeNull();
  });

  it('aggregate roles get counts below the minimum group size, and rates over such groups, as null', async () => {
    const owner = await results();
    const holdout = owner.holdout.customers!;
    // k just above the holdout: the holdout and its rate hide, the whole audience does not.
    expect(
      (await send(server.fetch, '/api/settings', 'PATCH', { minGroupSize: holdout + 1 })).status,
    ).toBe(200);
    try {
      const viewer = await results(await server.as('viewer'));
      const k = holdout + 1;
      expect(viewer.minGroupSize).toBe(k);
      const hide = (n: number | null) => (n === null || n < k ? null : n);
      expect(viewer.audience).toEqual({
        count: owner.audience.count,
        consented: hide(owner.audience.consented),
        treated: owner.audience.treated,
        holdout: null,
      });
      expect(viewer.holdout).toEqual({ percent: 20, customers: null, purchasedRate: null });
      expect(viewer.lift).toBeNull();
      // Six redemptions by five converted customers: both fewer than k, so neither the rows' sum nor the rate shows.
      expect(owner.redemptions.count).toBeLessThan(k);
      expect(viewer.redemptions).toEqual({ count: null, revenue: null, byDay: [] });
      expect(viewer.conversionRate).toBeNull();
      expect(owner.minGroupSize).toBeUndefined();
    } finally {
      await send(server.fetch, '/api/settings', 'PATCH', { minGroupSize: 10 });
    }
  });

  it('aggregate roles never read redemption rows, and see a few redemptions as hidden, not as one worth 9.50', async () => {
    const marketer = await server.as('marketer');
    for (const role of [marketer, await server.as('viewer')]) {
      await expectProblem(await role(`/api/campaigns/${campaignId}/redemptions`), 403);
    }
    const owner = await results();
    const seen = await results(marketer);
    expect(owner.redemptions.count).toBeGreaterThan(0);
    expect(owner.redemptions.count).toBeLessThan(10);
    expect(seen.minGroupSize).toBe(10);
    expect(seen.redemptions).toEqual({ count: null, revenue: null, byDay: [] });
    expect(JSON.stringify(seen)).not.toContain(String(owner.redemptions.revenue));
  });

  it("store managers count only their stores' customers and redemptions", async () => {
    // The demo store with the most home customers in the audience.
    const audience = new Set(audienceIds());
    const homes = withDb(
      (db) =>
        db
          .prepare(
            'SELECT id, home_store_id AS store FROM customers WHERE home_store_id IS NOT NULL',
          )
          .all() as { id: string; store: string }[],
    ).filter((c) => audience.has(c.id));
    const byStore = new Map<string, number>();
    for (const c of homes) byStore.set(c.store, (byStore.get(c.store) ?? 0) + 1);
    const [store, count] = [...byStore.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(count).toBeGreaterThan(0);
    const manager = await results(await server.as('store_manager', { storeIds: [store] }));
    expect(manager.audience.count).toBe(count);
    expect(manager.redemptions.count).toBe(0);
    expect(manager.conversionRate).toBe(0);
    const elsewhere = await results(await server.as('store_manager', { storeIds: [farStore] }));
    expect(elsewhere.audience.count).toBe(0);
    expect(elsewhere.conversionRate).toBeNull();
  });

  it('erasing a customer keeps their redemptions, anonymous', async () => {
    const named = withDb(
      (db) =>
        db
          .prepare('SELECT customer_id FROM redemptions WHERE customer_id IS NOT NULL LIMIT 1')
          .pluck()
          .get() as string,
    );
    const before = await results();
    const erased = await server.fetch(`/api/customers/${encodeURIComponent(named)}`, {
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);
    expect(
      withDb((db) =>
        db.prepare('SELECT count(*) FROM redemptions WHERE customer_id = ?').pluck().get(named),
      ),
    ).toBe(0);
    const after = await results();
    expect(after.redemptions).toEqual(before.redemptions);
  });
});
