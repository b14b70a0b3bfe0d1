// Purchases over time: a campaign's audience or an area's customers, week by week with the offers' live periods, and
// retention by month of first purchase. Store managers see their stores' customers; aggregate roles no small groups.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { json } from '../http/route-helpers.js';
import { createRouter, problemContent } from '../http/router.js';
import { trends } from '../domain/schemas/campaign-measures.js';
import { idParam } from '../domain/schemas/params.js';
import { getArea } from '../services/areas/areas.js';
import { getCampaign } from '../services/campaigns/campaigns.js';
import { areaTrends, campaignTrends } from '../services/purchases/trends-of.js';

const description =
  'Weeks run Monday to Sunday (UTC); `customers` counts distinct buyers in the week. Cohorts: customers by the month of their first purchase on record (last 12 months), and the share who bought in each of the six calendar months after (null until that month is over). Aggregate roles: weeks with fewer than minGroupSize buyers, such cohorts, and cells counting 1 … minGroupSize − 1 people are null.';

const campaign = createRoute({
  method: 'get',
  path: '/api/campaigns/{id}/trends',
  tags: ['Campaigns'],
  summary:
    "The campaign audience's weekly purchases, customers and revenue, with its live periods, and cohorts",
  description: `From 13 weeks before the campaign starts to today (at most 104 weeks). ${description}`,
  request: { params: idParam },
  responses: {
    200: { description: 'The trends', content: json(trends) },
    404: { description: 'Unknown campaign', content: problemContent },
  },
});

const area = createRoute({
  method: 'get',
  path: '/api/areas/{id}/trends',
  tags: ['Areas'],
  summary:
    "The area's customers' weekly purchases, customers and revenue over the last year, and cohorts",
  description: `Live periods: days on which any campaign's offer was live in this area. ${description}`,
  request: { params: idParam },
  responses: {
    200: { description: 'The trends', content: json(trends) },
    404: { description: 'Unknown area', content: problemContent },
  },
});

export function trendRoutes(deps: AppDeps) {
  const context = (principal: ReturnType<typeof principalOf>) => ({
    db: deps.db,
    audience: deps.audience,
    purchases: deps.purchases,
    resolveAreaGeometry: deps.resolveAreaGeometry,
    principal,
    at: deps.clock(),
  });
  return createRouter()
    .openapi(campaign, async (c) => {
      const principal = principalOf(c);
      const record = getCampaign(deps.db, c.req.valid('param').id, principal);
      return c.json(await campaignTrends(context(principal), record), 200);
    })
    .openapi(area, async (c) => {
      const principal = principalOf(c);
      const record = getArea(deps.db, c.req.valid('param').id, principal);
      return c.json(await areaTrends(context(principal), record), 200);
    });
}
