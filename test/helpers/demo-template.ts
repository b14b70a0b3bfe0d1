// Test servers start from a copy of a seeded demo database instead of seeding their own: generating the city
// (neighbourhoods clipped to the river, streets) and 2,000 customers with their purchases costs over a second of CPU
// per test file, a file copy a few milliseconds. One template per customers, seed, seeding day or instant and source
// fingerprint, under the system temp dir: a change to any file under server/ or data/city/ makes a new template, so
// a test never runs on data an older generator wrote.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrate.js';
import { setCustomerChangeLog } from '../../server/db/repos/customer-changes.js';
import { seedDemo } from '../../server/demo/seed.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(tmpdir(), 'catchment-demo-templates');
/** Templates untouched this long are deleted when a new one is made. */
const KEEP_MS = 2 * 86_400_000;

let fingerprint: string | null = null;

/** A hash of every file the seed may read: the server's code and the city data. */
function sourceFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(ROOT, path)).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'server'));
  walk(join(ROOT, 'data', 'city'));
  return (fingerprint = hash.digest('hex').slice(0, 16));
}

export interface TemplateOptions {
  customers: number;
  seed: number;
  /** The seeding instant when the test fixes the clock; otherwise templates are made once a day. */
  now: Date | null;
}

/** The path of a migrated database holding the demo seeded with these options; made on first use. */
export function demoTemplate({ customers, seed, now }: TemplateOptions): string {
  const at = now ?? new Date();
  const when = now ? now.toISOString().replace(/[:.]/g, '') : at.toISOString().slice(0, 10);
  const file = join(DIR, `demo-${customers}-${seed}-${when}-${sourceFingerprint()}.db`);
  if (existsSync(file)) return file;
  mkdirSync(DIR, { recursive: true });
  pruneOld();
  // Built under a name of its own and renamed into place: test files starting at once never read half a template.
  const building = `${file}.${process.pid}.${Date.now()}`;
  const db = openDatabase(building);
  try {
    migrate(db);
    setCustomerChangeLog(db, false);
    seedDemo(db, { seed, customers, today: at.toISOString().slice(0, 10), now: at });
  } finally {
    closeDatabase(db);
  }
  renameSync(building, file);
  return file;
}

function pruneOld() {
  for (const name of readdirSync(DIR)) {
    const path = join(DIR, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    } catch {
      // Another test process removed it first.
    }
  }
}
