// Purchases from tills: POST /api/purchases takes one purchase or a batch, idempotent by the till's own id.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import {
  PURCHASE_BATCH_MAX,
  purchasePost,
  purchaseWriteResult,
} from '../domain/schemas/purchase.js';
import { recordPurchases } from '../services/purchases/record.js';

const create = createRoute({
  method: 'post',
  path: '/api/purchases',
  tags: ['Purchases'],
  summary: "Record purchases from a store's till, one or a batch",
  description: `One purchase, or \`{ "purchases": [...] }\` with at most ${PURCHASE_BATCH_MAX}. Idempotent by the till's own id: posting a known id with the same content changes nothing, with other content updates the purchase. Each customer's visits, spend, last purchase and behaviour (RFM, average basket, price sensitivity, categories, first purchase) follow in the same transaction. A bad row (an unknown store, an erased customer, a malformed field) answers 422 naming it (e.g. body.purchases.3.amount), and nothing of the request is written.`,
  request: { body: { required: true, content: json(purchasePost) } },
  responses: {
    200: {
      description: 'How many were new, changed and unchanged',
      content: json(purchaseWriteResult),
    },
    422: {
      description: 'A row names an unknown store or an erased customer, or is malformed',
      content: problemContent,
    },
  },
});

export function purchaseRoutes(deps: AppDeps) {
  const { db, customerIndex, customerTiles } = deps;
  return createRouter().openapi(create, (c) => {
    const body = c.req.valid('json');
    const batch = 'purchases' in body;
    const result = recordPurchases(
      { db, customerIndex, customerTiles },
      batch ? body.purchases : [body],
      batch ? (row) => `body.purchases.${row}` : () => 'body',
    );
    return c.json(result, 200);
  });
}
