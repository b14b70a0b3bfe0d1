// /api/workspace/demo: what of the demo city the workspace still holds, and removing it (owners, in workspace settings).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { principalOf } from '../http/auth.js';
import { demoData } from '../domain/schemas/demo.js';
import { auditActor } from '../services/accounts/audit-actor.js';
import { describeDemo, removeDemo } from '../services/workspace/demo.js';

const describe = createRoute({
  method: 'get',
  path: '/api/workspace/demo',
  tags: ['System'],
  summary: 'How many demo stores, customers, neighbourhoods and events the workspace holds',
  responses: { 200: { description: 'The demo rows, counted', content: json(demoData) } },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/workspace/demo',
  tags: ['System'],
  summary:
    'Remove the demo city: its stores, customers, neighbourhoods, events and basemap, in one transaction (audited)',
  description:
    "Rows a person added or imported stay, and so do areas and campaigns (the demo seeds none). The map's view stays; a later start does not seed the demo again.",
  responses: { 200: { description: 'What was removed', content: json(demoData) } },
});

export function demoRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(describe, (c) => c.json(describeDemo(deps.db), 200))
    .openapi(remove, (c) =>
      c.json(removeDemo(deps, { at: deps.clock(), ...auditActor(principalOf(c)) }), 200),
    );
}
