// The seed's purchase writer: many rows per statement (a remainder short of a full statement included), and into an
// empty table the secondary indexes dropped for the load and built again afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purchaseWriter, withIndexesAfter } from '../../server/db/repos/purchase-bulk.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
beforeEach(() => {
  temp = tempDatabase('purchase-bulk');
});
afterEach(() => temp.close());

const indexes = () =>
  temp.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'purchases' AND sql IS NOT NULL ORDER BY name",
    )
    .pluck()
    .all();
const row = (i: number) => ({
  id: `p${i}`,
  customerId: `C${i % 7}`,
  storeId: 's1',
  purchasedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString(),
  amount: i / 4,
  discount: i % 5 === 0 ? 1 : null,
  productCategory: i % 2 ? 'coffee' : null,
});

describe('bulk purchase writer', () => {
  it('writes every row, full statements and the remainder, with the indexes back afterwards', () => {
    const before = indexes();
    expect(before).toEqual(['purchases_customer', 'purchases_time']);
    let seenDuring: unknown[] = [];
    const written = withIndexesAfter(temp.db, () => {
      seenDuring = indexes();
      const writer = purchaseWriter(temp.db);
      for (let i = 0; i < 1_000; i++) writer.add(row(i));
      return writer.finish();
    });
    expect(seenDuring).toEqual([]);
    expect(indexes()).toEqual(before);
    expect(written).toBe(1_000);
    expect(
      temp.db.prepare('SELECT count(*), sum(amount), count(discount) FROM purchases').raw().get(),
    ).toEqual([1_000, (999 * 500) / 4, 200]);
    expect(temp.db.prepare("SELECT * FROM purchases WHERE id = 'p999'").get()).toEqual({
      id: 'p999',
      customer_id: 'C5',
      store_id: 's1',
      purchased_at: row(999).purchasedAt,
      amount: 999 / 4,
      discount: null,
      product_category: 'coffee',
    });
  });

  it('keeps the indexes of a table that already has rows', () => {
    const writer = purchaseWriter(temp.db);
    writer.add(row(1));
    writer.finish();
    withIndexesAfter(temp.db, () => expect(indexes()).toHaveLength(2));
  });
});
