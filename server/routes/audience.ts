// /api/audience: who is inside an area (by segment), the facets for the segment builder, and the CSV export; the
// answers, filtered for the caller, come from services/audience/answers.ts.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthEnv } from '../http/auth.js';
import type { ZodError } from 'zod';
import type { AppDeps } from '../deps.js';
import {
  audience,
  audienceExportCsv,
  audienceExportQuery,
  audienceFacets,
  audienceRequest,
  type AudienceRequest,
} from '../domain/schemas/audience.js';
import { segmentFromQuery } from '../http/segment-query.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { fieldErrorsFromZod, problemBody, problemResponse } from '../http/problem.js';
import { audienceExport, audienceFor, facetsFor } from '../services/audience/answers.js';
import { principalOf } from '../http/auth.js';

const [byArea, byGeometry] = audienceRequest.options;

const count = createRoute({
  method: 'post',
  path: '/api/audience',
  tags: ['Audience'],
  summary:
    'Who is inside an area: counts, revenue and breakdowns, optionally narrowed by a segment',
  description: 'Points on an edge count as inside; holes are outside; MultiPolygons work.',
  request: { body: { required: true, content: json(audienceRequest) } },
  responses: {
    200: { description: 'The audience', content: json(audience) },
    404: { description: 'Unknown area', content: problemContent },
    422: { description: 'Invalid body', content: problemContent },
  },
});
const facetRoute = createRoute({
  method: 'get',
  path: '/api/audience/facets',
  tags: ['Audience'],
  summary:
    'Job titles, industries, interests and home stores among the customers, for building segments',
  responses: { 200: { description: 'Facets, most common first', content: json(audienceFacets) } },
});
const csvContent = { 'text/csv': { schema: audienceExportCsv } };
const exportPost = createRoute({
  method: 'post',
  path: '/api/audience/export',
  tags: ['Audience'],
  summary: "Download an area's audience as CSV (consented customers only, segment applied)",
  request: { body: { required: true, content: json(audienceRequest) } },
  responses: {
    200: { description: 'Streamed CSV', content: csvContent },
    404: { description: 'Unknown area', content: problemContent },
    422: {
      description:
        'Invalid body, or a geometry no saved area could have (it crosses itself, …): exports use the area rules',
      content: problemContent,
    },
  },
});
const exportGet = createRoute({
  method: 'get',
  path: '/api/audience/export',
  tags: ['Audience'],
  summary: "Download a saved area's audience as CSV, as a plain link",
  request: { query: audienceExportQuery },
  responses: {
    200: { description: 'Streamed CSV', content: csvContent },
    400: { description: 'Bad areaId or segment', content: problemContent },
    404: { description: 'Unknown area', content: problemContent },
  },
});

/** Union failures name no field; re-check against the branch the body meant (areaId or geometry) to name them. */
function bodyHook(result: { success: boolean; data?: unknown; error?: ZodError }, c: Context) {
  if (result.success) return;
  const body = result.data;
  if (
    body !== null &&
    typeof body === 'object' &&
    !Array.isArray(body) &&
    !('areaId' in body) &&
    !('geometry' in body)
  ) {
    const message = 'send either areaId (a saved area) or geometry (a Polygon or MultiPolygon)';
    return problemResponse(
      c,
      problemBody(422, "The request's body names no area", [
        { field: 'body.areaId', code: 'area_or_geometry', message },
        { field: 'body.geometry', code: 'area_or_geometry', message },
      ]),
    );
  }
  const branch =
    body !== null && typeof body === 'object' && 'areaId' in body && !('geometry' in body)
      ? byArea
      : byGeometry;
  const parsed = branch.safeParse(body);
  const errors = parsed.success
    ? fieldErrorsFromZod(result.error!, 'body')
    : fieldErrorsFromZod(parsed.error, 'body');
  return problemResponse(
    c,
    problemBody(
      422,
      "The request's body has invalid fields",
      errors.length
        ? errors
        : [
            {
              field: 'body',
              code: 'area_or_geometry',
              message: 'send {"areaId"} or {"geometry"}, and optionally "segment"',
            },
          ],
    ),
  );
}

export function audienceRoutes(deps: AppDeps) {
  const { clock } = deps;

  async function csvResponse(c: Context<AuthEnv>, request: AudienceRequest, field: string) {
    const { csv, fileName } = await audienceExport(deps, principalOf(c), request, field, clock());
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    });
  }

  return createRouter()
    .openapi(
      count,
      async (c) =>
        c.json(await audienceFor(deps, principalOf(c), c.req.valid('json'), clock()), 200),
      bodyHook as never, // a plain hook; its typed form would have to name every response of the route
    )
    .openapi(facetRoute, (c) => c.json(facetsFor(deps, principalOf(c)), 200))
    .openapi(
      exportPost,
      (c) => csvResponse(c, c.req.valid('json'), 'body.areaId'),
      bodyHook as never,
    )
    .openapi(exportGet, (c) => {
      const query = c.req.valid('query');
      const segment = segmentFromQuery(query.segment);
      return csvResponse(
        c,
        { areaId: query.areaId, ...(segment ? { segment } : {}) },
        'query.areaId',
      );
    });
}
