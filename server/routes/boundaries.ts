// GET /api/boundaries: the predefined neighbourhoods.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { listBoundaries } from '../db/repos/boundaries.js';
import { boundaryCollection, type Boundary } from '../domain/schemas/boundary.js';

const route = createRoute({
  method: 'get',
  path: '/api/boundaries',
  tags: ['Map'],
  summary: 'Neighbourhood boundaries with name and population',
  responses: {
    200: {
      description: 'A FeatureCollection of Polygon/MultiPolygon features',
      content: { 'application/json': { schema: boundaryCollection } },
    },
  },
});

export function boundaryToFeature({ geometry, ...properties }: Boundary) {
  return { type: 'Feature' as const, id: properties.id, geometry, properties };
}

export function boundaryRoutes({ db }: AppDeps) {
  return createRouter().openapi(route, (c) =>
    c.json(
      { type: 'FeatureCollection' as const, features: listBoundaries(db).map(boundaryToFeature) },
      200,
    ),
  );
}
