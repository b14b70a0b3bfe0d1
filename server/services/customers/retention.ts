// Retention: when the workspace keeps customers for N months, customers whose last purchase (or, without one, last
// update) is older than that are erased, the same way as an erasure request, with one audit entry for the batch. The
// same daily run deletes expired sessions, which nothing else removes.
import { readPrivacySettings } from '../../db/repos/settings.js';
import { staleCustomerSeqs } from '../../db/repos/customers.js';
import type { Logger } from '../../logger.js';
import { purgeExpiredSessions } from '../accounts/auth.js';
import { eraseCustomerSeqs, type ErasureDeps } from './erasure.js';
import { recordErasedIds } from './erased-ids.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day N calendar months before `now` (the 31st of a shorter month becomes its last day). */
export function monthsBefore(now: Date, months: number): string {
  const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}

/** Erases customers past the retention period; returns how many (0 when retention is off). */
export function applyRetention(deps: ErasureDeps, now: Date): number {
  const { retentionMonths } = readPrivacySettings(deps.db);
  if (retentionMonths === null) return 0;
  const cutoff = monthsBefore(now, retentionMonths);
  const seqs = staleCustomerSeqs(deps.db, cutoff);
  // Customers imported with an address only and never placed are kept no longer than placed ones.
  const waiting = deps.db.transaction(() => {
    const ids = deps.db
      .prepare("SELECT id FROM unplaced_imports WHERE kind = 'customers' AND created_at < ?")
      .pluck()
      .all(cutoff) as string[];
    recordErasedIds(deps.db, ids);
    const remove = deps.db.prepare(
      "DELETE FROM unplaced_imports WHERE kind = 'customers' AND id = ?",
    );
    for (const id of ids) remove.run(id);
    return ids.length;
  })();
  return (
    waiting +
    eraseCustomerSeqs(deps, seqs, {
      at: now,
      actorId: null,
      actor: 'retention',
      action: 'customer.retention',
      detail: { months: retentionMonths },
    })
  );
}

/** Runs retention and the expired-session purge now and then daily; the timer does not keep the process alive. Returns a stop function. */
export function scheduleRetention(
  deps: ErasureDeps & { clock: () => Date; logger: Logger },
): () => void {
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  const run = () => {
    const now = deps.clock();
    try {
      const erased = applyRetention(deps, now);
      if (erased > 0) deps.logger.info('retention erased customers', { count: erased });
    } catch (error) {
      deps.logger.error('retention failed', { error: message(error) });
    }
    // Apart: a failed erasure does not keep old sessions, nor the other way round.
    try {
      const purged = purgeExpiredSessions(deps.db, now);
      if (purged > 0) deps.logger.info('expired sessions deleted', { count: purged });
    } catch (error) {
      deps.logger.error('session purge failed', { error: message(error) });
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
