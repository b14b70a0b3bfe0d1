// Every purchase in memory as columns sorted by UTC day, so a campaign's results read a window's rows as one range
// of typed arrays instead of millions of SQLite rows. Loading ten million rows takes tens of seconds, so it never
// happens inside a request: the server starts it at boot and `ready()` reads in chunks by rowid (keyset), yielding
// to the event loop between chunks; requests await `ready()` and health reports the progress meanwhile. New
// purchases are read after the rowid watermark and appended; a change to an existing one (purchase_changes moves) or
// newly imported customers that unlinked purchases may belong to rebuild a fresh copy beside the live one.
import type { Db } from '../../db/connection.js';
import type { PurchaseColumns } from '../../domain/campaigns/purchase-facts.js';
import {
  appendRows,
  emptyHistory,
  rowsOfDays,
  sortByDay,
  type HistoryColumns,
  type HistoryRow,
} from './history-columns.js';

export { dayOfInstant } from './history-columns.js';

/** Appended rows are sorted in once they are this many, or a tenth of the sorted ones. */
const TAIL_MAX = 50_000;
/** Rows read between two yields to the event loop: a few milliseconds of work. */
const CHUNK_ROWS = 4_000;
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
}

interface TableState {
  version: number;
  maxRowid: number | null;
  maxSeq: number | null;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createPurchaseHistory(db: Db, options: HistoryOptions = {}): PurchaseHistory {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
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

  function settle(h: HistoryColumns, now: TableState, reloaded: boolean) {
    h.customersSeq = now.maxSeq ?? 0;
    if (reloaded || h.count - h.sorted > Math.max(TAIL_MAX, h.sorted / 10)) sortByDay(h);
  }

  /** The synchronous catch-up: whatever `ready()` left (normally nothing), read at once. */
  function catchUpNow(): HistoryColumns {
    const now = state.get() as TableState;
    const reload = needsReload(live, now);
    const h = reload ? emptyHistory(now.version, now.maxSeq ?? 0) : live!;
    while (read(h, Number.MAX_SAFE_INTEGER) > 0);
    settle(h, now, reload);
    live = h;
    return h;
  }

  /** Reads rows after the watermark in chunks until none are left, yielding between chunks. */
  async function fill(h: HistoryColumns) {
    for (;;) {
      if (stopped) throw new Error('purchase history stopped');
      target = (state.get() as TableState).maxRowid ?? 0;
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
        await fill(live!);
        // Customers as they were before reading: one imported meanwhile relinks at the next call.
        settle(live!, now, false);
        return;
      }
      building = emptyHistory(now.version, now.maxSeq ?? 0);
      await fill(building);
      const after = state.get() as TableState;
      const changedUnder = after.version !== building.version;
      // Rows changed while loading: the copy may hold a stale one, so build again (a few times at most).
      if (changedUnder && attempt + 1 < MAX_RELOADS) continue;
      settle(building, now, true);
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
