// A till replaying a purchase by its own id never counts it twice, whichever SQL it writes with: the per-customer
// aggregate stays equal to a count from scratch, the customer's visits and spend stay put, and the in-memory history
// holds the purchase once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPurchaseHistory } from '../../server/services/purchases/purchase-history.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
beforeEach(() => {
  temp = tempDatabase('purchase-replays');
  temp.db
    .prepare(
      "INSERT INTO customers (id, lng, lat, updated_at) VALUES ('C1', 13.4, 52.5, '2026-01-01')",
    )
    .run();
});
afterEach(() => temp.close());

const COLUMNS = '(id, customer_id, store_id, purchased_at, amount, discount, product_category)';
const write = (verb: string, amount = 12.5, tail = '') =>
  temp.db
    .prepare(
      `${verb} INTO purchases ${COLUMNS} VALUES ('p1', 'C1', 's1', '2026-03-01T10:00:00.000Z', ?, NULL, 'coffee') ${tail}`,
    )
    .run(amount);

const behaviour = () => temp.db.prepare('SELECT * FROM customer_behaviour').all();
const fromScratch = () => temp.db.prepare('SELECT * FROM purchase_behaviour').all();
const customer = () =>
  temp.db.prepare("SELECT visits, total_spend AS spend FROM customers WHERE id = 'C1'").get();
const version = () =>
  temp.db.prepare('SELECT version FROM purchase_changes').pluck().get() as number;

/** Purchases and their amount in the history's copy of March 2026. */
async function historyTotals(history: ReturnType<typeof createPurchaseHistory>) {
  await history.ready();
  const { columns, rows } = history.range(20_500, 20_600);
  let [count, amount] = [0, 0];
  for (const [a, b] of rows)
    for (let r = a; r < b; r++) {
      count++;
      amount += columns.amount[r]!;
    }
  return { count, amount };
}

describe('replaying a purchase', () => {
  const replays: [string, string, string][] = [
    ['INSERT OR REPLACE', 'INSERT OR REPLACE', ''],
    ['REPLACE', 'REPLACE', ''],
    ['INSERT OR IGNORE', 'INSERT OR IGNORE', ''],
    ['plain INSERT', 'INSERT', ''],
    ['an ON CONFLICT upsert', 'INSERT', 'ON CONFLICT (id) DO UPDATE SET amount = excluded.amount'],
  ];

  it.each(replays)('with %s changes no total', async (_, verb, tail) => {
    write('INSERT');
    const history = createPurchaseHistory(temp.db);
    expect(await historyTotals(history)).toEqual({ count: 1, amount: 12.5 });
    const before = { behaviour: behaviour(), customer: customer(), version: version() };
    expect(before.customer).toEqual({ visits: 1, spend: 12.5 });

    write(verb, 12.5, tail);
    write(verb, 12.5, tail);
    expect({ behaviour: behaviour(), customer: customer(), version: version() }).toEqual(before);
    expect(behaviour()).toEqual(fromScratch());
    expect(await historyTotals(history)).toEqual({ count: 1, amount: 12.5 });
  });

  it.each(replays.slice(0, 2))(
    'with %s and a corrected amount counts the new amount once',
    async (_, verb) => {
      write('INSERT');
      const history = createPurchaseHistory(temp.db);
      await history.ready();
      write(verb, 20);
      expect(customer()).toEqual({ visits: 1, spend: 20 });
      expect(behaviour()).toEqual(fromScratch());
      expect(await historyTotals(history)).toEqual({ count: 1, amount: 20 });
    },
  );

  it('leaves an anonymised purchase anonymous', () => {
    write('INSERT');
    temp.db.prepare("UPDATE purchases SET customer_id = NULL WHERE id = 'p1'").run();
    write('INSERT OR REPLACE');
    expect(
      temp.db.prepare("SELECT customer_id FROM purchases WHERE id = 'p1'").pluck().get(),
    ).toBeNull();
    expect(customer()).toEqual({ visits: 0, spend: 0 });
    expect(behaviour()).toEqual([]);
  });
});
