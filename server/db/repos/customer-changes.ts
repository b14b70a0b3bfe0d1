// The customer change log (migrations 017, 018): seqs of customer rows written or deleted, in commit order, for the other
// processes' in-memory indexes. Filled by triggers while a cluster runs (a single process has no one to tell); read
// by customer-follow.ts; pruned by the leader.
import type { Db } from '../connection.js';

/** The last change number handed out, pruned or not (AUTOINCREMENT keeps it in sqlite_sequence). */
export function lastCustomerChange(db: Db): number {
  return (
    (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'customer_changes'").pluck().get() as
      number | undefined) ?? 0
  );
}

/** The oldest change still logged, or null when none is: a reader that has not seen the one before it missed some. */
export function firstCustomerChange(db: Db): number | null {
  return db.prepare('SELECT min(n) FROM customer_changes').pluck().get() as number | null;
}

/** Up to `limit` changes after `after`, oldest first. */
export function customerChangesAfter(
  db: Db,
  after: number,
  limit: number,
): { n: number; seq: number }[] {
  return db
    .prepare('SELECT n, seq FROM customer_changes WHERE n > ? ORDER BY n LIMIT ?')
    .all(after, limit) as { n: number; seq: number }[];
}

/** Deletes changes up to and including `through`; returns how many. */
export function pruneCustomerChanges(db: Db, through: number): number {
  return db.prepare('DELETE FROM customer_changes WHERE n <= ?').run(through).changes;
}

/** Turns the log on (cluster mode: other processes follow it) or off (one process: nobody reads it). */
export function setCustomerChangeLog(db: Db, enabled: boolean): void {
  db.prepare('UPDATE customer_change_log SET enabled = ? WHERE id = 1').run(enabled ? 1 : 0);
}
