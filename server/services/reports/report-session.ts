// The headless browser that prints a report signs in as the person who asked for it: a session of its own, valid
// only as long as one rendering may take and deleted as soon as it is done. Its id never leaves this process.
import type { Db } from '../../db/connection.js';
import { deleteSession, insertSession } from '../../db/repos/sessions.js';
import { newSecret, secretHash } from '../accounts/auth.js';

export interface ReportSession {
  id: string;
  end(): void;
}

/** A session for `userId` that expires after `ttlMs` even if `end()` is never reached (a crash mid-render). */
export function startReportSession(
  db: Db,
  userId: string,
  { now, ttlMs }: { now: Date; ttlMs: number },
): ReportSession {
  const id = newSecret();
  const idHash = secretHash(id);
  const at = now.toISOString();
  insertSession(db, {
    idHash,
    userId,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
  });
  return { id, end: () => deleteSession(db, idHash) };
}
