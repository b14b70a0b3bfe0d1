// Seeding the demo into a real SQLite file: all tables filled in one go, the R*Tree in step, and no silent overwrite.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../server/db/connection.js';
import { hasWorkspaceData, seedDemo, type SeedOptions } from '../../server/demo/seed.js';
import { parseSeedArgs } from '../../server/seed-cli.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

const options: SeedOptions = {
  seed: 42,
  customers: 5000,
  today: '2026-11-23',
  now: new Date('2026-11-23T08:00:00Z'),
};
const tables = [
  'stores',
  'customers',
  'customers_rtree',
  'boundaries',
  'events',
  'basemap_features',
  'streets',
  'street_nodes',
  'street_edges',
  'workspace',
  'purchases',
] as const;

let temp: TempDatabase;
let dir: string;
let db: Db;

beforeEach(() => {
  temp = tempDatabase('seed');
  ({ dir, db } = temp);
});

afterEach(() => temp.close());

const count = (table: (typeof tables)[number]) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const counts = () => Object.fromEntries(tables.map((t) => [t, count(t)]));
const fingerprint = () =>
  db
    .prepare(
      "SELECT group_concat(id || ':' || lng || ':' || lat || ':' || email, '|') FROM (SELECT * FROM customers ORDER BY seq LIMIT 50)",
    )
    .pluck()
    .get();

describe('seeding the demo workspace', () => {
  it('fills every table and keeps the R*Tree in step with the customers', () => {
    const progress: number[] = [];
    const summary = seedDemo(db, options, (done, total) => {
      expect(total).toBe(5000);
      progress.push(done);
    });
    expect(summary).toEqual({
      stores: count('stores'),
      customers: 5000,
      boundaries: count('boundaries'),
      events: count('events'),
      purchases: count('purchases'),
    });
    expect(summary.stores).toBeGreaterThanOrEqual(12);
    expect(summary.boundaries).toBeGreaterThanOrEqual(20);
    expect(summary.events).toBeGreaterThanOrEqual(12);
    expect(count('customers_rtree')).toBe(count('customers'));
    const matched = db
      .prepare(
        'SELECT count(*) FROM customers c JOIN customers_rtree r ON r.seq = c.seq AND abs(r.min_lng - c.lng) < 1e-4 AND abs(r.min_lat - c.lat) < 1e-4',
      )
      .pluck()
      .get();
    expect(matched).toBe(5000);
    expect(count('basemap_features')).toBeGreaterThan(3);
    expect(count('streets')).toBeGreaterThan(1000);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(5000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(hasWorkspaceData(db)).toBe(true);
  });

  it('stores rows the API can read back: settings, timestamps from `now`, consent as 0/1', () => {
    seedDemo(db, options);
    const text = (key: string) =>
      db.prepare('SELECT value FROM workspace WHERE key = ?').pluck().get(key) as string;
    const json = (key: string) => JSON.parse(text(key));
    expect(json('seed')).toBe(42);
    expect(json('customers')).toBe(5000);
    expect(json('center')).toHaveLength(2);
    expect(json('bbox')).toHaveLength(4);
    expect(typeof json('zoom')).toBe('number');
    expect(text('today')).toBe('2026-11-23');
    expect(text('name')).toBe('Berlin (demo)');
    expect(text('seededAt')).toBe('2026-11-23T08:00:00.000Z');
    const customer = db.prepare('SELECT * FROM customers ORDER BY seq LIMIT 1').get() as Record<
      string,
      unknown
    >;
    expect(customer).toMatchObject({ id: 'C0000001', updated_at: '2026-11-23T08:00:00.000Z' });
    expect([0, 1]).toContain(customer.consent);
    expect(Array.isArray(JSON.parse(customer.interests as string))).toBe(true);
    const store = db.prepare('SELECT * FROM stores ORDER BY id LIMIT 1').get() as Record<
      string,
      unknown
    >;
    expect(store).toMatchObject({
      id: 'st-01',
      version: 1,
      created_at: '2026-11-23T08:00:00.000Z',
    });
    const boundary = db.prepare('SELECT * FROM boundaries ORDER BY id LIMIT 1').get() as Record<
      string,
      number | string
    >;
    expect(['Polygon', 'MultiPolygon']).toContain(JSON.parse(boundary.geometry as string).type);
    expect(boundary.min_lng).toBeLessThan(boundary.max_lng as number);
  });

  it('leaves the R*Tree and code triggers in place, so later edits still index customers', () => {
    seedDemo(db, options);
    const triggers = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customers' ORDER BY name",
      )
      .pluck()
      .all();
    expect(triggers).toEqual([
      'customers_behaviour_insert',
      'customers_codes_insert',
      'customers_codes_update',
      'customers_delete_logged',
      'customers_insert_logged',
      'customers_purchase_day',
      'customers_rtree_delete',
      'customers_rtree_insert',
      'customers_rtree_update',
      'customers_update_logged',
    ]);
    // The purchase history is written with its triggers set aside; they are back afterwards.
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'purchases' ORDER BY name",
        )
        .pluck()
        .all(),
    ).toEqual([
      'purchases_behaviour_delete',
      'purchases_behaviour_insert',
      'purchases_behaviour_update',
      'purchases_changed_delete',
      'purchases_changed_update',
      'purchases_replay',
    ]);
    db.prepare(
      "INSERT INTO customers (id, lng, lat, updated_at) VALUES ('new-1', 13.4, 52.5, 'now')",
    ).run();
    expect(count('customers_rtree')).toBe(5001);
    expect(
      db
        .prepare(
          "SELECT job_code IS NOT NULL AND interest_mask = 0 FROM customers WHERE id = 'new-1'",
        )
        .pluck()
        .get(),
    ).toBe(1);
  });

  it('refuses a second seed without replace and changes nothing', () => {
    seedDemo(db, options);
    const before = { counts: counts(), fingerprint: fingerprint() };
    expect(() => seedDemo(db, { ...options, seed: 7, customers: 100 })).toThrow(/replace/);
    expect({ counts: counts(), fingerprint: fingerprint() }).toEqual(before);
  });

  it('replaces the whole workspace when asked to, with the same counts', () => {
    seedDemo(db, options);
    const before = { counts: counts(), fingerprint: fingerprint() };
    seedDemo(db, { ...options, seed: 7, replace: true });
    // Another seed lays other streets and another purchase history (their numbers vary); everything else keeps its count.
    const withoutStreets = (all: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(all).filter(
          ([table]) => !table.startsWith('street') && table !== 'purchases',
        ),
      );
    expect(withoutStreets(counts())).toEqual(withoutStreets(before.counts));
    expect(count('streets')).toBeGreaterThan(1000);
    expect(count('purchases')).toBeGreaterThan(count('customers'));
    expect(fingerprint()).not.toEqual(before.fingerprint);
    expect(
      JSON.parse(
        db.prepare("SELECT value FROM workspace WHERE key = 'seed'").pluck().get() as string,
      ),
    ).toBe(7);
  });
});

describe('npm run seed', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/seed-cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, CATCHMENT_DB: join(dir, 'env.db') },
    });

  it('seeds the file it is given and prints a summary', () => {
    const run = cli(
      '--customers',
      '300',
      '--seed',
      '3',
      '--today',
      '2026-11-23',
      '--db',
      join(dir, 'cli.db'),
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/300 customers/);
    const seeded = openDatabase(join(dir, 'cli.db'));
    expect(seeded.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(300);
    closeDatabase(seeded);
  });

  it('rejects bad flags with a clear message and exit code 1', () => {
    const run = cli('--customers', 'lots');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/seed: --customers must be a whole number/);
  });

  it('names the bad flag and applies the documented defaults', () => {
    const now = new Date('2026-11-23T22:30:00Z');
    for (const args of [
      ['--customers', '1000001'],
      ['--customers', '-5'],
      ['--seed', '4.2'],
      ['--today', '2026-13-01'],
      ['--frobnicate'],
      ['--db', ''],
    ]) {
      expect(parseSeedArgs(args, {}, now), args.join(' ')).toHaveProperty(
        'error',
        expect.stringMatching(/.+/),
      );
    }
    expect(parseSeedArgs([], {}, now)).toEqual({
      customers: 50_000,
      seed: 42,
      db: 'data/catchment.db',
      today: '2026-11-23',
      replace: false,
    });
    expect(
      parseSeedArgs(['--replace', '--customers', '0'], { CATCHMENT_DB: '/tmp/x.db' }, now),
    ).toMatchObject({ customers: 0, db: '/tmp/x.db', replace: true });
  });
});
