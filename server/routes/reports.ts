// /api/reports: a saved area's report, or a comparison's, as PDF, printed by the server's Chromium from the app's own
// report page as the person who asked (the page shows what they may see, nothing more).
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { principalOf } from '../http/auth.js';
import { problemBody, problemResponse } from '../http/problem.js';
import {
  reportCompareFileParam,
  reportFileParam,
  reportPdf,
  reportQuery,
  type ReportQuery,
} from '../domain/schemas/report.js';
import { findVisibleArea } from '../services/areas/areas.js';
import { ReportRenderError } from '../services/reports/pdf.js';

const responses = {
  200: { description: 'The report', content: { 'application/pdf': { schema: reportPdf } } },
  400: { description: 'Bad file name, paper size or language', content: problemContent },
  403: { description: 'Not a signed-in user (API tokens cannot print)', content: problemContent },
  404: { description: 'Unknown area', content: problemContent },
  503: { description: 'Chromium missing, or the report timed out', content: problemContent },
};
const description =
  'Rendered by headless Chromium on the server, at most two at a time; 503 when Chromium is not installed or the page was not ready in time.';

const areaPdf = createRoute({
  method: 'get',
  path: '/api/reports/area/{file}',
  tags: ['Areas'],
  summary:
    "Download a saved area's report as PDF (map, figures, profile against the city, events, campaigns)",
  description,
  request: { params: reportFileParam, query: reportQuery },
  responses,
});

const comparePdf = createRoute({
  method: 'get',
  path: '/api/reports/compare/{file}',
  tags: ['Areas'],
  summary:
    'Download a comparison report as PDF (the areas on one map, key figures side by side, then each area in turn)',
  description,
  request: { params: reportCompareFileParam, query: reportQuery },
  responses,
});

export function reportRoutes(deps: AppDeps) {
  /** Checks who asks and which areas they may see, then prints `report=<kind>:<ids>` with their language and segment. */
  async function print(c: Context, kind: 'area' | 'compare', ids: string[], query: ReportQuery) {
    const principal = principalOf(c);
    if (principal.kind !== 'user')
      return problemResponse(
        c,
        problemBody(403, 'Reports are printed as a signed-in user: sign in to download one'),
      );
    const areas = ids.map((id) => findVisibleArea(deps.db, id, principal));
    const unknown = ids.filter((_, i) => !areas[i]);
    if (unknown.length > 0)
      return problemResponse(
        c,
        // The detail does not echo the ids: whatever was asked for is not repeated back.
        problemBody(404, 'No such area', [
          { field: 'params.file', code: 'unknown_area', message: 'unknown area' },
        ]),
      );
    const shown = areas.map((a) => a!.id);
    const page = new URLSearchParams({ report: `${kind}:${shown.join(',')}` });
    if (query.lang) page.set('lang', query.lang);
    if (query.seg) page.set('seg', query.seg);
    try {
      const pdf = await deps.reports.pdf({
        userId: principal.id,
        query: page,
        format: query.format,
      });
      const day = deps.clock().toISOString().slice(0, 10);
      const name = kind === 'area' ? shown[0] : `compare-${shown.length}-areas`;
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="catchment-report-${name}-${day}.pdf"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      if (!(error instanceof ReportRenderError)) throw error;
      return problemResponse(
        c,
        problemBody(503, error.message, undefined, {
          reason: error.reason,
          code: 'report_unavailable',
        }),
        error.reason === 'timeout' ? { 'Retry-After': '30' } : {},
      );
    }
  }

  const withoutPdf = (file: string) => file.slice(0, -'.pdf'.length);
  return createRouter()
    .openapi(areaPdf, (c) =>
      print(c, 'area', [withoutPdf(c.req.valid('param').file)], c.req.valid('query')),
    )
    .openapi(comparePdf, (c) => {
      const ids = [...new Set(withoutPdf(c.req.valid('param').file).split(','))];
      if (ids.length < 2)
        return problemResponse(
          c,
          problemBody(400, 'A comparison needs two different areas', [
            { field: 'params.file', code: 'same_area', message: 'name two different areas' },
          ]),
        );
      return print(c, 'compare', ids, c.req.valid('query'));
    });
}
