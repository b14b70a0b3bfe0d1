// /api/audience: who is inside an area (by segment), the facets for the segment builder, and the CSV export.
import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthEnv } from '../http/auth.js';
import type { ZodError } from 'zod';
import type { AppDeps } from '../deps.js';
import { checkRings } from '../domain/geometry/ring-checks.js';
import { validateAreaGeometry } from '../domain/geometry/validate-area.js';
import { audience, audienceExportCsv, audienceExportQuery, audienceFacets, audienceRequest, type AudienceRequest } from '../domain/schemas/audience.js';
import type { AreaGeometry } from '../domain/schemas/geojson.js';
import { segmentFromQuery } from '../http/segment-query.js';
import { createRouter, problemContent } from '../http/router.js';
import { fieldErrorsFromZod, ProblemError, problemBody, problemResponse } from '../http/problem.js';
import { audienceCsv } from '../services/audience/export.js';
import { principalOf } from '../http/auth.js';
import type { Principal } from '../domain/permissions.js';
import { findArea } from '../db/repos/areas.js';
import { canSeeArea, hidesSmallGroups, scopeSegment, suppressSmallFacets, suppressSmallGroups, visibleStoreIds } from '../domain/privacy.js';
import { readPrivacySettings } from '../db/repos/settings.js';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const [byArea, byGeometry] = audienceRequest.options;

const count = createRoute({
  method: 'post',
  path: '/api/audience',
  tags: ['Audience'],
  summary: 'Who is inside an area: counts, revenue and breakdowns, optionally narrowed by a segment',
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
  summary: 'Job titles, industries, interests and home stores among the customers, for building segments',
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
    422: { description: 'Invalid body, or a geometry no saved area could have (it crosses itself, …): exports use the area rules', content: problemContent },
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
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && !('areaId' in body) && !('geometry' in body)) {
    const message = 'send either areaId (a saved area) or geometry (a Polygon or MultiPolygon)';
    return problemResponse(c, problemBody(422, "The request's body names no area", [{ field: 'body.areaId', message }, { field: 'body.geometry', message }]));
  }
  const branch = body !== null && typeof body === 'object' && 'areaId' in body && !('geometry' in body) ? byArea : byGeometry;
  const parsed = branch.safeParse(body);
  const errors = parsed.success ? fieldErrorsFromZod(result.error!, 'body') : fieldErrorsFromZod(parsed.error, 'body');
  return problemResponse(c, problemBody(422, "The request's body has invalid fields", errors.length ? errors : [{ field: 'body', message: 'send {"areaId"} or {"geometry"}, and optionally "segment"' }]));
}

export function audienceRoutes(deps: AppDeps) {
  const { audience: service, customerIndex, db, clock } = deps;
  const mayUseArea = (id: string, principal: Principal) => {
    const area = findArea(db, id);
    return area !== undefined && canSeeArea(principal, area);
  };

  /**
   * The counted area. A shape being drawn is counted even while it crosses itself (`checkRings` only); an export takes
   * the rules of a saved area (`validateAreaGeometry`), so no CSV comes from a shape that could not be saved.
   */
  function geometryOf(request: AudienceRequest, field: string, principal: Principal, rules: 'drawing' | 'area' = 'drawing'): AreaGeometry {
    if ('geometry' in request && rules === 'area') {
      const result = validateAreaGeometry(request.geometry);
      if (!result.ok) {
        throw new ProblemError(422, `The geometry is not a usable area: ${result.message}`, [{ field: `body.${result.path}`, message: result.message }], { reason: result.reason, ...(result.at ? { at: result.at } : {}) });
      }
    }
    if ('geometry' in request) {
      const rings = checkRings(request.geometry);
      if (!rings.ok) throw new ProblemError(422, `The geometry is invalid: ${rings.reason}`, [{ field: ['body', 'geometry', ...rings.path].join('.'), message: rings.reason }]);
      return request.geometry;
    }
    // An area the caller may not see is answered as if it did not exist.
    const hidden = principal.customerAccess === 'own-stores' && !mayUseArea(request.areaId, principal);
    const geometry = hidden ? null : (deps.resolveAreaGeometry?.(request.areaId) ?? null);
    if (!geometry) throw new ProblemError(404, `no area ${request.areaId}`, [{ field, message: 'unknown area' }]);
    return geometry;
  }

  async function csvResponse(c: Context<AuthEnv>, request: AudienceRequest, field: string) {
    const principal = principalOf(c);
    const geometry = geometryOf(request, field, principal, 'area');
    const at = clock();
    const segment = scopeSegment(request.segment, principal);
    const seqs = await service.consentedSeqs({ geometry, segment, at });
    const name = 'areaId' in request ? request.areaId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) : 'area';
    return c.body(audienceCsv(db, seqs, { geometry, segment, at }), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audience-${name}-${at.toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    });
  }

  return createRouter()
    .openapi(
      count,
      async (c) => {
        const request = c.req.valid('json');
        const principal = principalOf(c);
        const answer = await service.audience({ geometry: geometryOf(request, 'body.areaId', principal), segment: scopeSegment(request.segment, principal), at: clock() });
        return c.json(hidesSmallGroups(principal) ? suppressSmallGroups(answer, readPrivacySettings(db).minGroupSize) : answer, 200);
      },
      bodyHook as never, // a plain hook; its typed form would have to name every response of the route
    )
    .openapi(facetRoute, (c) => {
      const principal = principalOf(c);
      const facets = customerIndex.facets(visibleStoreIds(principal));
      return c.json(hidesSmallGroups(principal) ? suppressSmallFacets(facets, readPrivacySettings(db).minGroupSize) : facets, 200);
    })
    .openapi(exportPost, (c) => csvResponse(c, c.req.valid('json'), 'body.areaId'), bodyHook as never)
    .openapi(exportGet, (c) => {
      const query = c.req.valid('query');
      const segment = segmentFromQuery(query.segment);
      return csvResponse(c, { areaId: query.areaId, ...(segment ? { segment } : {}) }, 'query.areaId');
    });
}
