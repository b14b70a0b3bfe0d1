// Applies the numbered SQL files in migrations/ that this database has not seen, all in one transaction.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection.js';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/** Returns the versions it applied; a failing migration rolls back every one of this run. */
export function migrate(db: Db, migrations = loadMigrations(), now = new Date()): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  );
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const pending = migrations.filter((m) => !applied.has(m.version));
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  // Foreign keys are off while migrations run (SQLite ignores the pragma inside a transaction, so it is set here):
  // rebuilding a table to change a constraint must neither cascade to nor be refused by the rows pointing at it.
  // Before committing, every reference must still resolve, or the whole run rolls back.
  const enforcing = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforcing && pending.length > 0) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        record.run(m.version, m.name, now.toISOString());
      }
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (enforcing && broken.length > 0)
        throw new Error(
          `migration left ${broken.length} broken references, e.g. ${broken[0]!.table} → ${broken[0]!.parent}`,
        );
    })();
  } finally {
    if (enforcing && pending.length > 0) db.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}
