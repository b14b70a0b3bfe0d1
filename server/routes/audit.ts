// /api/audit: owners read who changed what and when, newest first, a page at a time.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { listAudit } from '../db/repos/audit.js';
import { auditPage, auditQuery } from '../domain/schemas/audit.js';

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['Audit log'],
  summary:
    'Audit entries, newest first; filter by action or target type, page with before=nextBefore',
  request: { query: auditQuery },
  responses: {
    200: {
      description: 'A page of entries',
      content: { 'application/json': { schema: auditPage } },
    },
    400: { description: 'Invalid query', content: problemContent },
  },
});

export function auditRoutes({ db }: AppDeps) {
  return createRouter().openapi(list, (c) => {
    const q = c.req.valid('query');
    // One more than asked tells whether an older page exists without a count.
    const rows = listAudit(db, {
      beforeId: q.before ?? null,
      limit: q.limit + 1,
      action: q.action ?? null,
      targetType: q.targetType ?? null,
    });
    const entries = rows.slice(0, q.limit);
    return c.json({ entries, nextBefore: rows.length > q.limit ? entries.at(-1)!.id : null }, 200);
  });
}
