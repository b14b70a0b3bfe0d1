// The work on a whole history copy that would hold the event loop for hundreds of milliseconds at ten million rows,
// cut into steps of a bounded number of rows: the counting sort by day (about 300 ms in one go at 10 M rows) and the
// move into bigger arrays (about 90 ms). Each is a generator that yields between steps, so the background load turns
// the event loop in between and a synchronous catch-up runs them straight through. The copy may gain rows while a
// step waits (a request's synchronous catch-up appends to the live copy): those rows keep their places after the
// rows worked on, and are carried over when the new arrays take over.
import { copyRows, emptyColumns, grownCapacity, type HistoryColumns } from './history-columns.js';

/** Yields between steps; returns false when the copy's rows moved under it and the work was dropped. */
export type Steps = Generator<void, boolean>;

/** Appended rows are sorted in once they are this many, or a tenth of the sorted ones. */
const TAIL_MAX = 50_000;

/** True when the rows appended since the last sort are enough to sort them in. */
export const tailWantsSort = (h: HistoryColumns) =>
  h.count - h.sorted > Math.max(TAIL_MAX, h.sorted / 10);

/** Capacity after a sort: room for the tail to reach its limit, so appends rarely grow the arrays in between. */
const capacityAfterSort = (rows: number) => rows + Math.ceil(Math.max(TAIL_MAX, rows / 10) * 1.25);

/** Runs every step at once (a synchronous catch-up, whose caller waits for the whole load anyway). */
export function runSteps(steps: Steps): boolean {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Counting sort of rows [0, count) by day, stable, O(rows + days): count rows per day, then place them, each pass
 * `stepRows` rows a step. The sorted rows go to new arrays that take over at the end.
 * @example runSteps(sortByDayInSteps(h, Infinity)) // the whole sort at once
 */
export function* sortByDayInSteps(h: HistoryColumns, stepRows: number): Steps {
  const count = h.count;
  const moves = h.moves;
  if (count === 0) {
    h.sorted = 0;
    h.dayStart = new Int32Array(1);
    return true;
  }
  const min = h.minDay;
  const starts = new Int32Array(h.maxDay - min + 2);
  for (let from = 0; from < count; from += stepRows) {
    // Read the arrays afresh each step: a synchronous append may have grown them (same rows, bigger arrays).
    const day = h.columns.day;
    for (let r = from, end = Math.min(count, from + stepRows); r < end; r++)
      starts[day[r]! - min + 1]!++;
    yield;
    if (h.moves !== moves) return false;
  }
  for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1]!;
  const next = emptyColumns(Math.max(capacityAfterSort(count), h.columns.day.length));
  const cursor = starts.slice();
  for (let from = 0; from < count; from += stepRows) {
    const { day, customer, amount, store } = h.columns;
    for (let r = from, end = Math.min(count, from + stepRows); r < end; r++) {
      const to = cursor[day[r]! - min]!++;
      next.day[to] = day[r]!;
      next.customer[to] = customer[r]!;
      next.amount[to] = amount[r]!;
      next.store[to] = store[r]!;
    }
    yield;
    if (h.moves !== moves) return false;
  }
  takeOver(h, next, count);
  h.dayStart = starts;
  h.firstDay = min;
  h.sorted = count;
  h.moves++;
  return true;
}

/** Moves rows [0, count) into arrays of `capacity` rows, `stepRows` rows a step. */
export function* growInSteps(h: HistoryColumns, capacity: number, stepRows: number): Steps {
  const count = h.count;
  const moves = h.moves;
  const next = emptyColumns(capacity);
  for (let from = 0; from < count; from += stepRows) {
    copyRows(h.columns, next, from, Math.min(count, from + stepRows));
    yield;
    if (h.moves !== moves) return false;
  }
  takeOver(h, next, count);
  return true;
}

/** The new arrays take over, with the rows appended after `done` while the steps waited copied to the same places. */
function takeOver(h: HistoryColumns, next: HistoryColumns['columns'], done: number) {
  let target = next;
  if (h.count > next.day.length) {
    // More rows arrived meanwhile than the new arrays hold (rare: a big synchronous catch-up): grow them too.
    target = emptyColumns(grownCapacity(h, h.count));
    copyRows(next, target, 0, done);
  }
  copyRows(h.columns, target, done, h.count);
  h.columns = target;
}
