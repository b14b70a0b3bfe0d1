// Writing hundreds of thousands of new purchases at once (the demo seed): many rows per INSERT statement instead of
// one call into SQLite per row, and, into an empty table, the secondary indexes built once after the rows (a sort)
// instead of row by row in time order that jumps about. Call inside the caller's transaction, with the purchase
// triggers set aside (bulkPurchases), as the aggregate is rebuilt afterwards.
import type { Db } from '../connection.js';
import type { PurchaseRow } from './purchases.js';

/** Rows per statement: 7 values each, far below SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 128;
const COLUMNS = 7;

export interface PurchaseWriter {
  add(row: PurchaseRow): void;
  /** Writes what is still buffered; returns how many rows were written in all. */
  finish(): number;
}

export function purchaseWriter(db: Db): PurchaseWriter {
  const sql = (rows: number) =>
    `INSERT INTO purchases (id, customer_id, store_id, purchased_at, amount, discount, product_category) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
  const many = db.prepare(sql(ROWS_PER_STATEMENT));
  const one = db.prepare(sql(1));
  const values: unknown[] = [];
  let written = 0;
  return {
    add(p) {
      values.push(
        p.id,
        p.customerId,
        p.storeId,
        p.purchasedAt,
        p.amount,
        p.discount,
        p.productCategory,
      );
      if (values.length === ROWS_PER_STATEMENT * COLUMNS) {
        many.run(values);
        values.length = 0;
        written += ROWS_PER_STATEMENT;
      }
    },
    finish() {
      for (let i = 0; i < values.length; i += COLUMNS) one.run(values.slice(i, i + COLUMNS));
      written += values.length / COLUMNS;
      values.length = 0;
      return written;
    },
  };
}

/**
 * Runs `load` with the purchases table's own indexes (not its primary key) dropped when the table is empty, and
 * builds them again afterwards from their stored SQL; on a table with rows it just runs `load`.
 */
export function withIndexesAfter<T>(db: Db, load: () => T): T {
  const empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM purchases)').pluck().get() === 1;
  if (!empty) return load();
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'purchases' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  const result = load();
  for (const i of indexes) db.exec(i.sql);
  return result;
}
