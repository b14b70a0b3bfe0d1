// The audit log: who changed what and when. Write it in the same transaction as the change. Never personal data.
import type { Db } from '../connection.js';

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
  db.prepare('INSERT INTO audit_log (at, actor_id, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
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
       WHERE (?1 IS NULL OR id < ?1) AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR target_type = ?3)
       ORDER BY id DESC LIMIT ?4`,
    )
    .all(q.beforeId, q.action, q.targetType, q.limit) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
