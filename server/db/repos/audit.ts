// The audit log: who changed what and when. Write it in the same transaction as the change. Never personal data.
import type { Db } from '../connection.js';
import { statement } from '../statements.js';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  /** The user's email or the API token's name at the time. */
  actor: string;
  /** `area.create`, `user.update`, `customer.erase`, … */
  action: string;
  targetType: string;
  targetId: string | null;
  detail: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export function recordAudit(db: Db, entry: NewAuditEntry): void {
  statement(
    db,
    'INSERT INTO audit_log (at, actor_id, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    entry.at,
    entry.actorId,
    entry.actor,
    entry.action,
    entry.targetType,
    entry.targetId,
    JSON.stringify(entry.detail),
  );
}

export interface AuditQuery {
  /** Entries older than this id (keyset paging, newest first). */
  beforeId: number | null;
  limit: number;
  action: string | null;
  targetType: string | null;
}

export function listAudit(db: Db, q: AuditQuery): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT id, at, actor_id AS actorId, actor, action, target_type AS targetType, target_id AS targetId, detail FROM audit_log
       WHERE (@beforeId IS NULL OR id < @beforeId) AND (@action IS NULL OR action = @action) AND (@targetType IS NULL OR target_type = @targetType)
       ORDER BY id DESC LIMIT @limit`,
    )
    // Named parameters: better-sqlite3 counts numbered ones (?1) as separate values.
    .all({
      beforeId: q.beforeId,
      action: q.action,
      targetType: q.targetType,
      limit: q.limit,
    }) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
