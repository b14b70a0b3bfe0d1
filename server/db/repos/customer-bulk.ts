// Inserting many new customers at once (the demo seed, an import batch): the rows carry the numbers migration 003's
// trigger would compute (customer-codes.ts), and the R*Tree is filled after the rows in Z-order instead of by its
// per-row trigger. Per row that trigger costs about twice the insert itself; a Z-ordered fill is cheaper and leaves a
// tighter tree. The trigger is set aside and recreated from its own stored SQL inside the caller's transaction, so
// no other connection ever sees the table without it.
import type { Db } from '../connection.js';
import type { Customer } from '../../domain/schemas/customer.js';
import { customerCoder } from './customer-codes.js';

/** The customers table's own columns for `c`, in the order of the INSERT's first 18 placeholders. */
export function customerColumns(c: Customer, at: string) {
  return [
    c.id,
    c.firstName,
    c.email,
    c.phone,
    c.location[0],
    c.location[1],
    c.age,
    c.gender,
    c.jobTitle,
    c.industry,
    JSON.stringify(c.interests),
    c.loyaltyTier,
    c.visits,
    c.totalSpend,
    c.lastPurchaseAt,
    c.consent ? 1 : 0,
    c.homeStoreId,
    at,
  ] as const;
}

/** Z-order keys are 32 bits and row numbers 21, so key·2²¹ + row is still an exact double (2⁵³). */
const MAX_BULK = 2 ** 21;

export interface NewCustomerRows {
  /** The new rows' seqs, in the order of the customers given. */
  seqs: number[];
}

/**
 * Inserts customers whose ids are not in the table yet; call inside a transaction. A duplicate id throws (and the
 * caller's transaction rolls back). More than 2²¹ customers in one call keep the per-row trigger.
 */
export function writeNewCustomers(
  db: Db,
  customers: Iterable<Customer>,
  at: string,
  onRow?: (done: number) => void,
): NewCustomerRows {
  const insert =
    db.prepare(`INSERT INTO customers (id, first_name, email, phone, lng, lat, age, gender, job_title, industry,
    interests, loyalty_tier, visits, total_spend, last_purchase_at, consent, home_store_id, updated_at,
    job_code, industry_code, store_code, interest_mask, traits, last_purchase_day)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const codesOf = customerCoder(db);
  const trigger = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customers_rtree_insert'",
    )
    .pluck()
    .get() as string | undefined;
  if (trigger) db.exec('DROP TRIGGER customers_rtree_insert');
  const seqs: number[] = [];
  const lngs: number[] = [];
  const lats: number[] = [];
  for (const c of customers) {
    const codes = codesOf(c);
    const row = insert.run(
      ...customerColumns(c, at),
      codes.jobCode,
      codes.industryCode,
      codes.storeCode,
      codes.interestMask,
      codes.traits,
      codes.lastPurchaseDay,
    );
    seqs.push(Number(row.lastInsertRowid));
    lngs.push(c.location[0]);
    lats.push(c.location[1]);
    onRow?.(seqs.length);
  }
  if (trigger) {
    const index = db.prepare(
      'INSERT INTO customers_rtree (seq, min_lng, max_lng, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
    );
    const order = seqs.length <= MAX_BULK ? zOrder(lngs, lats) : Uint32Array.from(seqs.keys());
    for (const i of order) index.run(seqs[i], lngs[i], lngs[i], lats[i], lats[i]);
    db.exec(trigger);
  }
  return { seqs };
}

/** Indexes 0..n-1 sorted along a Morton (Z-order) curve over the points' bbox; one native sort of packed doubles. */
function zOrder(lng: readonly number[], lat: readonly number[]): Uint32Array {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lng.length; i++) {
    minX = Math.min(minX, lng[i]!);
    maxX = Math.max(maxX, lng[i]!);
    minY = Math.min(minY, lat[i]!);
    maxY = Math.max(maxY, lat[i]!);
  }
  const spread = (v: number) => {
    let x = v & 0xffff;
    x = (x | (x << 8)) & 0x00ff00ff;
    x = (x | (x << 4)) & 0x0f0f0f0f;
    x = (x | (x << 2)) & 0x33333333;
    return (x | (x << 1)) & 0x55555555;
  };
  const cell = (v: number, min: number, max: number) =>
    Math.max(0, Math.min(0xffff, Math.floor(((v - min) / (max - min || 1)) * 0xffff)));
  const packed = new Float64Array(lng.length);
  for (let i = 0; i < lng.length; i++) {
    const key =
      (spread(cell(lng[i]!, minX, maxX)) | (spread(cell(lat[i]!, minY, maxY)) << 1)) >>> 0;
    packed[i] = key * MAX_BULK + i;
  }
  packed.sort();
  return Uint32Array.from(packed, (p) => p % MAX_BULK);
}
