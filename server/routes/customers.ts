// GET /api/customers (bbox pages), GET /api/customers/:id and DELETE /api/customers/:id (erasure).
// Store managers see only customers of their stores; others' ids answer 404 so they do not leak.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { customerSeq, findCustomer } from '../db/repos/customers.js';
import { principalOf } from '../http/auth.js';
import { canSeeCustomer, visibleStoreIds } from '../domain/privacy.js';
import { eraseCustomerSeqs } from '../services/customers/erasure.js';
import { eraseUnplacedCustomer } from '../services/imports/unplaced.js';
import { auditActor } from '../services/accounts/audit-actor.js';
import { parseBbox } from '../domain/bbox.js';
import { customerFeature, customerPage, customerPageQuery } from '../domain/schemas/customer.js';
import { idParam } from '../domain/schemas/params.js';
import { decodeCursor } from '../domain/cursor.js';
import { customerPageText, customerToFeature } from '../services/customers/pages.js';
import { ProblemError } from '../http/problem.js';

const list = createRoute({
  method: 'get',
  path: '/api/customers',
  tags: ['Customers'],
  summary: 'Customers inside a bounding box, in pages',
  request: { query: customerPageQuery },
  responses: {
    200: {
      description: 'A page of customers; nextCursor when more remain',
      content: { 'application/json': { schema: customerPage } },
    },
    400: { description: 'Bad bbox, limit or cursor', content: problemContent },
  },
});
const one = createRoute({
  method: 'get',
  path: '/api/customers/{id}',
  tags: ['Customers'],
  summary: 'One customer',
  request: { params: idParam },
  responses: {
    200: {
      description: 'The customer',
      content: { 'application/json': { schema: customerFeature } },
    },
    404: { description: 'Unknown customer', content: problemContent },
  },
});

const erase = createRoute({
  method: 'delete',
  path: '/api/customers/{id}',
  tags: ['Customers'],
  summary:
    'Erase a customer: the row, their place in counts, tiles and exports (the audit log keeps no trace of who)',
  request: { params: idParam },
  responses: {
    204: { description: 'Erased' },
    404: { description: 'Unknown customer', content: problemContent },
  },
});

const unknownCustomer = (id: string) =>
  new ProblemError(404, `No customer with id ${id}`, [
    { field: 'params.id', code: 'not_found', message: 'unknown customer' },
  ]);

export function customerRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return createRouter()
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const bbox = query.bbox === undefined ? null : parseBbox(query.bbox);
      if (bbox && !bbox.ok)
        throw new ProblemError(400, bbox.reason, [
          { field: 'query.bbox', code: 'invalid_bbox', message: bbox.reason },
        ]);
      const cursor =
        query.cursor === undefined ? { ok: true as const, lastSeq: 0 } : decodeCursor(query.cursor);
      if (!cursor.ok)
        throw new ProblemError(400, cursor.reason, [
          { field: 'query.cursor', code: 'invalid_cursor', message: cursor.reason },
        ]);
      const text = await customerPageText(
        { db, pool: deps.pool ?? null, index: deps.customerIndex, at: clock() },
        {
          bbox: bbox?.bbox ?? null,
          afterSeq: cursor.lastSeq,
          limit: query.limit,
          storeIds: visibleStoreIds(principalOf(c)),
        },
      );
      // The text is what c.json would send (JSON.stringify of the same body), built off this thread when the pool
      // can; typed as c.json's answer, which it is byte for byte.
      return c.body(text, 200, { 'Content-Type': 'application/json' }) as never;
    })
    .openapi(one, (c) => {
      const { id } = c.req.valid('param');
      const customer = findCustomer(db, id);
      if (!customer || !canSeeCustomer(principalOf(c), customer.homeStoreId))
        throw unknownCustomer(id);
      return c.json(customerToFeature(customer), 200);
    })
    .openapi(erase, (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      const customer = findCustomer(db, id);
      const seq = customerSeq(db, id);
      // A customer imported with an address only, still waiting for a place, is erased there.
      if (!customer && principal?.customerAccess === 'all') {
        if (eraseUnplacedCustomer(db, id, { at: clock(), ...auditActor(principal) }))
          return c.body(null, 204);
      }
      if (!customer || seq === undefined || !canSeeCustomer(principal, customer.homeStoreId))
        throw unknownCustomer(id);
      eraseCustomerSeqs(deps, [seq], {
        at: clock(),
        ...auditActor(principal),
        action: 'customer.erase',
      });
      return c.body(null, 204);
    });
}
