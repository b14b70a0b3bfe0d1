// Sign-in sessions, stored by the hash of their id. Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import { statement } from '../statements.js';

export interface SessionRecord {
  idHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export function insertSession(db: Db, s: SessionRecord): void {
  db.prepare(
    'INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(s.idHash, s.userId, s.createdAt, s.lastSeenAt, s.expiresAt);
}

export function findSession(db: Db, idHash: string): SessionRecord | null {
  const row = statement(
    db,
    'SELECT id_hash AS idHash, user_id AS userId, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE id_hash = ?',
  ).get(idHash);
  return (row as SessionRecord | undefined) ?? null;
}

export function touchSession(db: Db, idHash: string, at: string): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(at, idHash);
}

export function deleteSession(db: Db, idHash: string): void {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
}

/** Signs a user out everywhere, except (optionally) the session they are using. */
export function deleteUserSessions(
  db: Db,
  userId: string,
  exceptIdHash: string | null = null,
): void {
  db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?').run(
    userId,
    exceptIdHash,
  );
}

export function deleteExpiredSessions(db: Db, now: string, idleBefore: string): number {
  return db
    .prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?')
    .run(now, idleBefore).changes;
}
