// /api/reports: a saved area's report as PDF, printed by the server's Chromium from the app's own report page as the
// person who asked (the page shows what they may see, nothing more).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { principalOf } from '../http/auth.js';
import { problemBody, problemResponse } from '../http/problem.js';
import { reportFileParam, reportPdf, reportQuery } from '../domain/schemas/report.js';
import { findVisibleArea } from '../services/areas/areas.js';
import { ReportRenderError } from '../services/reports/pdf.js';

const areaPdf = createRoute({
  method: 'get',
  path: '/api/reports/area/{file}',
  tags: ['Areas'],
  summary:
    "Download a saved area's report as PDF (map, figures, profile against the city, events, campaigns)",
  description:
    'Rendered by headless Chromium on the server, at most two at a time; 503 when Chromium is not installed or the page was not ready in time.',
  request: { params: reportFileParam, query: reportQuery },
  responses: {
    200: { description: 'The report', content: { 'application/pdf': { schema: reportPdf } } },
    400: { description: 'Bad file name, paper size or language', content: problemContent },
    403: { description: 'Not a signed-in user (API tokens cannot print)', content: problemContent },
    404: { description: 'Unknown area', content: problemContent },
    503: { description: 'Chromium missing, or the report timed out', content: problemContent },
  },
});

export function reportRoutes(deps: AppDeps) {
  return createRouter().openapi(areaPdf, async (c) => {
    const principal = principalOf(c);
    const { file } = c.req.valid('param');
    const { format, lang, seg } = c.req.valid('query');
    const areaId = file.slice(0, -'.pdf'.length);
    if (principal.kind !== 'user')
      return problemResponse(
        c,
        problemBody(403, 'Reports are printed as a signed-in user: sign in to download one'),
      );
    const area = findVisibleArea(deps.db, areaId, principal);
    if (!area)
      return problemResponse(
        c,
        problemBody(404, `no area ${areaId}`, [{ field: 'params.file', message: 'unknown area' }]),
      );
    const query = new URLSearchParams({ report: `area:${area.id}` });
    if (lang) query.set('lang', lang);
    if (seg) query.set('seg', seg);
    try {
      const pdf = await deps.reports.pdf({ userId: principal.id, query, format });
      const day = deps.clock().toISOString().slice(0, 10);
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="catchment-report-${area.id}-${day}.pdf"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      if (!(error instanceof ReportRenderError)) throw error;
      return problemResponse(
        c,
        problemBody(503, error.message, undefined, { reason: error.reason }),
        error.reason === 'timeout' ? { 'Retry-After': '30' } : {},
      );
    }
  });
}
