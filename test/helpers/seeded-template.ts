// Seeding the demo city is most of a test server's start (about 0.6 s at 2,000 customers, 20 s at 50,000), and most
// test files ask for the same city. So each kind is seeded once per run into a template file, and every server gets a
// copy. The folder comes from test/global-setup.ts and lives for one run, so a changed seed or migration never
// meets a stale template. Without it (a file run by other means) every server seeds its own.
import { copyFileSync, existsSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeDatabase, openDatabase } from '../../server/db/connection.js';
import type { Config } from '../../server/env.js';
import { prepareDatabase } from '../../server/prepare.js';

/** Set by the global setup: where this run's templates live. */
export const TEMPLATES_ENV = 'CATCHMENT_TEST_TEMPLATES';

const WAIT_FOR_OTHER_SEEDER_MS = 180_000;

/**
 * Copies a seeded database for `config` to `dbFile` and returns true; false when there is no template folder.
 * The key holds everything seeding reads (the demo settings, the admin, the day); seeding stamps times from `now`,
 * which is at most one run old, so tests that pin the clock seed their own instead.
 */
export async function copySeededTemplate(config: Config, dbFile: string): Promise<boolean> {
  const folder = process.env[TEMPLATES_ENV];
  if (!folder || !existsSync(folder)) return false;
  const key = createHash('sha1')
    .update(
      JSON.stringify([
        config.demo,
        config.adminEmail,
        config.adminPassword,
        new Date().toISOString().slice(0, 10),
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  const template = join(folder, `${key}.db`);
  if (!existsSync(template)) await seedTemplate(config, template);
  copyFileSync(template, dbFile);
  return true;
}

/** One file seeds (holding the lock); files that ask meanwhile wait for its result rather than seed again. */
async function seedTemplate(config: Config, template: string) {
  const lock = `${template}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch {
    const deadline = Date.now() + WAIT_FOR_OTHER_SEEDER_MS;
    while (!existsSync(template)) {
      if (!existsSync(lock) || Date.now() > deadline)
        throw new Error(`the file seeding ${template} gave up: see its own failure`);
      await sleep(100);
    }
    return;
  }
  const building = `${template}.building`;
  try {
    const db = openDatabase(building);
    try {
      await prepareDatabase(db, config, {
        logger: { info: () => undefined, error: () => undefined },
        clock: () => new Date(),
        announce: () => undefined,
      });
    } finally {
      // Checkpoints as it closes: the file holds everything, with no WAL beside it to copy.
      closeDatabase(db);
    }
    renameSync(building, template);
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}
