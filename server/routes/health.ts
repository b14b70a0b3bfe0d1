// GET /api/health: answers ok once the database is open and migrated.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { createRouter } from '../http/router.js';
import { health } from '../domain/schemas/health.js';

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['System'],
  summary: 'Liveness and readiness',
  responses: {
    200: {
      description: 'The server is up and its database migrated',
      content: { 'application/json': { schema: health } },
    },
  },
});

export function healthRoutes({ db, customerIndex, purchases }: AppDeps) {
  return createRouter().openapi(route, (c) => {
    const schemaVersion = db
      .prepare('SELECT max(version) FROM schema_migrations')
      .pluck()
      .get() as number;
    return c.json(
      {
        status: 'ok' as const,
        database: 'ok' as const,
        schemaVersion,
        // The index's count is kept as customers change; the tiles' would rebuild their whole index here after a write.
        customers: customerIndex.size,
        purchaseHistory: purchases.progress(),
      },
      200,
    );
  });
}
