// /api/isochrones: a travel-time area previewed before it is saved (POST /api/areas, kind `isochrone`).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { json } from '../http/route-helpers.js';
import { createRouter, problemContent } from '../http/router.js';
import { isochronePreview, isochroneRequest } from '../domain/schemas/isochrone.js';
import { customerCounter } from '../services/areas/areas.js';
import { areaKm2 } from '../domain/geometry/measure.js';

const preview = createRoute({
  method: 'post',
  path: '/api/isochrones',
  tags: ['Areas'],
  summary:
    'Preview a walk, bike or drive travel-time area (5–30 minutes) from a point, store or event',
  description:
    'The polygon comes from CATCHMENT_ROUTING: the in-process router on the demo street network (offline, the default), or a Valhalla or openrouteservice server. ' +
    'Save it with POST /api/areas, kind `isochrone` and `params.isochrone` = { mode, minutes, origin }.',
  request: { body: { required: true, content: json(isochroneRequest) } },
  responses: {
    200: { description: 'The travel-time area', content: json(isochronePreview) },
    422: {
      description: 'A bad field (named), or no street near the origin',
      content: problemContent,
    },
    502: { description: 'The routing engine answered something unusable', content: problemContent },
    503: {
      description: 'The routing engine is down, or there is no street network to route on',
      content: problemContent,
    },
    504: { description: 'The routing engine did not answer in time', content: problemContent },
  },
});

export function isochroneRoutes(deps: AppDeps) {
  return createRouter().openapi(preview, async (c) => {
    const result = await deps.isochrones.preview(c.req.valid('json'));
    const customers = await customerCounter(deps, principalOf(c))(result.geometry);
    const { origin, ...spec } = result.spec;
    return c.json(
      {
        type: 'Feature' as const,
        geometry: result.geometry,
        properties: {
          ...spec,
          origin,
          engine: result.engine,
          ...(result.storeId ? { storeId: result.storeId } : {}),
          ...(result.eventId ? { eventId: result.eventId } : {}),
          areaKm2: Math.round(areaKm2(result.geometry) * 1e6) / 1e6,
          ...(customers === undefined ? {} : { customers }),
          suggestedName: result.suggestedName,
        },
      },
      200,
    );
  });
}
