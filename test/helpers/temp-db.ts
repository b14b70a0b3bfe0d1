// A real SQLite file (WAL) in a folder of its own under the system temp dir, for tests below the HTTP layer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrate.js';

export interface TempDatabase {
  db: Db;
  /** The folder, for other files the test writes next to the database. */
  dir: string;
  file: string;
  /** Closes the connection and deletes the folder. */
  close(): void;
}

/** Opens `<temp>/catchment-<name>-XXXX/<name>.db`, migrated unless `migrated: false` (to test a migration itself). */
export function tempDatabase(name: string, { migrated = true } = {}): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), `catchment-${name}-`));
  const file = join(dir, `${name}.db`);
  const db = openDatabase(file);
  if (migrated) migrate(db);
  return {
    db,
    dir,
    file,
    close: () => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
