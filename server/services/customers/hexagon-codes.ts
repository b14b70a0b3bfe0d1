// Each indexed customer's H3 hexagon at a resolution, as a small code per index row, so tallies per hexagon (Huff,
// choropleths) are one pass over typed arrays. Finding a customer's hexagon is the slow part (latLngToCell, about
// 1.5 µs, so 1.5–2.5 s for a million), so the server runs it in the audience worker pool, in slices of rows on every
// worker at once, off the event loop; the codes are kept until the index changes (its rows move on every upsert,
// removal or compaction).
import { latLngToCell } from 'h3-js';
import { ROWS } from './columns.js';
import type { CustomerIndex } from './customer-index.js';

export interface HexagonCodes {
  resolution: number;
  /** code → H3 index. */
  cells: string[];
  /** Index row → code; -1 for a removed row. */
  codeOfRow: Int32Array;
  /** Rows covered: [0, rows). */
  rows: number;
}

type Indexed = Pick<CustomerIndex, 'columns' | 'changes'>;

/** Codes for rows [from, to), numbered in order of first appearance within the slice. */
export interface HexagonSlice {
  cells: string[];
  codes: Int32Array;
}

/** Runs `hexagonSlice` somewhere (a worker) for rows [from, to) of these columns. */
export type SliceRunner = (
  columns: Indexed['columns'],
  task: { resolution: number; from: number; to: number },
) => Promise<HexagonSlice>;

/** Where the server finds the codes: from the cache, or computed in the pool when the index changed. */
export type HexagonCodesSource = (index: Indexed, resolution: number) => Promise<HexagonCodes>;

export function hexagonSlice(
  columns: Indexed['columns'],
  resolution: number,
  from: number,
  to: number,
): HexagonSlice {
  const codes = new Int32Array(to - from);
  const cells: string[] = [];
  const known = new Map<string, number>();
  const { lat, lng, alive } = columns;
  for (let row = from; row < to; row++) {
    if (alive[row] !== 1) {
      codes[row - from] = -1;
      continue;
    }
    const cell = latLngToCell(lat[row]!, lng[row]!, resolution);
    let code = known.get(cell);
    if (code === undefined) {
      code = cells.length;
      known.set(cell, code);
      cells.push(cell);
    }
    codes[row - from] = code;
  }
  return { cells, codes };
}

/** Slices (in row order) joined into one numbering: a pass over the rows with a small table per slice. */
export function joinSlices(resolution: number, slices: HexagonSlice[]): HexagonCodes {
  const rows = slices.reduce((n, s) => n + s.codes.length, 0);
  const codeOfRow = new Int32Array(rows);
  const cells: string[] = [];
  const global = new Map<string, number>();
  let offset = 0;
  for (const slice of slices) {
    const remap = Int32Array.from(slice.cells, (cell) => {
      let code = global.get(cell);
      if (code === undefined) {
        code = cells.length;
        global.set(cell, code);
        cells.push(cell);
      }
      return code;
    });
    for (let k = 0; k < slice.codes.length; k++) {
      const local = slice.codes[k]!;
      codeOfRow[offset + k] = local < 0 ? -1 : remap[local]!;
    }
    offset += slice.codes.length;
  }
  return { resolution, cells, codeOfRow, rows };
}

/** Codes for every live row, computed here (scripts, benches, and servers without a pool). */
export function computeHexagonCodes(columns: Indexed['columns'], resolution: number): HexagonCodes {
  const rows = Atomics.load(columns.meta, ROWS);
  return joinSlices(resolution, [hexagonSlice(columns, resolution, 0, rows)]);
}

const caches = new WeakMap<object, Map<number, { key: string; codes: HexagonCodes }>>();
const keyOf = (index: Indexed) => `${index.changes}|${index.columns.generation}`;

function kept(index: Indexed, resolution: number): HexagonCodes | null {
  const hit = caches.get(index)?.get(resolution);
  return hit?.key === keyOf(index) ? hit.codes : null;
}

function keep(index: Indexed, key: string, codes: HexagonCodes): void {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  cache.set(codes.resolution, { key, codes });
}

/** The index's codes at this resolution, from the cache while the index is unchanged (computed inline otherwise). */
export function hexagonCodes(index: Indexed, resolution: number): HexagonCodes {
  const hit = kept(index, resolution);
  if (hit) return hit;
  const key = keyOf(index);
  const codes = computeHexagonCodes(index.columns, resolution);
  keep(index, key, codes);
  return codes;
}

/**
 * The codes from the cache, or computed by `run` in `slices` slices at once (one per worker): the event loop only
 * joins them. Requests for the same index version and resolution share one computation.
 * @example const source = hexagonCodesInPool(runner, 2); const codes = await source(index, 8);
 */
export function hexagonCodesInPool(run: SliceRunner, slices: number): HexagonCodesSource {
  const pending = new Map<string, Promise<HexagonCodes>>();
  return async (index, resolution) => {
    const hit = kept(index, resolution);
    if (hit) return hit;
    const key = keyOf(index);
    const columns = index.columns;
    const rows = Atomics.load(columns.meta, ROWS);
    const pendingKey = `${key}|${resolution}`;
    let job = pending.get(pendingKey);
    if (!job) {
      const step = Math.ceil(rows / Math.max(1, slices)) || 1;
      const tasks = [];
      for (let from = 0; from < rows; from += step)
        tasks.push(run(columns, { resolution, from, to: Math.min(rows, from + step) }));
      job = Promise.all(tasks)
        .then((parts) => {
          const codes = joinSlices(resolution, parts);
          // The index may have changed while the workers ran: keep the codes only under the key they were made for.
          keep(index, key, codes);
          return codes;
        })
        .finally(() => pending.delete(pendingKey));
      pending.set(pendingKey, job);
    }
    const codes = await job;
    // Rows moved while the workers ran (an import, a compaction): these codes are stale, so work it out here.
    return keyOf(index) === key ? codes : hexagonCodes(index, resolution);
  };
}
