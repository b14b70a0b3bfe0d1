// /api/import/unplaced: imported customers and stores that came with an address but no coordinates ("needs a
// place"): list them, place one on the map (it moves into its table and shows on the map and in audiences) or
// discard it. Only roles that may import (and so see every customer) reach these rows.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import { ProblemError } from '../http/problem.js';
import {
  placeUnplacedBody,
  placedResult,
  unplacedList,
  unplacedParams,
  unplacedQuery,
} from '../domain/schemas/unplaced.js';

const tags = ['Imports'];

const list = createRoute({
  method: 'get',
  path: '/api/import/unplaced',
  tags,
  summary: 'Imported rows with an address but no place yet, in the order they came',
  description:
    'state: queued (the geocoder will look the address up), not_found, failed (it could not), manual (no geocoder is configured).',
  request: { query: unplacedQuery },
  responses: {
    200: { description: 'A page of rows', content: json(unplacedList) },
    400: { description: 'Bad page size or cursor', content: problemContent },
  },
});
const place = createRoute({
  method: 'post',
  path: '/api/import/unplaced/{kind}/{id}/place',
  tags,
  summary: 'Place a row: it becomes a customer or store at this point (upsert by id)',
  request: { params: unplacedParams, body: { required: true, content: json(placeUnplacedBody) } },
  responses: {
    200: { description: 'Placed', content: json(placedResult) },
    404: { description: 'No such row waits for a place', content: problemContent },
    422: { description: 'Not a valid Point', content: problemContent },
  },
});
const discard = createRoute({
  method: 'delete',
  path: '/api/import/unplaced/{kind}/{id}',
  tags,
  summary: 'Discard a row that waits for a place (nothing else changes)',
  request: { params: unplacedParams },
  responses: {
    204: { description: 'Discarded' },
    404: { description: 'No such row waits for a place', content: problemContent },
  },
});

export function unplacedRoutes({ unplaced }: AppDeps) {
  return createRouter()
    .openapi(list, (c) => {
      const query = c.req.valid('query');
      const cursor =
        query.cursor === undefined ? { ok: true as const, lastSeq: 0 } : decodeCursor(query.cursor);
      if (!cursor.ok)
        throw new ProblemError(400, cursor.reason, [
          { field: 'query.cursor', code: 'invalid_cursor', message: cursor.reason },
        ]);
      const { lastSeq, ...page } = unplaced.list({
        kind: query.kind,
        limit: query.limit,
        afterSeq: cursor.lastSeq,
      });
      return c.json(
        { ...page, ...(lastSeq === null ? {} : { nextCursor: encodeCursor(lastSeq) }) },
        200,
      );
    })
    .openapi(place, (c) => {
      const { kind, id } = c.req.valid('param');
      const [lng, lat] = c.req.valid('json').location.coordinates;
      return c.json(unplaced.place(kind, id, [lng!, lat!]), 200);
    })
    .openapi(discard, (c) => {
      const { kind, id } = c.req.valid('param');
      unplaced.discard(kind, id);
      return c.body(null, 204);
    });
}
