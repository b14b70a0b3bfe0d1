// Every purchase in memory as columns sorted by UTC day, so a campaign's results read a window's rows as one range
// of typed arrays instead of millions of SQLite rows. New purchases are read by rowid and appended unsorted; a change
// to an existing one (purchase_changes moves) or newly imported customers that unknown purchases may belong to
// reload everything.
import type { Db } from '../../db/connection.js';
import type { PurchaseColumns } from '../../domain/campaigns/purchase-facts.js';

const DAY_MS = 86_400_000;
/** Appended rows are sorted in once they are this many, or a tenth of the sorted ones. */
const TAIL_MAX = 50_000;

/** UTC day number of an ISO instant; the common `YYYY-MM-DDT…Z` form without a Date per row. */
export function dayOfInstant(text: string): number {
  if (text.length >= 20 && text.charCodeAt(10) === 84 /* T */ && text.endsWith('Z'))
    return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY_MS;
  return Math.floor(Date.parse(text) / DAY_MS);
}

export interface PurchaseRange {
  columns: PurchaseColumns;
  /** Row ranges [from, to) holding every purchase of the days asked for (and maybe others: check the day). */
  rows: [number, number][];
  /** Store ids by the code in `columns.store`. */
  storeIds: readonly string[];
}

export interface PurchaseHistory {
  /** The purchases of UTC days fromDay … toDay, up to date with the table. */
  range(fromDay: number, toDay: number): PurchaseRange;
  /** Rows held (for the bench and tests). */
  size(): number;
}

type Row = [rowid: number, seq: number | null, at: string, amount: number, store: string];

export function createPurchaseHistory(db: Db): PurchaseHistory {
  let columns: PurchaseColumns = empty(0);
  let count = 0;
  let sorted = 0;
  /** dayStart[d − firstDay]: first sorted row of day d; one more entry at the end. */
  let dayStart = new Int32Array(1);
  let firstDay = 0;
  let loadedRowid = 0;
  let version = -1;
  let customersSeq = -1;
  let unlinked = 0;
  const storeCodes = new Map<string, number>();
  const storeIds: string[] = [];

  const state = db.prepare(
    `SELECT (SELECT version FROM purchase_changes WHERE id = 1) AS version,
            (SELECT max(rowid) FROM purchases) AS maxRowid, (SELECT max(seq) FROM customers) AS maxSeq`,
  );
  const rowsAfter = db
    .prepare(
      `SELECT p.rowid, c.seq, p.purchased_at, p.amount, p.store_id FROM purchases p
       LEFT JOIN customers c ON c.id = p.customer_id WHERE p.rowid > ? ORDER BY p.rowid`,
    )
    .raw();

  function storeCode(id: string): number {
    let code = storeCodes.get(id);
    if (code === undefined) {
      code = storeIds.push(id) - 1;
      storeCodes.set(id, code);
    }
    return code;
  }

  function grow(needed: number) {
    if (needed <= columns.day.length) return;
    const next = empty(Math.max(needed, Math.ceil(columns.day.length * 1.5), 1024));
    next.day.set(columns.day.subarray(0, count));
    next.customer.set(columns.customer.subarray(0, count));
    next.amount.set(columns.amount.subarray(0, count));
    next.store.set(columns.store.subarray(0, count));
    columns = next;
  }

  function append(after: number) {
    for (const row of rowsAfter.iterate(after) as IterableIterator<Row>) {
      grow(count + 1);
      columns.day[count] = dayOfInstant(row[2]);
      columns.customer[count] = row[1] ?? -1;
      columns.amount[count] = row[3];
      columns.store[count] = storeCode(row[4]);
      if (row[1] === null) unlinked++;
      count++;
      loadedRowid = row[0];
    }
  }

  /** Counting sort of every row by day: O(rows + days), stable. */
  function sortAll() {
    if (count === 0) {
      sorted = 0;
      dayStart = new Int32Array(1);
      return;
    }
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < count; r++) {
      min = Math.min(min, columns.day[r]!);
      max = Math.max(max, columns.day[r]!);
    }
    const starts = new Int32Array(max - min + 2);
    for (let r = 0; r < count; r++) starts[columns.day[r]! - min + 1]!++;
    for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1]!;
    const next = empty(columns.day.length);
    const cursor = starts.slice();
    for (let r = 0; r < count; r++) {
      const to = cursor[columns.day[r]! - min]!++;
      next.day[to] = columns.day[r]!;
      next.customer[to] = columns.customer[r]!;
      next.amount[to] = columns.amount[r]!;
      next.store[to] = columns.store[r]!;
    }
    columns = next;
    dayStart = starts;
    firstDay = min;
    sorted = count;
  }

  function refresh() {
    const now = state.get() as { version: number; maxRowid: number | null; maxSeq: number | null };
    const maxSeq = now.maxSeq ?? 0;
    const reload = now.version !== version || (unlinked > 0 && maxSeq !== customersSeq);
    if (reload) {
      count = 0;
      unlinked = 0;
      loadedRowid = 0;
      version = now.version;
    }
    customersSeq = maxSeq;
    if ((now.maxRowid ?? 0) > loadedRowid) append(loadedRowid);
    if (reload || count - sorted > Math.max(TAIL_MAX, sorted / 10)) sortAll();
  }

  return {
    range(fromDay, toDay) {
      refresh();
      const at = (day: number) =>
        dayStart[Math.max(0, Math.min(dayStart.length - 1, day - firstDay))]!;
      const rows: [number, number][] = [];
      if (sorted > 0 && toDay >= firstDay) rows.push([at(fromDay), at(toDay + 1)]);
      if (count > sorted) rows.push([sorted, count]);
      return { columns, rows, storeIds };
    },
    size: () => count,
  };
}

function empty(capacity: number): PurchaseColumns {
  return {
    day: new Int32Array(capacity),
    customer: new Int32Array(capacity),
    amount: new Float64Array(capacity),
    store: new Int32Array(capacity),
  };
}
