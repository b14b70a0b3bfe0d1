// The webhook outbox (what waits to be sent) and its delivery log (one row per attempt).
import type { Db } from '../connection.js';
import type { DeliveryStatus, WebhookDelivery } from '../../domain/schemas/webhook.js';

export interface OutboxRow {
  id: number;
  idempotencyKey: string;
  kind: string;
  /** The JSON body exactly as it is sent, on every attempt. */
  payload: string;
  attempts: number;
  nextAttemptAt: string;
}

/** Inserts unless the key is there already; true when inserted. */
export function insertOutbox(
  db: Db,
  row: { idempotencyKey: string; kind: string; payload: string; at: string },
): boolean {
  const result = db
    .prepare(
      'INSERT OR IGNORE INTO webhook_outbox (idempotency_key, kind, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(row.idempotencyKey, row.kind, row.payload, row.at, row.at);
  return result.changes === 1;
}

/** Rows due at `now`, oldest due first. */
export function dueOutbox(db: Db, now: string, limit: number): OutboxRow[] {
  return db
    .prepare(
      `SELECT id, idempotency_key AS idempotencyKey, kind, payload, attempts, next_attempt_at AS nextAttemptAt
         FROM webhook_outbox WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
        ORDER BY next_attempt_at, id LIMIT ?`,
    )
    .all(now, limit) as OutboxRow[];
}

/**
 * Takes a row for one attempt by pushing its next attempt to `leaseUntil`, only if nobody else moved it since it was
 * read: a second worker (or an overlapping tick) reading the same row then claims nothing. A crash mid-send leaves the
 * row due again when the lease ends.
 */
export function claimOutbox(db: Db, row: OutboxRow, leaseUntil: string): boolean {
  return (
    db
      .prepare(
        'UPDATE webhook_outbox SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ? AND delivered_at IS NULL AND failed_at IS NULL',
      )
      .run(leaseUntil, row.id, row.nextAttemptAt).changes === 1
  );
}

export interface AttemptResult {
  outboxId: number;
  attemptedAt: string;
  status: number | null;
  error: string | null;
  durationMs: number;
  /** Exactly one of these says what happens next. */
  outcome: { delivered: string } | { retryAt: string } | { failed: string };
}

/** Logs one attempt and moves the row on, in one transaction. */
export function recordAttempt(db: Db, r: AttemptResult): void {
  db.transaction(() => {
    db.prepare(
      'INSERT INTO webhook_deliveries (outbox_id, attempted_at, status, error, duration_ms) VALUES (?, ?, ?, ?, ?)',
    ).run(r.outboxId, r.attemptedAt, r.status, r.error, r.durationMs);
    if ('delivered' in r.outcome)
      db.prepare(
        'UPDATE webhook_outbox SET attempts = attempts + 1, delivered_at = ? WHERE id = ?',
      ).run(r.outcome.delivered, r.outboxId);
    else if ('failed' in r.outcome)
      db.prepare(
        'UPDATE webhook_outbox SET attempts = attempts + 1, failed_at = ? WHERE id = ?',
      ).run(r.outcome.failed, r.outboxId);
    else
      db.prepare(
        'UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?',
      ).run(r.outcome.retryAt, r.outboxId);
  })();
}

interface LogRow {
  id: number;
  kind: string;
  idempotencyKey: string;
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  failedAt: string | null;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
}

function statusOf(row: LogRow): DeliveryStatus {
  if (row.deliveredAt) return 'delivered';
  if (row.failedAt) return 'failed';
  return row.attempts > 0 ? 'retrying' : 'pending';
}

/** The delivery log, newest first, with each row's last attempt; keyset-paged by id. */
export function listDeliveries(
  db: Db,
  q: { beforeId: number | null; limit: number },
): WebhookDelivery[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.kind, o.idempotency_key AS idempotencyKey, o.attempts, o.created_at AS createdAt, o.delivered_at AS deliveredAt,
              o.failed_at AS failedAt, o.next_attempt_at AS nextAttemptAt,
              d.attempted_at AS lastAttemptAt, d.status AS lastStatus, d.error AS lastError, d.duration_ms AS lastDurationMs
         FROM webhook_outbox o
         LEFT JOIN webhook_deliveries d ON d.id = (SELECT max(id) FROM webhook_deliveries WHERE outbox_id = o.id)
        WHERE (? IS NULL OR o.id < ?)
        ORDER BY o.id DESC LIMIT ?`,
    )
    .all(q.beforeId, q.beforeId, q.limit) as LogRow[];
  return rows.map((row) => {
    const status = statusOf(row);
    return {
      ...row,
      status,
      nextAttemptAt: status === 'delivered' || status === 'failed' ? null : row.nextAttemptAt,
    };
  });
}
