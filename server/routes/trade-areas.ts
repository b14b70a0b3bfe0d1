// /api/stores/{id}/trade-areas: where a store's customers really come from, as a primary and a secondary area.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { json } from '../http/route-helpers.js';
import { createRouter, problemContent } from '../http/router.js';
import { idParam } from '../domain/schemas/params.js';
import { tradeAreaAnswer, tradeAreaQuery } from '../domain/schemas/trade-area.js';
import { storeTradeAreas } from '../services/trade-areas/trade-areas.js';

const tradeAreas = createRoute({
  method: 'get',
  path: '/api/stores/{id}/trade-areas',
  tags: ['Areas'],
  summary: "A store's primary and secondary trade areas from its home customers",
  description:
    "The store's home customers are counted per H3 cell; cells are ranked nearest the store first (rankBy=distance) or busiest first (rankBy=customers). " +
    'The primary area is the shortest run of that ranking holding `primary` % of them, the secondary one the cells after it up to `secondary` %. ' +
    'Each comes dissolved into one (Multi)Polygon; save it with POST /api/areas, kind `trade`.',
  request: { params: idParam, query: tradeAreaQuery },
  responses: {
    200: { description: 'The two trade areas', content: json(tradeAreaAnswer) },
    400: { description: 'A bad query value (named)', content: problemContent },
    404: { description: 'Unknown store, or not one of yours', content: problemContent },
  },
});

export function tradeAreaRoutes(deps: AppDeps) {
  return createRouter().openapi(tradeAreas, (c) =>
    c.json(
      storeTradeAreas(deps, c.req.valid('param').id, c.req.valid('query'), principalOf(c)),
      200,
    ),
  );
}
