// Per database: the signed-in users of the sessions seen since session_data_version last moved (migration 022 moves it
// on sign-out, password changes, deactivation, role or store changes; a commit by another process is seen within
// OTHER_WRITERS_CHECK_MS), so a request with a session cookie costs one hash instead of reading sessions and users.
import type { Db } from '../../db/connection.js';
import type { UserRecord } from '../../db/repos/users.js';
import { versionReader } from '../../db/version-reader.js';

export interface CachedSession {
  user: UserRecord;
  expiresMs: number;
  /** As this process last read or wrote it: never later than the row's, so expiry checks on it are never lenient. */
  lastSeenMs: number;
}

export interface SessionCache {
  /** The entry for a session id's hash, after dropping everything when the version moved. */
  get(idHash: string): CachedSession | undefined;
  set(idHash: string, entry: CachedSession): void;
  delete(idHash: string): void;
}

/** Dropped whole past this many sessions: a bound on memory, not an eviction policy worth tuning. */
const SESSION_CACHE_MAX = 10_000;
const caches = new WeakMap<Db, SessionCache>();

export function sessionCacheOf(db: Db): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createSessionCache(db)));
  return cache;
}

function createSessionCache(db: Db): SessionCache {
  const sessionDataVersion = versionReader(db, 'session_data_version');
  const byHash = new Map<string, CachedSession>();
  let version = -1;
  return {
    get(idHash) {
      const now = sessionDataVersion();
      if (now !== version || byHash.size >= SESSION_CACHE_MAX) {
        byHash.clear();
        version = now;
      }
      return byHash.get(idHash);
    },
    set: (idHash, entry) => void byHash.set(idHash, entry),
    delete: (idHash) => void byHash.delete(idHash),
  };
}
