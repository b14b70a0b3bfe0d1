// The leader lease row (migration 014): taken, renewed and released in one statement each, so two processes can never
// both believe they hold it — SQLite serialises the writes and each sees the other's commit.
import type { Db } from '../connection.js';

/**
 * Takes the lease for `holder` until `expiresAt` when it is free, expired or already ours; true when we hold it.
 * @example claimLease(db, 'w-1', now, now + 15_000) // true for the first caller, false for a second one
 */
export function claimLease(db: Db, holder: string, nowMs: number, expiresAtMs: number): boolean {
  const changed = db
    .prepare(
      `INSERT INTO leader_lease (id, holder, expires_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leader_lease.holder = excluded.holder OR leader_lease.expires_at <= ?`,
    )
    .run(holder, expiresAtMs, nowMs).changes;
  return changed === 1;
}

/** Gives the lease up at once (a clean shutdown), so another process need not wait for it to expire. */
export function releaseLease(db: Db, holder: string): void {
  db.prepare('DELETE FROM leader_lease WHERE id = 1 AND holder = ?').run(holder);
}

export function currentLease(db: Db): { holder: string; expiresAt: number } | null {
  const row = db.prepare('SELECT holder, expires_at FROM leader_lease WHERE id = 1').get() as
    { holder: string; expires_at: number } | undefined;
  return row ? { holder: row.holder, expiresAt: row.expires_at } : null;
}
