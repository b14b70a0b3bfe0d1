// /api/choropleth: neighbourhoods or H3 hexagons coloured by a customer figure, with class breaks.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { segmentFromQuery } from '../http/segment-query.js';
import { choroplethAnswer, choroplethQuery } from '../domain/schemas/choropleth.js';
import { choropleth } from '../services/choropleth/choropleth.js';

const find = createRoute({
  method: 'get',
  path: '/api/choropleth',
  tags: ['Areas'],
  summary:
    'Regions coloured by penetration, customers, revenue, average spend or the segment’s share',
  description:
    "Customers are counted where they live (a store manager's, their stores' only). Regions with fewer customers than the minimum group size are `small` (drawn hatched); " +
    'aggregate-only roles get no value for them, and the breaks are computed without them.',
  request: { query: choroplethQuery },
  responses: {
    200: {
      description: 'The regions with values, classes and breaks',
      content: json(choroplethAnswer),
    },
    400: { description: 'A bad query value (named)', content: problemContent },
  },
});

export function choroplethRoutes({ db, customerIndex, clock, hexagons }: AppDeps) {
  return createRouter().openapi(find, async (c) => {
    const { segment, ...query } = c.req.valid('query');
    // Which hexagon each customer lives in is worked out in the worker pool and kept; the tally below then finds it.
    if (query.level === 'h3') await hexagons(customerIndex, query.resolution);
    const narrowed = segmentFromQuery(segment);
    return c.json(
      choropleth(
        db,
        customerIndex,
        { ...query, ...(narrowed ? { segment: narrowed } : {}) },
        principalOf(c),
        clock(),
      ),
      200,
    );
  });
}
