// Workspace webhooks: the URL and signing secret (owners), a test ping, and the delivery log (owners and managers).
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { principalOf } from '../http/auth.js';
import { decodeCursor, encodeCursor } from '../domain/cursor.js';
import { ProblemError } from '../http/problem.js';
import { createRouter, problemContent } from '../http/router.js';
import { json } from '../http/route-helpers.js';
import { readWebhookSettings } from '../db/repos/webhook-settings.js';
import { listDeliveries } from '../db/repos/webhook-outbox.js';
import {
  deliveryPage,
  deliveryQuery,
  webhookPing,
  webhookSettings,
  webhookSettingsPatch,
} from '../domain/schemas/webhook.js';
import {
  enqueuePing,
  rotateWebhookSecret,
  updateWebhookSettings,
} from '../services/webhooks/settings.js';
import { outboundAddressPolicy } from '../services/webhooks/outbound-address.js';

const tags = ['Webhooks'];

const deliveryContract = `Each activation's start and end is POSTed as JSON to the workspace's URL:
\`{"type": "activation.started" | "activation.ended", "id": "<idempotency key>", "occurredAt": "<ISO>", "campaign": {"id", "name"}, "area": {"id", "name"}, "offer": {"headline", "code"}, "reasons": [...]}\`
(a test sends \`{"type": "ping", "id", "occurredAt"}\`). Headers: \`Content-Type: application/json\`, \`User-Agent: Catchment-Webhooks/1\`,
\`Idempotency-Key\` (the same as \`id\`; drop a repeat) and \`Catchment-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>\`.
Verify the HMAC over the raw body in constant time and reject a \`t\` more than 5 minutes old (a replayed delivery).
Any 2xx answer (within 10 s) counts as delivered; anything else is retried after 30 s, doubling up to an hour, 8 attempts in all.
Deliveries are queued even while no URL is set and go out once one is. The URL must point at a public address
(checked when saved and at every delivery, like calendar feeds) unless the server sets \`CATCHMENT_ALLOW_PRIVATE_URLS=1\`.`;

const read = createRoute({
  method: 'get',
  path: '/api/settings/webhook',
  tags,
  summary: 'The webhook URL and signing secret (owner only)',
  description: deliveryContract,
  responses: { 200: { description: 'The settings', content: json(webhookSettings) } },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/settings/webhook',
  tags,
  summary: 'Set the webhook URL, or null to turn webhooks off (owner only)',
  description: deliveryContract,
  request: { body: { required: true, content: json(webhookSettingsPatch) } },
  responses: {
    200: { description: 'The settings now', content: json(webhookSettings) },
    422: {
      description: 'Invalid fields, or a URL whose host is not a public address',
      content: problemContent,
    },
  },
});
const rotate = createRoute({
  method: 'post',
  path: '/api/settings/webhook/rotate-secret',
  tags,
  summary: 'Replace the signing secret; deliveries from now on are signed with the new one',
  responses: {
    200: { description: 'The settings with the new secret', content: json(webhookSettings) },
  },
});
const test = createRoute({
  method: 'post',
  path: '/api/settings/webhook/test',
  tags,
  summary: 'Queue a `ping` delivery to the webhook URL',
  responses: {
    202: { description: 'Queued; see the delivery log', content: json(webhookPing) },
    409: { description: 'No webhook URL is set', content: problemContent },
  },
});
const deliveries = createRoute({
  method: 'get',
  path: '/api/webhooks/deliveries',
  tags,
  summary:
    'The delivery log, newest first: each delivery with its status, attempts and last attempt',
  request: { query: deliveryQuery },
  responses: {
    200: { description: 'A page of deliveries', content: json(deliveryPage) },
    400: { description: 'Invalid query', content: problemContent },
  },
});

export function webhookRoutes({ db, config, clock, webhooks }: AppDeps) {
  const policy = outboundAddressPolicy({ allowPrivate: config.allowPrivateUrls });
  return createRouter()
    .openapi(read, (c) => c.json(readWebhookSettings(db), 200))
    .openapi(patch, async (c) => {
      const settings = await updateWebhookSettings(
        db,
        c.req.valid('json'),
        principalOf(c),
        clock(),
        policy,
      );
      // Deliveries that waited while webhooks were off go out now.
      if (settings.url) webhooks.kick();
      return c.json(settings, 200);
    })
    .openapi(rotate, (c) => c.json(rotateWebhookSecret(db, principalOf(c), clock()), 200))
    .openapi(test, (c) => {
      const queued = enqueuePing(db, principalOf(c), clock());
      webhooks.kick();
      return c.json(queued, 202);
    })
    .openapi(deliveries, (c) => {
      const q = c.req.valid('query');
      const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
      if (cursor && !cursor.ok)
        throw new ProblemError(400, 'The cursor is not valid', [
          { field: 'query.cursor', code: 'invalid_cursor', message: cursor.reason },
        ]);
      const rows = listDeliveries(db, {
        beforeId: cursor ? cursor.lastSeq : null,
        limit: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      return c.json(
        {
          deliveries: page,
          nextCursor: rows.length > q.limit ? encodeCursor(page.at(-1)!.id) : null,
        },
        200,
      );
    });
}
