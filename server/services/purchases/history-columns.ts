// One copy of the purchase history as growable typed columns: rows appended in rowid order, then sorted by UTC day
// (counting sort) so a day range is one slice. A reload builds a fresh copy beside the live one and swaps it in whole,
// so readers never see half a history.
import type { PurchaseColumns } from '../../domain/campaigns/purchase-facts.js';

const DAY_MS = 86_400_000;

/** UTC day number of an ISO instant; the common `YYYY-MM-DDT…Z` form without a Date per row. */
export function dayOfInstant(text: string): number {
  if (text.length >= 20 && text.charCodeAt(10) === 84 /* T */ && text.endsWith('Z'))
    return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY_MS;
  return Math.floor(Date.parse(text) / DAY_MS);
}

/** A purchases row as the history reads it; seq is null when no customer has the purchase's customer id. */
export type HistoryRow = [
  rowid: number,
  seq: number | null,
  at: string,
  amount: number,
  store: string,
];

export interface HistoryColumns {
  columns: PurchaseColumns;
  count: number;
  /** Rows [0, sorted) are in day order; the rest were appended since. */
  sorted: number;
  /** dayStart[d − firstDay]: first sorted row of day d; one more entry at the end. */
  dayStart: Int32Array;
  firstDay: number;
  /** The highest purchases rowid read: the watermark new rows are read after. */
  loadedRowid: number;
  /** purchase_changes.version when this copy started loading: a later one means rows changed under it. */
  version: number;
  /** max(customers.seq) when this copy last linked rows: new customers may own its unlinked purchases. */
  customersSeq: number;
  unlinked: number;
  storeCodes: Map<string, number>;
  /** Store ids by the code in `columns.store`. */
  storeIds: string[];
}

export function emptyHistory(version: number, customersSeq: number): HistoryColumns {
  return {
    columns: emptyColumns(0),
    count: 0,
    sorted: 0,
    dayStart: new Int32Array(1),
    firstDay: 0,
    loadedRowid: 0,
    version,
    customersSeq,
    unlinked: 0,
    storeCodes: new Map(),
    storeIds: [],
  };
}

function storeCode(h: HistoryColumns, id: string): number {
  let code = h.storeCodes.get(id);
  if (code === undefined) {
    code = h.storeIds.push(id) - 1;
    h.storeCodes.set(id, code);
  }
  return code;
}

function grow(h: HistoryColumns, needed: number) {
  const { columns, count } = h;
  if (needed <= columns.day.length) return;
  const next = emptyColumns(Math.max(needed, Math.ceil(columns.day.length * 1.5), 1024));
  next.day.set(columns.day.subarray(0, count));
  next.customer.set(columns.customer.subarray(0, count));
  next.amount.set(columns.amount.subarray(0, count));
  next.store.set(columns.store.subarray(0, count));
  h.columns = next;
}

/** Appends rows read in rowid order after `h.loadedRowid`; returns how many. */
export function appendRows(h: HistoryColumns, rows: Iterable<HistoryRow>): number {
  let n = 0;
  for (const row of rows) {
    grow(h, h.count + 1);
    const { columns, count } = h;
    columns.day[count] = dayOfInstant(row[2]);
    columns.customer[count] = row[1] ?? -1;
    columns.amount[count] = row[3];
    columns.store[count] = storeCode(h, row[4]);
    if (row[1] === null) h.unlinked++;
    h.count++;
    h.loadedRowid = row[0];
    n++;
  }
  return n;
}

/** Counting sort of every row by day: O(rows + days), stable. */
export function sortByDay(h: HistoryColumns): void {
  const { columns, count } = h;
  if (count === 0) {
    h.sorted = 0;
    h.dayStart = new Int32Array(1);
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
  const next = emptyColumns(columns.day.length);
  const cursor = starts.slice();
  for (let r = 0; r < count; r++) {
    const to = cursor[columns.day[r]! - min]!++;
    next.day[to] = columns.day[r]!;
    next.customer[to] = columns.customer[r]!;
    next.amount[to] = columns.amount[r]!;
    next.store[to] = columns.store[r]!;
  }
  h.columns = next;
  h.dayStart = starts;
  h.firstDay = min;
  h.sorted = count;
}

/** Row ranges [from, to) holding every purchase of days fromDay … toDay (and maybe others: check the day). */
export function rowsOfDays(h: HistoryColumns, fromDay: number, toDay: number): [number, number][] {
  const at = (day: number) =>
    h.dayStart[Math.max(0, Math.min(h.dayStart.length - 1, day - h.firstDay))]!;
  const rows: [number, number][] = [];
  if (h.sorted > 0 && toDay >= h.firstDay) rows.push([at(fromDay), at(toDay + 1)]);
  if (h.count > h.sorted) rows.push([h.sorted, h.count]);
  return rows;
}

function emptyColumns(capacity: number): PurchaseColumns {
  return {
    day: new Int32Array(capacity),
    customer: new Int32Array(capacity),
    amount: new Float64Array(capacity),
    store: new Int32Array(capacity),
  };
}
