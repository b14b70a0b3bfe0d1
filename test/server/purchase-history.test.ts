// The in-memory purchase history against a real SQLite file: it reads new purchases, reloads when one changes or
// goes (a re-import's update, an erasure's anonymisation), links purchases to customers imported after them, and
// answers a day range with the rows of those days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPurchaseHistory,
  dayOfInstant,
} from '../../server/services/purchases/purchase-history.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
beforeEach(() => {
  temp = tempDatabase('purchase-history');
});
afterEach(() => temp.close());

const customer = (id: string) =>
  temp.db
    .prepare(
      "INSERT INTO customers (id, lng, lat, updated_at) VALUES (?, 13.4, 52.5, '2026-01-01')",
    )
    .run(id);
const purchase = (id: string, customerId: string, at: string, amount: number) =>
  temp.db
    .prepare(
      "INSERT INTO purchases (id, customer_id, store_id, purchased_at, amount) VALUES (?, ?, 's1', ?, ?)",
    )
    .run(id, customerId, at, amount);
const seqOf = (id: string) =>
  temp.db.prepare('SELECT seq FROM customers WHERE id = ?').pluck().get(id) as number;

/** Every row of the range as [day, customer seq, amount], sorted. */
function rows(history: ReturnType<typeof createPurchaseHistory>, from: number, to: number) {
  const r = history.range(from, to);
  const out: [number, number, number][] = [];
  for (const [a, b] of r.rows)
    for (let i = a; i < b; i++)
      if (r.columns.day[i]! >= from && r.columns.day[i]! <= to)
        out.push([r.columns.day[i]!, r.columns.customer[i]!, r.columns.amount[i]!]);
  return out.sort((x, y) => x[0] - y[0] || x[2] - y[2]);
}

const day = (iso: string) => dayOfInstant(`${iso}T00:00:00.000Z`);

describe('purchase history', () => {
  it('reads a UTC day from an instant, with or without the fast path', () => {
    expect(dayOfInstant('2026-11-05T23:59:59.999Z')).toBe(day('2026-11-05'));
    expect(dayOfInstant('2026-11-05T23:30:00-02:00')).toBe(day('2026-11-06'));
  });

  it('answers the rows of a day range, appends new purchases and reloads on a change', () => {
    customer('C1');
    customer('C2');
    purchase('p1', 'C1', '2026-11-01T10:00:00.000Z', 10);
    purchase('p2', 'C2', '2026-11-03T10:00:00.000Z', 20);
    purchase('p3', 'C1', '2026-12-01T10:00:00.000Z', 30);
    const history = createPurchaseHistory(temp.db);
    const [c1, c2] = [seqOf('C1'), seqOf('C2')];
    expect(rows(history, day('2026-11-01'), day('2026-11-30'))).toEqual([
      [day('2026-11-01'), c1, 10],
      [day('2026-11-03'), c2, 20],
    ]);
    // A new purchase, older than the others: read by rowid, found by its day.
    purchase('p4', 'C2', '2026-10-15T10:00:00.000Z', 5);
    expect(rows(history, day('2026-10-01'), day('2026-10-31'))).toEqual([
      [day('2026-10-15'), c2, 5],
    ]);
    // An erasure anonymises a purchase: it stays, linked to nobody.
    temp.db.prepare("UPDATE purchases SET customer_id = 'anon-1' WHERE id = 'p2'").run();
    expect(rows(history, day('2026-11-03'), day('2026-11-03'))).toEqual([
      [day('2026-11-03'), -1, 20],
    ]);
    temp.db.prepare("DELETE FROM purchases WHERE id = 'p3'").run();
    expect(rows(history, day('2026-12-01'), day('2026-12-31'))).toEqual([]);
    expect(history.size()).toBe(3);
  });

  it('links purchases to a customer imported after them', () => {
    purchase('p1', 'LATE', '2026-11-01T10:00:00.000Z', 10);
    const history = createPurchaseHistory(temp.db);
    expect(rows(history, day('2026-11-01'), day('2026-11-01'))[0]![1]).toBe(-1);
    customer('LATE');
    expect(rows(history, day('2026-11-01'), day('2026-11-01'))[0]![1]).toBe(seqOf('LATE'));
  });
});
