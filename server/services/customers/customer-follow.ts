// Cluster mode: every process holds its own in-memory customer index and tiles, and a write through one process must
// show in the audiences and maps the others serve. Triggers log each customer row written or deleted
// (customer_changes) and bump map_data_version on store and boundary writes; before a request, and every
// FOLLOW_POLL_MS when idle, a process reads what it has not seen yet and applies it. Asking SQLite whether anything
// changed (PRAGMA data_version, total_changes) is done at most every FOLLOW_CHECK_MS, so a commit elsewhere shows
// here within that window and an idle check costs no read transaction.
import type { Db } from '../../db/connection.js';
import {
  customerChangesAfter,
  firstCustomerChange,
  lastCustomerChange,
} from '../../db/repos/customer-changes.js';
import { customersBySeq } from '../../db/repos/customers.js';
import { versionReader } from '../../db/version-reader.js';
import type { Logger } from '../../logger.js';
import { invalidateCityExtent } from '../areas/extent.js';
import { forgetResidents } from '../audience/white-space.js';
import type { CustomerIndex } from './customer-index.js';
import type { CustomerTiles } from './tiles.js';

/** How long a commit by another process may go unseen by this process's index and tiles. */
export const FOLLOW_CHECK_MS = 100;
/** An idle process still reads the log this often, so it never falls behind what the leader prunes. */
export const FOLLOW_POLL_MS = 1_000;
/** Changes applied per read. */
const BATCH = 5_000;

export interface CustomerFollower {
  /**
   * Applies the changes other processes committed; cheap when there are none. Returns how many rows it re-read.
   * Looks at most every FOLLOW_CHECK_MS unless `force` (an ETag about to name the data must not run ahead of it).
   */
  catchUp(options?: { force?: boolean }): number;
  stop(): void;
}

export interface FollowDeps {
  db: Db;
  customerIndex: CustomerIndex;
  customerTiles: CustomerTiles;
  logger: Logger;
  /** The last change the index already holds: read before the index was built. */
  from: number;
  /** The log was pruned past what this process had read: it cannot catch up and should restart. */
  onMissed: () => void;
  now?: () => number;
}

export function followCustomerChanges(deps: FollowDeps): CustomerFollower {
  const { db, customerIndex, customerTiles } = deps;
  const now = deps.now ?? (() => performance.now());
  const ownChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  const othersCommits = db.prepare<[], number>('PRAGMA data_version').pluck();
  const mapVersion = versionReader(db, 'map_data_version', now);
  let seen = deps.from;
  let seenMap = mapVersion();
  let seenOwn = -1;
  let seenOthers = -1;
  let checkedAt = -Infinity;

  const applyCustomers = (): number => {
    const first = firstCustomerChange(db);
    if (first !== null && first > seen + 1) {
      deps.logger.error('customer change log pruned past this process', { seen, first });
      deps.onMissed();
      return 0;
    }
    let reread = 0;
    for (;;) {
      const changes = customerChangesAfter(db, seen, BATCH);
      if (changes.length === 0) break;
      const seqs = [...new Set(changes.map((c) => c.seq))];
      const found = customersBySeq(db, seqs);
      const present = new Set(found.map((c) => c.seq));
      customerIndex.upsert(found, { bulk: true });
      customerIndex.removeSeqs(seqs.filter((s) => !present.has(s)));
      seen = changes[changes.length - 1]!.n;
      reread += seqs.length;
    }
    if (reread > 0) {
      customerIndex.settle();
      customerTiles.invalidate();
    }
    return reread;
  };

  const catchUp = (options?: { force?: boolean }): number => {
    const t = now();
    if (!options?.force && t - checkedAt < FOLLOW_CHECK_MS) return 0;
    checkedAt = t;
    const own = ownChanges.get()!;
    const others = othersCommits.get()!;
    if (own === seenOwn && others === seenOthers) return 0;
    [seenOwn, seenOthers] = [own, others];
    // One read transaction: the log and the rows it names are read at the same instant.
    return db
      .transaction(() => {
        const reread = applyCustomers();
        const map = mapVersion();
        if (map !== seenMap) {
          seenMap = map;
          customerTiles.invalidate();
          invalidateCityExtent(db);
          forgetResidents(db);
        }
        return reread;
      })
      .deferred();
  };

  const timer = setInterval(() => {
    try {
      catchUp();
    } catch (error) {
      deps.logger.error('following customer changes failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }, FOLLOW_POLL_MS);
  timer.unref();
  return { catchUp, stop: () => clearInterval(timer) };
}

export { lastCustomerChange };
