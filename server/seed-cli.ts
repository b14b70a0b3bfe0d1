// `npm run seed -- --customers N --seed S [--db path] [--today YYYY-MM-DD] [--replace]`: fills a database with the fake Berlin demo.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeDatabase, openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { dayNumber } from './demo/events.js';
import { DEFAULT_DEMO_CUSTOMERS, MAX_DEMO_CUSTOMERS } from './demo/generate.js';
import { seedDemo } from './demo/seed.js';

const USAGE =
  'Usage: npm run seed -- [--customers N] [--seed S] [--db path] [--today YYYY-MM-DD] [--replace]';

interface CliOptions {
  customers: number;
  seed: number;
  db: string;
  today: string;
  replace: boolean;
}

/** Parses and validates the flags; returns a message instead of options when something is wrong. */
export function parseSeedArgs(
  args: string[],
  env: NodeJS.ProcessEnv,
  now: Date,
): CliOptions | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        customers: { type: 'string' },
        seed: { type: 'string' },
        db: { type: 'string' },
        today: { type: 'string' },
        replace: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { error: '' };
  const customers = values.customers ?? String(DEFAULT_DEMO_CUSTOMERS);
  if (!/^\d+$/.test(customers) || Number(customers) > MAX_DEMO_CUSTOMERS) {
    return {
      error: `--customers must be a whole number from 0 to ${MAX_DEMO_CUSTOMERS.toLocaleString('en')}, got "${customers}"`,
    };
  }
  const seed = values.seed ?? '42';
  if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed)))
    return { error: `--seed must be a whole number, got "${seed}"` };
  const today = values.today ?? now.toISOString().slice(0, 10);
  try {
    dayNumber(today);
  } catch {
    return { error: `--today must be a calendar date like 2026-11-23, got "${today}"` };
  }
  const db = values.db ?? env.CATCHMENT_DB ?? 'data/catchment.db';
  if (db.trim() === '') return { error: '--db must name a file' };
  return { customers: Number(customers), seed: Number(seed), db, today, replace: values.replace };
}

function main(): number {
  const started = new Date();
  const parsed = parseSeedArgs(process.argv.slice(2), process.env, started);
  if ('error' in parsed) {
    if (parsed.error) console.error(`seed: ${parsed.error}`);
    console.error(USAGE);
    return parsed.error ? 1 : 0;
  }
  const db = openDatabase(parsed.db);
  try {
    migrate(db);
    const interactive = process.stderr.isTTY;
    let lastPercent = -1;
    const summary = seedDemo(db, { ...parsed, now: started }, (done, total) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === lastPercent || (!interactive && percent % 10 !== 0)) return;
      lastPercent = percent;
      const line = `customers ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${percent} %)`;
      process.stderr.write(interactive ? `\r${line}` : `${line}\n`);
    });
    if (interactive) process.stderr.write('\n');
    const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(1);
    console.log(
      `Seeded the Berlin demo (seed ${parsed.seed}, today ${parsed.today}) into ${parsed.db} in ${seconds} s: ` +
        `${summary.stores} stores, ${summary.boundaries} neighbourhoods, ${summary.events} events, ${summary.customers.toLocaleString('en')} customers.`,
    );
    return 0;
  } catch (error) {
    console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    closeDatabase(db);
  }
}

// Run only as a program, so tests can import parseSeedArgs without seeding anything.
if (
  process.argv[1] &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
)
  process.exitCode = main();
