// Tombstones of erased customers: an HMAC-SHA256 of the id with a per-workspace secret, so a re-import of the same id
// is refused without the database keeping the id itself (the hash cannot be reversed or checked without the secret).
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';

const SECRET_KEY = 'erasure_secret';

function workspaceSecret(db: Db): string {
  const existing = db
    .prepare('SELECT value FROM workspace WHERE key = ?')
    .pluck()
    .get(SECRET_KEY) as string | undefined;
  if (existing) return existing;
  const secret = randomBytes(32).toString('hex');
  db.prepare('INSERT OR IGNORE INTO workspace (key, value) VALUES (?, ?)').run(SECRET_KEY, secret);
  return db.prepare('SELECT value FROM workspace WHERE key = ?').pluck().get(SECRET_KEY) as string;
}

/** The keyed hash of an id; the secret is read once per call of this factory. */
export function erasedIdHasher(db: Db): (id: string) => string {
  const secret = workspaceSecret(db);
  return (id) => createHmac('sha256', secret).update(id).digest('hex');
}

/** Records the erased ids (call inside the erasure's transaction). */
export function recordErasedIds(db: Db, ids: readonly string[], kind = 'customer'): void {
  if (ids.length === 0) return;
  const hash = erasedIdHasher(db);
  const insert = db.prepare('INSERT OR IGNORE INTO erased_ids (kind, keyed_hash) VALUES (?, ?)');
  for (const id of ids) insert.run(kind, hash(id));
}

/**
 * A check whether an id was erased (prepared once per import). A keyed hash costs more than the rest of a row's
 * checks, so while the workspace has no tombstone of the kind (the usual case) no id is hashed; refresh() looks
 * again (an import calls it between batches, so an erasure meanwhile is seen).
 */
export function erasedIdCheck(
  db: Db,
  kind = 'customer',
): ((id: string) => boolean) & { refresh(): void } {
  const hash = erasedIdHasher(db);
  const select = db.prepare('SELECT 1 FROM erased_ids WHERE kind = ? AND keyed_hash = ?').pluck();
  const any = db.prepare('SELECT EXISTS (SELECT 1 FROM erased_ids WHERE kind = ?)').pluck();
  let anyErased = any.get(kind) === 1;
  const check = (id: string) => anyErased && select.get(kind, hash(id)) !== undefined;
  return Object.assign(check, {
    refresh: () => {
      anyErased = any.get(kind) === 1;
    },
  });
}
