// Changing the workspace's webhook settings, each change with its audit entry (never the secret itself). A URL whose
// host the delivery worker would refuse (loopback, the intranet…: outbound-address.ts) is refused when saved.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import {
  newWebhookSecret,
  readWebhookSettings,
  readWebhookUrl,
  writeWebhookSecret,
  writeWebhookUrl,
} from '../../db/repos/webhook-settings.js';
import type { WebhookSettings, WebhookSettingsPatch } from '../../domain/schemas/webhook.js';
import type { Principal } from '../../domain/permissions.js';
import { ServiceError } from '../errors.js';
import { auditActor } from '../accounts/audit-actor.js';
import { bareHost, hostRefusal, type AddressPolicy } from './outbound-address.js';
import { urlForLog } from './worker.js';
import { enqueueWebhook } from './enqueue.js';
import { pingPayload } from './payload.js';

/** Saves the URL (422 naming body.url when its host is refused by `policy`), or turns webhooks off with null. */
export async function updateWebhookSettings(
  db: Db,
  patch: WebhookSettingsPatch,
  principal: Principal,
  at: Date,
  policy: AddressPolicy,
): Promise<WebhookSettings> {
  if (patch.url !== null) {
    const reason = await hostRefusal(bareHost(new URL(patch.url)), policy);
    if (reason) {
      const message = `${reason}; webhooks go to public addresses only (CATCHMENT_ALLOW_PRIVATE_URLS=1 allows the intranet)`;
      throw new ServiceError('invalid', `The webhook URL is refused: ${message}`, [
        { field: 'body.url', code: 'url_refused', message },
      ]);
    }
  }
  db.transaction(() => {
    writeWebhookUrl(db, patch.url);
    // The audit log names where deliveries go (the origin), not the full URL: hook URLs often carry a token.
    recordAudit(db, {
      at: at.toISOString(),
      ...auditActor(principal),
      action: 'webhook.update',
      targetType: 'settings',
      targetId: null,
      detail: { url: patch.url === null ? null : urlForLog(patch.url) },
    });
  })();
  return readWebhookSettings(db);
}

export function rotateWebhookSecret(db: Db, principal: Principal, at: Date): WebhookSettings {
  db.transaction(() => {
    writeWebhookSecret(db, newWebhookSecret());
    recordAudit(db, {
      at: at.toISOString(),
      ...auditActor(principal),
      action: 'webhook.rotate-secret',
      targetType: 'settings',
      targetId: null,
      detail: {},
    });
  })();
  return readWebhookSettings(db);
}

/** Queues a `ping` delivery; refuses (409, naming url) while no URL is set, since nothing would be sent. */
export function enqueuePing(db: Db, principal: Principal, at: Date): { idempotencyKey: string } {
  if (readWebhookUrl(db) === null)
    throw new ServiceError('conflict', 'Set a webhook URL before sending a test', [
      { field: 'url', code: 'url_missing', message: 'no webhook URL is set' },
    ]);
  const idempotencyKey = `ping-${randomUUID()}`;
  db.transaction(() => {
    enqueueWebhook(db, {
      kind: 'ping',
      payload: pingPayload(idempotencyKey, at),
      idempotencyKey,
      at,
    });
    recordAudit(db, {
      at: at.toISOString(),
      ...auditActor(principal),
      action: 'webhook.test',
      targetType: 'settings',
      targetId: null,
      detail: { idempotencyKey },
    });
  })();
  return { idempotencyKey };
}
