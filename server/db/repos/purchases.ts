// Purchases by the till's own id, and the per-customer behaviour the triggers of migration 014 keep from them.
// Every write goes through SQL the triggers see, so the aggregate follows in the writer's own transaction; a bulk
// load (the demo) sets the triggers aside and rebuilds the aggregate from the views once, which is the same result.
import type { Db } from '../connection.js';

export interface PurchaseRow {
  id: string;
  customerId: string;
  storeId: string;
  /** ISO instant, UTC. */
  purchasedAt: string;
  amount: number;
  discount: number | null;
  productCategory: string | null;
}

export interface PurchaseUpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Customers whose behaviour may have changed (a moved purchase names both), each once. */
  customerIds: string[];
}

/**
 * Inserts new purchases and updates those whose content differs; a re-post of the same purchase changes nothing
 * (no trigger runs, no aggregate moves). Call inside the caller's transaction.
 */
export function preparePurchaseUpsert(
  db: Db,
): (rows: readonly PurchaseRow[]) => PurchaseUpsertResult {
  const existing = db.prepare(
    `SELECT id, customer_id AS customerId, store_id AS storeId, purchased_at AS purchasedAt, amount, discount,
       product_category AS productCategory FROM purchases WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const insert = db.prepare(
    `INSERT INTO purchases (id, customer_id, store_id, purchased_at, amount, discount, product_category)
     VALUES (@id, @customerId, @storeId, @purchasedAt, @amount, @discount, @productCategory)`,
  );
  const update = db.prepare(
    `UPDATE purchases SET customer_id = @customerId, store_id = @storeId, purchased_at = @purchasedAt,
       amount = @amount, discount = @discount, product_category = @productCategory WHERE id = @id`,
  );
  return (rows) => {
    const result: PurchaseUpsertResult = { inserted: 0, updated: 0, unchanged: 0, customerIds: [] };
    if (rows.length === 0) return result;
    const before = new Map(
      (existing.all(JSON.stringify(rows.map((r) => r.id))) as PurchaseRow[]).map((r) => [r.id, r]),
    );
    const touched = new Set<string>();
    for (const row of rows) {
      const old = before.get(row.id);
      if (!old) {
        insert.run(row);
        result.inserted++;
      } else if (samePurchase(old, row)) {
        result.unchanged++;
        continue;
      } else {
        update.run(row);
        result.updated++;
        if (old.customerId) touched.add(old.customerId);
      }
      // A batch naming one id twice: the later row wins, as a later post would.
      before.set(row.id, row);
      touched.add(row.customerId);
    }
    result.customerIds = [...touched];
    return result;
  };
}

function samePurchase(a: PurchaseRow, b: PurchaseRow): boolean {
  return (
    a.customerId === b.customerId &&
    a.storeId === b.storeId &&
    a.purchasedAt === b.purchasedAt &&
    a.amount === b.amount &&
    (a.discount ?? null) === (b.discount ?? null) &&
    (a.productCategory ?? null) === (b.productCategory ?? null)
  );
}

/** Drops the link to the person from these customers' purchases (amount, time, store and category stay). */
export function anonymisePurchases(db: Db, customerIds: readonly string[]): number {
  const forget = db.prepare('UPDATE purchases SET customer_id = NULL WHERE customer_id = ?');
  return customerIds.reduce((n, id) => n + forget.run(id).changes, 0);
}

/**
 * Runs `load` (bulk inserts or deletes of purchases) with the behaviour triggers set aside, then rebuilds the whole
 * aggregate from the views and the customers' summary from it. Inside the caller's transaction; far faster than a
 * trigger per row for hundreds of thousands of rows.
 */
export function bulkPurchases<T>(db: Db, load: () => T): T {
  const triggers = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'purchases'",
    )
    .all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  const result = load();
  rebuildBehaviour(db);
  for (const t of triggers) db.exec(t.sql);
  return result;
}

/** The aggregate from scratch: what the triggers keep, computed at once (a bulk load, a repair). */
export function rebuildBehaviour(db: Db): void {
  db.exec(`
    DELETE FROM customer_behaviour;
    INSERT INTO customer_behaviour SELECT * FROM purchase_behaviour;
    DELETE FROM customer_categories;
    INSERT INTO customer_categories SELECT * FROM purchase_categories;
    UPDATE customers SET visits = b.visits, total_spend = b.spend_cents / 100.0,
      last_purchase_at = substr(b.last_at, 1, 10)
    FROM customer_behaviour b WHERE b.customer_id = customers.id
      AND (customers.visits IS NOT b.visits OR customers.total_spend IS NOT b.spend_cents / 100.0
        OR customers.last_purchase_at IS NOT substr(b.last_at, 1, 10));`);
}
