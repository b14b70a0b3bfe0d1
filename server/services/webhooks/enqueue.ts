// Putting a delivery into the outbox. Call it inside the transaction that records what happened (the activation), so
// the two commit together: no activation without its webhook, no webhook for a rolled-back activation.
//
// Deliveries are enqueued whether or not a URL is set; the worker sends only while one is. Rows wait while webhooks
// are off and go out once a URL is saved, so turning webhooks on late does not lose what happened meanwhile.
import type { Db } from '../../db/connection.js';
import { insertOutbox } from '../../db/repos/webhook-outbox.js';
import type { WebhookKind } from '../../domain/schemas/webhook.js';
import type { WebhookPayload } from './payload.js';

export interface EnqueueInput {
  kind: WebhookKind;
  payload: WebhookPayload;
  /** Sent as the Idempotency-Key header; a second enqueue with the same key is ignored (delivered once). */
  idempotencyKey: string;
  /** When it happened: the first attempt is due then. */
  at: Date;
}

/** Returns true when queued, false when that key was queued before. */
export function enqueueWebhook(db: Db, input: EnqueueInput): boolean {
  return insertOutbox(db, {
    idempotencyKey: input.idempotencyKey,
    kind: input.kind,
    payload: JSON.stringify(input.payload),
    at: input.at.toISOString(),
  });
}
