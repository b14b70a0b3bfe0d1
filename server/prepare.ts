// Gets the database ready to serve, once per start: migrate, seed the demo city or start an empty workspace, make the
// first owner. In cluster mode the primary does this before forking, so workers never race to seed.
import { closeDatabase, openDatabase, type Db } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { backfillDemoStreets, seedDemo } from './demo/seed.js';
import { startEmptyWorkspace } from './db/repos/workspace.js';
import { interruptRunningJobs } from './db/repos/import-jobs.js';
import { setCustomerChangeLog } from './db/repos/customer-changes.js';
import { ensureFirstOwner } from './services/accounts/auth.js';
import type { Config } from './env.js';
import type { Logger } from './logger.js';

function isEmptyWorkspace(db: Db): boolean {
  return (
    db
      .prepare(
        'SELECT (SELECT count(*) FROM stores) + (SELECT count(*) FROM customers) + (SELECT count(*) FROM workspace)',
      )
      .pluck()
      .get() === 0
  );
}

export interface PrepareOptions {
  logger: Logger;
  clock: () => Date;
  /** Where the first owner's generated password is shown (the terminal by default). */
  announce?: (text: string) => void;
}

/** Migrates and fills `db`; throws (leaving it open) when that fails. */
export async function prepareDatabase(db: Db, config: Config, options: PrepareOptions) {
  const { logger, clock } = options;
  const applied = migrate(db);
  if (applied.length) logger.info('migrated', { versions: applied });
  // Before any seed: in one process nobody follows the log, so no write pays for it.
  setCustomerChangeLog(db, config.workers > 1);
  if (isEmptyWorkspace(db) && !config.demo.enabled) {
    startEmptyWorkspace(db, clock().toISOString());
    logger.info('started an empty workspace (CATCHMENT_DEMO=0)');
  } else if (isEmptyWorkspace(db)) {
    const now = clock();
    const started = performance.now();
    const counts = seedDemo(db, {
      seed: config.demo.seed,
      customers: config.demo.customers,
      today: now.toISOString().slice(0, 10),
      now,
    });
    logger.info('seeded the demo workspace', {
      ...counts,
      ms: Math.round(performance.now() - started),
    });
  } else {
    const streets = backfillDemoStreets(db);
    if (streets) logger.info('added the demo streets', { streets });
  }
  // The generated password goes to the terminal once, never to the log.
  await ensureFirstOwner(
    db,
    { email: config.adminEmail, password: config.adminPassword, scryptCost: config.scryptCost },
    clock(),
    options.announce ?? ((text) => process.stdout.write(`\n${text}\n\n`)),
  );
}

/**
 * The cluster primary's start: prepares the file and marks import jobs the last shutdown interrupted (a worker must
 * not, or a restarted worker would interrupt the jobs its siblings are running).
 */
export async function prepareForWorkers(config: Config, options: PrepareOptions): Promise<void> {
  const db = openDatabase(config.dbFile);
  try {
    await prepareDatabase(db, config, options);
    const interrupted = interruptRunningJobs(db, options.clock().toISOString());
    if (interrupted)
      options.logger.info('import jobs interrupted by the last shutdown', { jobs: interrupted });
  } finally {
    closeDatabase(db);
  }
}
