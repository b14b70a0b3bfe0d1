// The leader trims the customer change log (customer-follow.ts): a change is deleted once it has been logged for
// KEEP_CHANGES_MS, by which time every live process has read it (they read at least every FOLLOW_POLL_MS). The log
// has no time column, so the pruner notes the last change number every PRUNE_EVERY_MS and deletes up to the newest
// note that is old enough: a new leader starts with no notes and prunes one KEEP_CHANGES_MS later.
import type { Db } from '../../db/connection.js';
import { lastCustomerChange, pruneCustomerChanges } from '../../db/repos/customer-changes.js';
import type { Logger } from '../../logger.js';

export const KEEP_CHANGES_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 60_000;

export function pruneChangeLog(
  db: Db,
  logger: Logger,
  now: () => number = Date.now,
  keepMs = KEEP_CHANGES_MS,
): () => void {
  const notes: { at: number; n: number }[] = [];
  const run = () => {
    try {
      const t = now();
      notes.push({ at: t, n: lastCustomerChange(db) });
      let through: number | null = null;
      while (notes.length > 0 && t - notes[0]!.at >= keepMs) through = notes.shift()!.n;
      if (through !== null && through > 0) pruneCustomerChanges(db, through);
    } catch (error) {
      logger.error('pruning the customer change log failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  run();
  const timer = setInterval(run, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
