// Migration 003's attribute codes: the triggers, the backfill of older rows and the seed's own codes agree, and the
// index built from codes holds exactly the customers' text attributes, odd values included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import { loadMigrations, migrate } from '../../server/db/migrate.js';
import { parseInterests } from '../../server/db/repos/customers.js';
import { seedDemo } from '../../server/demo/seed.js';
import { genders, type Gender } from '../../server/domain/schemas/customer.js';
import { purchaseDay } from '../../server/domain/segment.js';
import { NEVER } from '../../server/services/customers/columns.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
} from '../../server/services/customers/customer-index.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
let db: Db;

beforeEach(() => {
  // Not migrated: some tests apply the migrations before 003 first, to see its backfill.
  temp = tempDatabase('codes', { migrated: false });
  db = temp.db;
});
afterEach(() => temp.close());

type Codes = [
  seq: number,
  job: number | null,
  industry: number | null,
  store: number | null,
  mask: number | null,
  traits: number | null,
  lastDay: number | null,
];
const codes = () =>
  db
    .prepare(
      'SELECT seq, job_code, industry_code, store_code, interest_mask, traits, last_purchase_day FROM customers ORDER BY seq',
    )
    .raw()
    .all() as Codes[];
/** Every customer's codes as the update trigger computes them now. */
const codesByTrigger = () => {
  db.exec('UPDATE customers SET interests = interests');
  return codes();
};

interface Values {
  job?: string;
  industry?: string;
  interests?: string;
  last?: string | null;
  store?: string | null;
  age?: number | null;
  gender?: string;
}
const insert = (id: string, values: Values) =>
  db
    .prepare(
      `INSERT INTO customers (id, lng, lat, job_title, industry, interests, last_purchase_at, home_store_id, age, gender, updated_at)
      VALUES (?, 13.4, 52.5, ?, ?, ?, ?, ?, ?, ?, 'now')`,
    )
    .run(
      id,
      values.job ?? 'Chef',
      values.industry ?? 'Hospitality',
      values.interests ?? '[]',
      values.last ?? null,
      values.store ?? null,
      values.age ?? null,
      values.gender ?? 'unknown',
    );

const odd: Values[] = [
  { interests: '["coffee","coffee","yoga"]', last: '2024-02-30', age: 131, gender: 'female' },
  { interests: '[1,"vinyl",null]', last: '1969-12-31', age: -1, gender: 'other' },
  {
    interests: '{"coffee":1}',
    last: 'not a date',
    job: '',
    industry: '',
    age: 0,
    gender: 'diverse',
  },
  { interests: '"coffee"', last: '2026-11-01T23:59:59+05:00', job: 'Nurse' },
  { interests: '["Kaffee \\"stark\\"","yoga"]', last: null, store: 'st-x' },
];

/** The index's view of one customer: text attributes back from their dictionary codes. */
function indexed(index: CustomerIndex, seq: number) {
  const c = index.columns;
  const d = index.dictionaries;
  const row = Array.from(c.seq).findIndex((s, r) => s === seq && c.alive[r] === 1);
  const interests = d.interests.values.filter(
    (_, k) => ((c.interests[row * c.words + (k >>> 5)] as number) >>> (k & 31)) & 1,
  );
  const store = c.store[row] as number;
  return {
    age: c.age[row],
    gender: c.gender[row],
    job: d.jobs.values[c.job[row] as number],
    industry: d.industries.values[c.industry[row] as number],
    store: store === 0 ? null : d.stores.values[store - 1],
    interests,
    lastDay: c.lastDay[row],
  };
}

function expectIndexMatchesTable(index: CustomerIndex) {
  const rows = db
    .prepare(
      'SELECT seq, age, gender, job_title, industry, home_store_id, interests, last_purchase_at FROM customers',
    )
    .all() as {
    seq: number;
    age: number | null;
    gender: Gender;
    job_title: string;
    industry: string;
    home_store_id: string | null;
    interests: string;
    last_purchase_at: string | null;
  }[];
  expect(index.size).toBe(rows.length);
  for (const r of rows) {
    expect(indexed(index, r.seq)).toEqual({
      age: r.age !== null && r.age >= 0 && r.age <= 130 ? r.age : 255,
      gender: genders.includes(r.gender) ? genders.indexOf(r.gender) : genders.indexOf('unknown'),
      job: r.job_title,
      industry: r.industry,
      store: r.home_store_id,
      interests: [...new Set(parseInterests(r.interests))].sort(
        (a, b) => index.dictionaries.interests.find(a)! - index.dictionaries.interests.find(b)!,
      ),
      lastDay: purchaseDay(r.last_purchase_at) ?? NEVER,
    });
  }
}

describe('customer attribute codes', () => {
  it('are the same whether the seed, the insert trigger or the update trigger computes them', () => {
    migrate(db);
    seedDemo(db, {
      seed: 5,
      customers: 2000,
      today: '2026-11-23',
      now: new Date('2026-11-23T08:00:00Z'),
    });
    const seeded = codes();
    expect(
      seeded.every(
        ([, job, industry, , mask, traits]) =>
          job !== null && industry !== null && mask !== null && traits !== null,
      ),
    ).toBe(true);
    expect(codesByTrigger()).toEqual(seeded);
  });

  it('are backfilled for customers written before the migration, odd interests and dates included', async () => {
    migrate(
      db,
      loadMigrations().filter((m) => m.version < 3),
    );
    db.exec(
      "INSERT INTO stores (id, name, brand, lng, lat, created_at, updated_at) VALUES ('st-x', 'X', 'B', 13.4, 52.5, 'now', 'now')",
    );
    odd.forEach((values, k) => insert(`old-${k}`, values));
    migrate(db);
    const backfilled = codes();
    expect(backfilled.every(([, job]) => job !== null)).toBe(true);
    expect(codesByTrigger()).toEqual(backfilled);
    odd.forEach((values, k) => insert(`new-${k}`, values));
    expectIndexMatchesTable(buildCustomerIndex(db));
  });

  it('fall back to the interests text beyond 64 interests and the index still reads them', async () => {
    migrate(db);
    const many = Array.from({ length: 70 }, (_, k) => `interest ${k + 1}`);
    insert('wide', { interests: JSON.stringify(many) });
    insert('narrow', { interests: JSON.stringify(['interest 64', 'interest 1']) });
    insert('high', { interests: JSON.stringify(['interest 33', 'interest 65']) });
    // Bit 63 makes the 64-bit integer negative.
    expect(
      db.prepare('SELECT id, interest_mask FROM customers ORDER BY seq').safeIntegers().raw().all(),
    ).toEqual([
      ['wide', null],
      ['narrow', -(2n ** 63n) + 1n],
      ['high', null],
    ]);
    const index = buildCustomerIndex(db);
    expect(index.columns.words).toBe(3);
    expectIndexMatchesTable(index);
  });

  it('follow a store deletion (home store set to none)', async () => {
    migrate(db);
    db.exec(
      "INSERT INTO stores (id, name, brand, lng, lat, created_at, updated_at) VALUES ('st-x', 'X', 'B', 13.4, 52.5, 'now', 'now')",
    );
    insert('a', { store: 'st-x' });
    db.exec("DELETE FROM stores WHERE id = 'st-x'");
    expect(db.prepare('SELECT home_store_id, store_code FROM customers').raw().get()).toEqual([
      null,
      null,
    ]);
    expectIndexMatchesTable(buildCustomerIndex(db));
  });
});
