// Shared data versions for ETags and cached bodies (issue 21). Each is a counter in SQLite that triggers move on every
// write, so all processes of a cluster read the same value for the same data: the customer change log's position,
// map_data_version (stores, boundaries) and area_data_version (areas and their shares). A per-process counter would
// let one worker answer 304 for what another has changed.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { changeWatch } from '../../db/version-reader.js';
import type { CustomerFollower } from '../customers/customer-follow.js';

export interface DataVersions {
  /**
   * Customers: in a cluster, the last change logged (customer_changes), pruned or not. One process keeps no log (it
   * costs a row per customer written), so there it is this process's start and its index's count of changes: the
   * index is the only writer's, and the start keeps a tag from before a restart from matching after it.
   */
  customers: string;
  /** Stores and boundaries. */
  map: number;
  /** Areas and who they are shared with. */
  areas: number;
}

/**
 * Reads the versions in one read transaction and, in cluster mode, applies the customer changes up to them in the same
 * snapshot first: a body built from this process's indexes then holds exactly the data its versions name.
 */
export function createDataVersions(
  db: Db,
  follower: Pick<CustomerFollower, 'catchUp'> | null,
  customerIndex: { readonly changes: number },
): () => DataVersions {
  const read = db.prepare<[], { customers: number; map: number; areas: number }>(
    `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'customer_changes'), 0) AS customers,
            (SELECT n FROM map_data_version WHERE id = 1) AS map,
            (SELECT n FROM area_data_version WHERE id = 1) AS areas`,
  );
  // One process: its writes reach its indexes as they commit, and the counters are read again only when it wrote or
  // (within OTHER_WRITERS_CHECK_MS) another connection, such as an admin's sqlite3 shell, committed.
  if (!follower) {
    const started = randomBytes(6).toString('base64url');
    const mayHaveChanged = changeWatch(db);
    let counters = { map: 0, areas: 0 };
    return () => {
      if (mayHaveChanged()) counters = read.get()!;
      return {
        map: counters.map,
        areas: counters.areas,
        customers: `${started}.${customerIndex.changes}`,
      };
    };
  }
  const readNow = db.transaction(() => {
    const versions = read.get()!;
    follower.catchUp({ force: true });
    return { ...versions, customers: String(versions.customers) };
  });
  return () => readNow.deferred();
}
