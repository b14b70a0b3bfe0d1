// Loading the purchase history in the background: read in chunks by rowid with the event loop turning between them,
// in step with a plain SQL count of the same purchases before and after new ones arrive (a till's post, an import),
// rebuilt beside the live copy when an existing purchase changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bulkPurchases,
  preparePurchaseUpsert,
  type PurchaseRow,
} from '../../server/db/repos/purchases.js';
import {
  createPurchaseHistory,
  type PurchaseHistory,
} from '../../server/services/purchases/purchase-history.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
beforeEach(() => {
  temp = tempDatabase('purchase-history-load');
});
afterEach(() => temp.close());

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse('2026-01-01T00:00:00Z') / DAY_MS;

/** n customers C0… and `purchases` purchases spread over 200 days, some of them by a customer not imported. */
function fill(customers: number, purchases: number) {
  const customer = temp.db.prepare(
    "INSERT INTO customers (id, lng, lat, updated_at) VALUES (?, 13.4, 52.5, '2026-01-01')",
  );
  const upsert = preparePurchaseUpsert(temp.db);
  temp.db.transaction(() => {
    for (let i = 0; i < customers; i++) customer.run(`C${i}`);
    bulkPurchases(temp.db, () =>
      upsert(Array.from({ length: purchases }, (_, i) => purchase(`p${i}`, i, customers))),
    );
  })();
}

function purchase(id: string, i: number, customers: number): PurchaseRow {
  const day = FIRST_DAY + ((i * 7919) % 200);
  return {
    id,
    customerId: i % 97 === 0 ? 'NOT-IMPORTED' : `C${(i * 31) % customers}`,
    storeId: `s${i % 3}`,
    purchasedAt: new Date(day * DAY_MS + ((i * 104_729) % DAY_MS)).toISOString(),
    amount: ((i * 37) % 5000) / 100,
    discount: null,
    productCategory: null,
  };
}

type DayFigures = Record<number, { purchases: number; linked: number; cents: number }>;

/** Per UTC day of fromDay … toDay: purchases, those linked to a customer row, and cents, from the history's range. */
function fromHistory(history: PurchaseHistory, fromDay: number, toDay: number): DayFigures {
  const { columns, rows } = history.range(fromDay, toDay);
  const out: DayFigures = {};
  for (const [a, b] of rows)
    for (let r = a; r < b; r++) {
      const day = columns.day[r]!;
      if (day < fromDay || day > toDay) continue;
      const f = (out[day] ??= { purchases: 0, linked: 0, cents: 0 });
      f.purchases++;
      if (columns.customer[r]! >= 0) f.linked++;
      f.cents += Math.round(columns.amount[r]! * 100);
    }
  return out;
}

/** The same figures the straightforward way: one GROUP BY over the table. */
function fromSql(fromDay: number, toDay: number): DayFigures {
  const rows = temp.db
    .prepare(
      `SELECT unixepoch(substr(p.purchased_at, 1, 10)) / 86400 AS day, count(*) AS purchases,
         count(c.seq) AS linked, sum(CAST(round(p.amount * 100) AS INTEGER)) AS cents
       FROM purchases p LEFT JOIN customers c ON c.id = p.customer_id
       WHERE unixepoch(substr(p.purchased_at, 1, 10)) / 86400 BETWEEN ? AND ? GROUP BY day`,
    )
    .all(fromDay, toDay) as ({ day: number } & DayFigures[number])[];
  return Object.fromEntries(rows.map(({ day, ...f }) => [day, f]));
}

describe('purchase history loading', () => {
  it('agrees with a SQL count before and after new purchases, a changed one and a late customer', async () => {
    fill(300, 6_000);
    const history = createPurchaseHistory(temp.db, { chunkRows: 250 });
    expect(history.progress()).toMatchObject({ ready: false, rows: 0 });
    await history.ready();
    expect(history.progress()).toEqual({ ready: true, rows: 6_000, fraction: 1 });
    const [from, to] = [FIRST_DAY + 20, FIRST_DAY + 80];
    expect(fromHistory(history, from, to)).toEqual(fromSql(from, to));

    // A till posts more (appended after the watermark, no reload), the new rows in an old window too.
    const upsert = preparePurchaseUpsert(temp.db);
    upsert(Array.from({ length: 700 }, (_, i) => purchase(`new${i}`, i + 6_000, 300)));
    await history.ready();
    expect(history.size()).toBe(6_700);
    expect(fromHistory(history, from, to)).toEqual(fromSql(from, to));

    // A re-post that changes an amount, and the customer the unlinked purchases named: a fresh copy is built.
    upsert([{ ...purchase('p5', 5, 300), amount: 1234.5 }]);
    temp.db
      .prepare(
        "INSERT INTO customers (id, lng, lat, updated_at) VALUES ('NOT-IMPORTED', 13.4, 52.5, '2026-02-01')",
      )
      .run();
    await history.ready();
    expect(fromHistory(history, FIRST_DAY, FIRST_DAY + 200)).toEqual(
      fromSql(FIRST_DAY, FIRST_DAY + 200),
    );
  });

  it('keeps the event loop turning while it loads and sorts, where a load in one go holds it', async () => {
    fill(500, 40_000);
    /** `whileSorting`: turns of the loop once every row was read, before the load is done (the sort by day). */
    const longestStall = async (
      load: () => Promise<unknown> | unknown,
      history?: PurchaseHistory,
    ) => {
      let last = performance.now();
      let longest = 0;
      let ticks = 0;
      let whileSorting = 0;
      let running = true;
      const tick = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        ticks++;
        if (running && history?.progress().rows === 40_000) whileSorting++;
        if (running) setImmediate(tick);
      };
      setImmediate(tick);
      const started = performance.now();
      await load();
      const total = performance.now() - started;
      running = false;
      await new Promise((resolve) => setImmediate(resolve));
      return { share: Math.max(longest, performance.now() - last) / total, ticks, whileSorting };
    };
    const history = createPurchaseHistory(temp.db, { chunkRows: 1_000, stepRows: 1_000 });
    const chunked = await longestStall(() => history.ready(), history);
    // Forty chunks: no single stall comes near the whole load (one chunk is about a fortieth of it).
    expect(chunked.ticks).toBeGreaterThanOrEqual(40);
    expect(chunked.share).toBeLessThan(0.5);
    // The sort by day after the last chunk turns the loop at every 1,000 rows of each of its passes (counting rows
    // per day, then placing them). Sorted in one go, as it was, the loop turned once at most between the last read
    // and the end: at ten million rows that one step held it ~300 ms, a stall no time ratio at this size can see.
    expect(chunked.whileSorting).toBeGreaterThanOrEqual(2 * 40);
    // The same load read at once (a request without ready()): the loop waits for all of it.
    const atOnce = await longestStall(() => createPurchaseHistory(temp.db).range(0, 0));
    expect(atOnce.share).toBeGreaterThan(0.9);
  });

  it('sorts a long tail of new purchases in steps, keeping rows that a reader appends meanwhile', async () => {
    fill(300, 2_000);
    const history = createPurchaseHistory(temp.db, { chunkRows: 1_000, stepRows: 500 });
    await history.ready();
    // More new purchases than the tail holds unsorted (50,000): the next ready() sorts them in, in steps.
    const upsert = preparePurchaseUpsert(temp.db);
    const total = 2_000 + 60_000;
    temp.db.transaction(() =>
      bulkPurchases(temp.db, () =>
        upsert(Array.from({ length: 60_000 }, (_, i) => purchase(`t${i}`, 2_000 + i, 300))),
      ),
    )();
    let sortingTicks = 0;
    let running = true;
    let duringSort: [number, number][] = [];
    const tick = () => {
      // A few turns into the sort, a till posts ten more and a reader catches up at once (range without ready).
      if (history.progress().rows >= total && ++sortingTicks === 3) {
        upsert(Array.from({ length: 10 }, (_, i) => purchase(`late${i}`, total + i, 300)));
        duringSort = history.range(FIRST_DAY, FIRST_DAY).rows;
      }
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await history.ready();
    running = false;
    expect(sortingTicks).toBeGreaterThan(3);
    // Mid-sort the reader saw the old sorted rows and everything after them as the tail.
    expect(duringSort.at(-1)).toEqual([2_000, total + 10]);
    expect(history.size()).toBe(total + 10);
    // Sorted: one range of the day's rows, and the ten that came during the sort after it, unsorted yet.
    const { rows } = history.range(FIRST_DAY, FIRST_DAY + 200);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([total, total + 10]);
    expect(fromHistory(history, FIRST_DAY, FIRST_DAY + 200)).toEqual(
      fromSql(FIRST_DAY, FIRST_DAY + 200),
    );
  });

  it('shares one load between callers that ask at once, and builds a reload beside the live copy', async () => {
    fill(100, 3_000);
    const history = createPurchaseHistory(temp.db, { chunkRows: 100 });
    await Promise.all([history.ready(), history.ready()]);
    expect(history.size()).toBe(3_000);
    temp.db.prepare("DELETE FROM purchases WHERE id = 'p1'").run();
    const reload = history.ready();
    // While the copy is built, the live one still answers in full.
    await new Promise((resolve) => setImmediate(resolve));
    expect(history.progress().ready).toBe(false);
    expect(history.size()).toBe(3_000);
    await reload;
    expect(history.size()).toBe(2_999);
  });
});
