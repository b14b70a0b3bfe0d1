// GET and PATCH /api/settings: the workspace's privacy settings (minimum group size, retention).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter, problemContent } from '../http/router.js';
import { principalOf } from '../http/auth.js';
import { readPrivacySettings, writePrivacySettings } from '../db/repos/settings.js';
import { recordAudit } from '../db/repos/audit.js';
import { privacySettings, privacySettingsPatch } from '../domain/schemas/settings.js';
import { auditActor } from '../services/accounts/audit-actor.js';

const json = { 'application/json': { schema: privacySettings } };

const read = createRoute({
  method: 'get',
  path: '/api/settings',
  tags: ['System'],
  summary: 'Privacy settings: minimum group size and customer retention',
  responses: { 200: { description: 'The settings', content: json } },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/settings',
  tags: ['System'],
  summary: 'Change the minimum group size or the retention period (owner only)',
  request: {
    body: { required: true, content: { 'application/json': { schema: privacySettingsPatch } } },
  },
  responses: {
    200: { description: 'The settings now', content: json },
    422: { description: 'Invalid fields', content: problemContent },
  },
});

export function settingsRoutes({ db, clock }: AppDeps) {
  return createRouter()
    .openapi(read, (c) => c.json(readPrivacySettings(db), 200))
    .openapi(patch, (c) => {
      const body = c.req.valid('json');
      const principal = principalOf(c);
      db.transaction(() => {
        writePrivacySettings(db, body);
        recordAudit(db, {
          at: clock().toISOString(),
          ...auditActor(principal),
          action: 'settings.update',
          targetType: 'settings',
          targetId: null,
          detail: { fields: Object.keys(body), ...body },
        });
      })();
      return c.json(readPrivacySettings(db), 200);
    });
}
