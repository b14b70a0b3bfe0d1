// Every purchase in memory as columns sorted by UTC day, so a campaign's results read a window's rows as one range
// of typed arrays instead of millions of SQLite rows. Loading ten million rows takes tens of seconds, so it never
// happens inside a request: the server starts it at boot and `ready()` reads in chunks by rowid (keyset), yielding
// to the event loop between chunks, and sorts and grows the arrays in steps too (history-steps.ts); requests await
// `ready()` and health reports the progress meanwhile. New
// purchases are read after the rowid watermark and appended; a change to an existing one (purchase_changes moves) or
// newly imported customers that unlinked purchases may belong to rebuild a fresh copy beside the live one.
import type { Db } from '../../db/connection.js';
import type { PurchaseColumns } from '../../domain/campaigns/purchase-facts.js';
import {
  appendRows,
  emptyHistory,
  grownCapacity,
  rowsOfDays,
  type HistoryColumns,
  type HistoryRow,
} from './history-columns.js';
import {
  growInSteps,
  runSteps,
  sortByDayInSteps,
  tailWantsSort,
  type Steps,
} from './history-steps.js';

export { dayOfInstant } from './history-columns.js';

/** Rows read between two yields to the event loop: a few milliseconds of work. */
const CHUNK_ROWS = 4_000;
/** Rows sorted or moved between two yields: a few milliseconds of work too (reading a row costs far more). */
const STEP_ROWS = 100_000;
/** A history rebuilt this many times in a row because rows changed under it settles for the last copy. */
const MAX_RELOADS = 3;

export interface PurchaseRange {
  columns: PurchaseColumns;
  /** Row ranges [from, to) holding every purchase of the days asked for (and maybe others: check the day). */
  rows: [number, number][];
  /** Store ids by the code in `columns.store`. */
  storeIds: readonly string[];
}

export interface HistoryProgress {
  /** True once the history holds every purchase it has seen committed. */
  ready: boolean;
  /** Rows read so far (into the copy being built while loading). */
  rows: number;
  /** Share of the table read, 0–1 (by rowid, so an estimate when rows were deleted). */
  fraction: number;
}

export interface PurchaseHistory {
  /**
   * The purchases of UTC days fromDay … toDay, up to date with the table. Await `ready()` first: this catches up
   * synchronously, which is cheap after `ready()` but a full load without it.
   */
  range(fromDay: number, toDay: number): PurchaseRange;
  /** Brings the history up to date without blocking the event loop; concurrent callers share one load. */
  ready(): Promise<void>;
  progress(): HistoryProgress;
  /** Rows held (for the bench and tests). */
  size(): number;
  /** Stops a load in progress (server shutdown, before the database closes). */
  stop(): void;
}

export interface HistoryOptions {
  /** Rows per chunk between yields (tests make it small). */
  chunkRows?: number;
  /** Rows per step of sorting or growing the arrays between yields (tests make it small). */
  stepRows?: number;
}

interface TableState {
  version: number;
  maxRowid: number | null;
  maxSeq: number | null;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createPurchaseHistory(db: Db, options: HistoryOptions = {}): PurchaseHistory {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  const stepRows = options.stepRows ?? STEP_ROWS;
  let live: HistoryColumns | null = null;
  let building: HistoryColumns | null = null;
  let target = 0;
  let pending: Promise<void> | null = null;
  let stopped = false;

  const state = db.prepare(
    `SELECT (SELECT version FROM purchase_changes WHERE id = 1) AS version,
            (SELECT max(rowid) FROM purchases) AS maxRowid, (SELECT max(seq) FROM customers) AS maxSeq`,
  );
  const rowsAfter = db
    .prepare(
      `SELECT p.rowid, c.seq, p.purchased_at, p.amount, p.store_id FROM purchases p
       LEFT JOIN customers c ON c.id = p.customer_id WHERE p.rowid > ? ORDER BY p.rowid LIMIT ?`,
    )
    .raw();
  const read = (h: HistoryColumns, limit: number) =>
    appendRows(h, rowsAfter.iterate(h.loadedRowid, limit) as IterableIterator<HistoryRow>);

  const needsReload = (h: HistoryColumns | null, now: TableState) =>
    h === null ||
    now.version !== h.version ||
    (h.unlinked > 0 && (now.maxSeq ?? 0) !== h.customersSeq);

  /**
   * The synchronous catch-up: whatever `ready()` left (normally nothing), read at once. A fresh copy is sorted at
   * once too; rows appended to the live one wait as its unsorted tail (still in the answer) for `ready()` to sort.
   */
  function catchUpNow(): HistoryColumns {
    const now = state.get() as TableState;
    const reload = needsReload(live, now);
    const h = reload ? emptyHistory(now.version, now.maxSeq ?? 0) : live!;
    while (read(h, Number.MAX_SAFE_INTEGER) > 0);
    h.customersSeq = now.maxSeq ?? 0;
    if (reload) runSteps(sortByDayInSteps(h, Number.MAX_SAFE_INTEGER));
    live = h;
    return h;
  }

  function checkStopped() {
    if (stopped) throw new Error('purchase history stopped');
  }

  /** Runs steps with a turn of the event loop between each two. */
  async function inSteps(steps: Steps) {
    while (!steps.next().done) {
      checkStopped();
      await yieldToEventLoop();
    }
  }

  /** Reads rows after the watermark in chunks until none are left, yielding between chunks. */
  async function fill(h: HistoryColumns) {
    for (;;) {
      checkStopped();
      target = (state.get() as TableState).maxRowid ?? 0;
      // Room for the next chunk first, moved in steps: one move of ten million rows would hold the loop ~90 ms.
      const needed = h.count + chunkRows;
      if (needed > h.columns.day.length)
        await inSteps(growInSteps(h, grownCapacity(h, needed), stepRows));
      if (read(h, chunkRows) < chunkRows) return;
      await yieldToEventLoop();
    }
  }

  async function catchUp() {
    for (let attempt = 0; ; attempt++) {
      await yieldToEventLoop();
      const now = state.get() as TableState;
      if (!needsReload(live, now)) {
        // Appends only: the live copy grows in place (a reader in between catches up the rest itself).
        const h = live!;
        await fill(h);
        // Customers as they were before reading: one imported meanwhile relinks at the next call.
        h.customersSeq = now.maxSeq ?? 0;
        if (tailWantsSort(h)) await inSteps(sortByDayInSteps(h, stepRows));
        return;
      }
      building = emptyHistory(now.version, now.maxSeq ?? 0);
      await fill(building);
      const after = state.get() as TableState;
      const changedUnder = after.version !== building.version;
      // Rows changed while loading: the copy may hold a stale one, so build again (a few times at most).
      if (changedUnder && attempt + 1 < MAX_RELOADS) continue;
      // Sorted before it goes live, in steps: meanwhile the live copy (if any) still answers.
      await inSteps(sortByDayInSteps(building, stepRows));
      live = building;
      building = null;
      return;
    }
  }

  return {
    range(fromDay, toDay) {
      const h = catchUpNow();
      return { columns: h.columns, rows: rowsOfDays(h, fromDay, toDay), storeIds: h.storeIds };
    },
    ready() {
      pending ??= catchUp().finally(() => (pending = null));
      return pending;
    },
    progress() {
      const h = building ?? live;
      const loadedRowid = h?.loadedRowid ?? 0;
      return {
        ready: pending === null && live !== null,
        rows: h?.count ?? 0,
        fraction: target > 0 ? Math.min(1, loadedRowid / target) : live ? 1 : 0,
      };
    },
    size: () => live?.count ?? 0,
    stop() {
      stopped = true;
    },
  };
}
