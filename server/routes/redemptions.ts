// Redemptions and results: tills record a redeemed offer code (POST /api/redemptions); the campaign page lists a
// campaign's redemptions and reads its results (audience, activations, redemptions, conversion, holdout and lift).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { principalOf } from '../http/auth.js';
import { ProblemError } from '../http/problem.js';
import { visibleStoreIds } from '../domain/privacy.js';
import { pageRedemptions } from '../db/repos/redemptions.js';
import { campaignResults as campaignResultsSchema } from '../domain/schemas/campaign-results.js';
import { campaignResultsQuery } from '../domain/schemas/campaign-measures.js';
import { idParam } from '../domain/schemas/params.js';
import {
  redemption,
  redemptionCreate,
  redemptionPage,
  redemptionPageQuery,
} from '../domain/schemas/redemption.js';
import { getCampaign } from '../services/campaigns/campaigns.js';
import { campaignResults } from '../services/campaigns/results.js';
import { redeem } from '../services/campaigns/redemptions.js';

const tags = ['Redemptions'];
const unknown = { 404: { description: 'Unknown campaign', content: problemContent } };

const create = createRoute({
  method: 'post',
  path: '/api/redemptions',
  tags,
  summary: "Record a redeemed offer code at a store's till",
  description:
    "The code (any case) must be the code of a campaign whose offer was live at the store's location at redeemedAt: the campaign scheduled or active and in its window, the store inside one of its areas, and its triggers met then (evaluated as the live-offers lookup does). A customer in the campaign's holdout was never offered it and is refused. Otherwise 422 names body.code and says why not (for unmet triggers, `reasons` lists them with observed values); an unknown store names body.storeId. Nothing is written on a refusal.",
  request: { body: { required: true, content: json(redemptionCreate) } },
  responses: {
    201: { description: 'The redemption', content: json(redemption) },
    422: {
      description:
        'Unknown code or store, campaign not running, store outside its areas, conditions not met, or the customer held out',
      content: problemContent,
    },
  },
});

const list = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/redemptions',
  tags,
  summary:
    "A campaign's redemptions, newest first, a page at a time (store managers: at their stores)",
  description:
    "Rows about single purchases (customer, amount, store, time): only for roles that may see customers. Aggregate-only roles read the campaign's results instead.",
  request: { params: idParam, query: redemptionPageQuery },
  responses: {
    200: { description: 'A page; nextCursor when more remain', content: json(redemptionPage) },
    400: { description: 'Bad limit or cursor', content: problemContent },
    ...unknown,
  },
});

const results = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/results',
  tags,
  summary: "A campaign's audience, activations, redemptions, conversion rate, holdout and lift",
  description:
    "Audience: customers inside any of the campaign's areas who match its segment, counted once. Holdout: each audience customer is held out when a hash of campaign id and customer id falls below holdoutPercent; treated = audience − holdout. Purchases are known by date only (customers' last purchase date), so a customer 'purchased during the campaign' when that date is a UTC day on which an activation interval was open. Lift compares the treated group's purchase rate with the holdout's (an approximation kept for compatibility). `measures` is built from purchases: conversion, retention, sales growth and revenue per customer for treated and held-out customers, overall, per area and per home store, with the lift's 95 % interval (Newcombe's hybrid score interval for proportions, a seeded percentile bootstrap for revenue per customer) and `conclusion: none` with a reason when a group is too small or the interval includes zero. Aggregate roles get counts below the minimum group size, redemptions of fewer than that, and rates over or counting such groups (conversions, purchasers), as null; store managers count only their stores' customers and redemptions.",
  request: { params: idParam, query: campaignResultsQuery },
  responses: {
    200: { description: 'The results', content: json(campaignResultsSchema) },
    400: { description: 'Bad conversionDays', content: problemContent },
    ...unknown,
  },
});

/** Keyset cursor: the last row's instant and id, so a page does not shift when redemptions arrive. */
const encode = (r: { redeemedAt: string; id: string }) =>
  Buffer.from(JSON.stringify([r.redeemedAt, r.id]), 'utf8').toString('base64url');
function decode(cursor: string): { redeemedAt: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    )
      return { redeemedAt: value[0], id: value[1] };
  } catch {
    // fall through to the refusal
  }
  const reason = 'cursor is not one this API issued; pass nextCursor back unchanged';
  throw new ProblemError(400, reason, [
    { field: 'query.cursor', code: 'invalid_cursor', message: reason },
  ]);
}

export function redemptionRoutes(deps: AppDeps) {
  const { db, clock, offers, weather } = deps;
  return createRouter()
    .openapi(create, (c) => {
      const record = redeem(
        { db, offers, weatherAt: weather.provider.at, principal: principalOf(c), at: clock() },
        c.req.valid('json'),
      );
      c.header('Location', `/api/campaigns/${encodeURIComponent(record.campaignId)}/redemptions`);
      return c.json(record, 201);
    })
    .openapi(list, (c) => {
      const principal = principalOf(c);
      const campaign = getCampaign(db, c.req.valid('param').id, principal);
      const { limit, cursor } = c.req.valid('query');
      const rows = pageRedemptions(db, {
        campaignId: campaign.id,
        storeIds: visibleStoreIds(principal),
        after: cursor === undefined ? null : decode(cursor),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return c.json(
        { redemptions: page, ...(rows.length > limit ? { nextCursor: encode(page.at(-1)!) } : {}) },
        200,
      );
    })
    .openapi(results, async (c) => {
      const principal = principalOf(c);
      const campaign = getCampaign(db, c.req.valid('param').id, principal);
      return c.json(
        await campaignResults(
          {
            db,
            audience: deps.audience,
            resolveAreaGeometry: deps.resolveAreaGeometry,
            principal,
            at: clock(),
            purchases: deps.purchases,
            conversionDays: c.req.valid('query').conversionDays,
          },
          campaign,
        ),
        200,
      );
    });
}
