// Reads a one-row version counter (offer_data_version, token_data_version, map_data_version) only when the database may have changed.
// Reading the row starts a read transaction, several µs: on a till's lookup that was a fifth of the request. Whether
// this connection wrote is told by total_changes(), which touches no table; whether another connection committed (a
// second process, an admin's sqlite3 shell) by PRAGMA data_version, which needs a read transaction, so it is asked at
// most every OTHER_WRITERS_CHECK_MS.
import type { Db } from './connection.js';

/** How long a commit by another connection may go unseen by a version-keyed cache. */
export const OTHER_WRITERS_CHECK_MS = 100;

/**
 * A reader for `SELECT n FROM <table> WHERE id = 1` that answers from memory until this connection changes a row
 * (triggers included) or, checked at most every OTHER_WRITERS_CHECK_MS, another connection commits.
 * @example const offerDataVersion = versionReader(db, 'offer_data_version'); offerDataVersion() // 42
 */
export function versionReader(
  db: Db,
  table: 'offer_data_version' | 'token_data_version' | 'map_data_version' | 'session_data_version',
  now: () => number = () => performance.now(),
): () => number {
  const readRow = db.prepare<[], number>(`SELECT n FROM ${table} WHERE id = 1`).pluck();
  const mayHaveChanged = changeWatch(db, now);
  let version = 0;
  return () => {
    if (mayHaveChanged()) version = readRow.get()!;
    return version;
  };
}

/**
 * True at the first call, and afterwards when this connection has changed a row since the last call (triggers
 * included) or, checked at most every OTHER_WRITERS_CHECK_MS, another connection has committed.
 */
export function changeWatch(db: Db, now: () => number = () => performance.now()): () => boolean {
  const ownChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  const othersCommits = db.prepare<[], number>('PRAGMA data_version').pluck();
  let seenOwn = -1;
  let seenOthers = -1;
  let othersCheckedAt = -Infinity;
  return () => {
    let changed = false;
    const own = ownChanges.get()!;
    if (own !== seenOwn) [seenOwn, changed] = [own, true];
    const t = now();
    if (t - othersCheckedAt >= OTHER_WRITERS_CHECK_MS) {
      othersCheckedAt = t;
      const others = othersCommits.get()!;
      if (others !== seenOthers) [seenOthers, changed] = [others, true];
    }
    return changed;
  };
}
