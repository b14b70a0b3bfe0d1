// Opens the SQLite file with the settings every connection needs.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** WAL for concurrent readers, foreign keys on, a bounded WAL file, and a wait instead of SQLITE_BUSY. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_size_limit = 67108864');
  db.pragma('wal_autocheckpoint = 1000');
  beginImmediate(db);
  return db;
}

/**
 * Makes `db.transaction(fn)()` BEGIN IMMEDIATE: take the write lock first, waiting up to busy_timeout for it. A
 * deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another process (cluster mode,
 * CATCHMENT_WORKERS) committed in between, since its snapshot is stale; SQLite cannot wait that out. Transactions that
 * only read call `.deferred()` so they do not queue behind writers.
 */
function beginImmediate(db: Db): void {
  const original = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const t = original(fn);
    return Object.assign((...args: never[]) => t.immediate(...args), {
      default: t.immediate,
      deferred: t.deferred,
      immediate: t.immediate,
      exclusive: t.exclusive,
    });
  }) as Db['transaction'];
}

/** Folds the WAL back into the main file so it does not grow across restarts. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
