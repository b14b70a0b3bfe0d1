// /api/white-space: the populous hexagons with few customers and no store near, most untapped first.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { whiteSpaceAnswer, whiteSpaceQuery } from '../domain/schemas/white-space.js';
import { findWhiteSpace } from '../services/audience/white-space.js';
import { segmentFromQuery } from '../http/segment-query.js';

const find = createRoute({
  method: 'get',
  path: '/api/white-space',
  tags: ['Areas'],
  summary:
    'White space: H3 hexagons with many residents, below-average penetration and no store within minStoreKm',
  description:
    "Residents per hexagon come from the neighbourhoods (their population spread over their area); customers are counted where they live (a store manager's, their stores' only). " +
    "With a segment, only its customers count (penetration, the city's too, is then the segment's). " +
    "`untapped` is what the hexagon would have at the city's penetration minus what it has; the list is sorted by it.",
  request: { query: whiteSpaceQuery },
  responses: {
    200: {
      description: 'The hexagons',
      content: { 'application/json': { schema: whiteSpaceAnswer } },
    },
    400: { description: 'A bad query value (named)', content: problemContent },
  },
});

export function whiteSpaceRoutes({ db, customerIndex, clock, hexagons }: AppDeps) {
  return createRouter().openapi(find, async (c) => {
    const { segment, ...query } = c.req.valid('query');
    const narrowed = segmentFromQuery(segment);
    // Customers' hexagons come from the pool (kept until the index changes), not an H3 look-up each on this thread.
    const codes = await hexagons(customerIndex, query.resolution);
    return c.json(
      findWhiteSpace(
        db,
        customerIndex,
        { ...query, ...(narrowed ? { segment: narrowed } : {}) },
        principalOf(c),
        clock(),
        codes,
      ),
      200,
    );
  });
}
