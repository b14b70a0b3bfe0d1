// One copy of the purchase history as growable typed columns: rows appended in rowid order, then sorted by UTC day
// (history-steps.ts) so a day range is one slice. A reload builds a fresh copy beside the live one and swaps it in whole,
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
  /** The earliest and latest day of any row held (±Infinity while there is none). */
  minDay: number;
  maxDay: number;
  /** Counts the times rows were moved (sorted): work in steps on a copy checks it did not change under it. */
  moves: number;
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
    minDay: Infinity,
    maxDay: -Infinity,
    moves: 0,
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

/** The capacity to grow to when `needed` rows do not fit: half as much again, so appends copy each row O(1) times. */
export const grownCapacity = (h: HistoryColumns, needed: number) =>
  Math.max(needed, Math.ceil(h.columns.day.length * 1.5), 1024);

/**
 * Grows the arrays at once when a row does not fit. The background load grows them in steps before a chunk
 * (growInSteps), so this copy of every row only runs in a synchronous catch-up.
 */
function grow(h: HistoryColumns, needed: number) {
  if (needed <= h.columns.day.length) return;
  const next = emptyColumns(grownCapacity(h, needed));
  copyRows(h.columns, next, 0, h.count);
  h.columns = next;
}

/** Appends rows read in rowid order after `h.loadedRowid`; returns how many. */
export function appendRows(h: HistoryColumns, rows: Iterable<HistoryRow>): number {
  let n = 0;
  for (const row of rows) {
    grow(h, h.count + 1);
    const { columns, count } = h;
    // `| 0` as the Int32Array stores it (an unreadable instant is day 0), so the bounds match the stored days.
    const day = dayOfInstant(row[2]) | 0;
    columns.day[count] = day;
    if (day < h.minDay) h.minDay = day;
    if (day > h.maxDay) h.maxDay = day;
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

/** Row ranges [from, to) holding every purchase of days fromDay … toDay (and maybe others: check the day). */
export function rowsOfDays(h: HistoryColumns, fromDay: number, toDay: number): [number, number][] {
  const at = (day: number) =>
    h.dayStart[Math.max(0, Math.min(h.dayStart.length - 1, day - h.firstDay))]!;
  const rows: [number, number][] = [];
  if (h.sorted > 0 && toDay >= h.firstDay) rows.push([at(fromDay), at(toDay + 1)]);
  if (h.count > h.sorted) rows.push([h.sorted, h.count]);
  return rows;
}

/** Copies rows [from, to) of one set of columns into the same places of another. */
export function copyRows(
  source: PurchaseColumns,
  target: PurchaseColumns,
  from: number,
  to: number,
) {
  if (to <= from) return;
  target.day.set(source.day.subarray(from, to), from);
  target.customer.set(source.customer.subarray(from, to), from);
  target.amount.set(source.amount.subarray(from, to), from);
  target.store.set(source.store.subarray(from, to), from);
}

export function emptyColumns(capacity: number): PurchaseColumns {
  return {
    day: new Int32Array(capacity),
    customer: new Int32Array(capacity),
    amount: new Float64Array(capacity),
    store: new Int32Array(capacity),
  };
}
