// Redemptions and results: tills record a redeemed offer code (POST /api/redemptions); the campaign page lists a
// campaign's redemptions and reads its results (audience, activations, redemptions, conversion, holdout and lift).
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { idParam, json } from '../http/route-helpers.js';
import { principalOf } from '../http/auth.js';
import { ProblemError } from '../http/problem.js';
import { visibleStoreIds } from '../domain/privacy.js';
import { pageRedemptions } from '../db/repos/redemptions.js';
import { queryInt } from '../domain/schemas/query.js';
import { text } from '../domain/schemas/text.js';
import { getCampaign } from '../services/campaigns/campaigns.js';
import { campaignResults } from '../services/campaigns/results.js';
import { redeem } from '../services/campaigns/redemptions.js';

const tags = ['Redemptions'];
const unknown = { 404: { description: 'Unknown campaign', content: problemContent } };
const nullableCount = (description: string) => z.number().int().nullable().meta({ description: `${description}; null when below minGroupSize (aggregate roles)` });
const nullableRate = (description: string) => z.number().nullable().meta({ description });

const redemptionBody = z
  .strictObject({
    code: text({ min: 1, max: 64 }).meta({ description: 'The offer code, any case' }),
    storeId: text({ min: 1, max: 200 }),
    amount: z.number().min(0).max(1e9).meta({ description: 'What the customer paid, in currency units' }),
    redeemedAt: z.iso.datetime({ offset: true }).optional().meta({ description: 'ISO 8601 instant; now when absent' }),
    customerId: text({ min: 1, max: 200 }).optional().meta({ description: "The customer's id, when the till knows it (loyalty card)" }),
  })
  .meta({ id: 'RedemptionCreate' });
const redemption = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    areaId: z.string().nullable().meta({ description: 'The campaign area the store lies in' }),
    code: z.string().meta({ description: 'In capitals' }),
    storeId: z.string().nullable(),
    amount: z.number(),
    redeemedAt: z.string(),
    customerId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Redemption' });

const create = createRoute({
  method: 'post',
  path: '/api/redemptions',
  tags,
  summary: "Record a redeemed offer code at a store's till",
  description:
    "The code (any case) must be the code of a campaign whose offer was live at the store's location at redeemedAt: the campaign scheduled or active and in its window, the store inside one of its areas, and its triggers met then (evaluated as the live-offers lookup does). A customer in the campaign's holdout was never offered it and is refused. Otherwise 422 names body.code and says why not (for unmet triggers, `reasons` lists them with observed values); an unknown store names body.storeId. Nothing is written on a refusal.",
  request: { body: { required: true, content: json(redemptionBody) } },
  responses: {
    201: { description: 'The redemption', content: json(redemption) },
    422: { description: 'Unknown code or store, campaign not running, store outside its areas, conditions not met, or the customer held out', content: problemContent },
  },
});

const pageQuery = z.object({
  limit: queryInt(z.number().int().min(1).max(500)).default(100),
  cursor: z.string().max(400).optional().meta({ description: 'nextCursor from the previous page' }),
});
const list = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/redemptions',
  tags,
  summary: "A campaign's redemptions, newest first, a page at a time (store managers: at their stores)",
  description: "Rows about single purchases (customer, amount, store, time): only for roles that may see customers. Aggregate-only roles read the campaign's results instead.",
  request: { params: idParam, query: pageQuery },
  responses: {
    200: { description: 'A page; nextCursor when more remain', content: json(z.object({ redemptions: z.array(redemption), nextCursor: z.string().optional() })) },
    400: { description: 'Bad limit or cursor', content: problemContent },
    ...unknown,
  },
});

const resultsSchema = z
  .object({
    campaignId: z.string(),
    at: z.string().meta({ description: 'When the results were computed' }),
    audience: z.object({
      count: nullableCount("Customers in the union of the campaign's areas matching its segment, each once (store managers: their stores' customers)"),
      consented: nullableCount('Of those, customers who consented to marketing: the reach of a sending channel'),
      treated: nullableCount('The audience minus the holdout: customers offered the campaign'),
      holdout: nullableCount('Customers held out (never offered)'),
    }),
    activations: z.object({
      count: z.number().int().meta({ description: 'Intervals during which the offer was live in one of its areas' }),
      liveHours: z.number().meta({ description: 'Sum of the intervals\' lengths in hours (per area; open ones up to now)' }),
    }),
    redemptions: z.object({
      count: z.number().int().nullable().meta({ description: 'Redemptions; null for 1 … minGroupSize − 1 (aggregate roles)' }),
      revenue: z.number().nullable().meta({ description: 'Sum of the redeemed amounts, in currency units; null with count' }),
      byDay: z
        .array(z.object({ day: z.string().meta({ description: 'UTC date' }), count: z.number().int(), revenue: z.number() }))
        .meta({ description: 'Aggregate roles: only days of at least minGroupSize redemptions, and none whose count the total minus the others would reveal' }),
    }),
    conversionRate: nullableRate(
      'Converted / treated audience. Converted: distinct treated customers who redeemed, plus each redemption that names no customer; null when the treated audience is empty (or below minGroupSize)',
    ),
    holdout: z.object({
      percent: z.number().meta({ description: "The campaign's holdout share of the audience, chosen stably at random per customer" }),
      customers: nullableCount('Customers held out'),
      purchasedRate: nullableRate("Share of held-out customers whose last purchase date falls on a day the campaign's offer was live (any area): the baseline"),
    }),
    treatedPurchasedRate: nullableRate('The same share among treated customers'),
    lift: nullableRate('treatedPurchasedRate / holdout.purchasedRate − 1; null when the holdout is empty, its rate is 0, or a group is below minGroupSize'),
    minGroupSize: z.number().int().optional().meta({ description: 'Present when small groups were hidden' }),
  })
  .meta({ id: 'CampaignResults' });
const results = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/results',
  tags,
  summary: "A campaign's audience, activations, redemptions, conversion rate, holdout and lift",
  description:
    "Audience: customers inside any of the campaign's areas who match its segment, counted once. Holdout: each audience customer is held out when a hash of campaign id and customer id falls below holdoutPercent; treated = audience − holdout. Purchases are known by date only (customers' last purchase date), so a customer 'purchased during the campaign' when that date is a UTC day on which an activation interval was open. Lift compares the treated group's purchase rate with the holdout's. Aggregate roles get counts below the minimum group size, redemptions of fewer than that, and rates over or counting such groups (conversions, purchasers), as null; store managers count only their stores' customers and redemptions.",
  request: { params: idParam },
  responses: { 200: { description: 'The results', content: json(resultsSchema) }, ...unknown },
});

/** Keyset cursor: the last row's instant and id, so a page does not shift when redemptions arrive. */
const encode = (r: { redeemedAt: string; id: string }) => Buffer.from(JSON.stringify([r.redeemedAt, r.id]), 'utf8').toString('base64url');
function decode(cursor: string): { redeemedAt: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { redeemedAt: value[0], id: value[1] };
  } catch {
    // fall through to the refusal
  }
  const reason = 'cursor is not one this API issued; pass nextCursor back unchanged';
  throw new ProblemError(400, reason, [{ field: 'query.cursor', message: reason }]);
}

export function redemptionRoutes(deps: AppDeps) {
  const { db, clock, offers, weather } = deps;
  return createRouter()
    .openapi(create, (c) => {
      const record = redeem({ db, offers, weatherAt: weather.provider.at, principal: principalOf(c), at: clock() }, c.req.valid('json'));
      c.header('Location', `/api/campaigns/${encodeURIComponent(record.campaignId)}/redemptions`);
      return c.json(record, 201);
    })
    .openapi(list, (c) => {
      const principal = principalOf(c);
      const campaign = getCampaign(db, c.req.valid('param').id, principal);
      const { limit, cursor } = c.req.valid('query');
      const rows = pageRedemptions(db, { campaignId: campaign.id, storeIds: visibleStoreIds(principal), after: cursor === undefined ? null : decode(cursor), limit: limit + 1 });
      const page = rows.slice(0, limit);
      return c.json({ redemptions: page, ...(rows.length > limit ? { nextCursor: encode(page.at(-1)!) } : {}) }, 200);
    })
    .openapi(results, async (c) => {
      const principal = principalOf(c);
      const campaign = getCampaign(db, c.req.valid('param').id, principal);
      return c.json(await campaignResults({ db, audience: deps.audience, resolveAreaGeometry: deps.resolveAreaGeometry, principal, at: clock() }, campaign), 200);
    });
}
