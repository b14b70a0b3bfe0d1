// Each indexed customer's H3 hexagon at a resolution, as a small code per index row, so tallies per hexagon (Huff,
// choropleths) are one pass over typed arrays. Finding a customer's hexagon is the slow part (latLngToCell, about
// 1.5 µs), so the codes are kept until the index changes: its rows move on every upsert, removal or compaction.
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

const caches = new WeakMap<object, Map<number, { key: string; codes: HexagonCodes }>>();

/** Codes for every live row: computed from the columns. */
export function computeHexagonCodes(columns: Indexed['columns'], resolution: number): HexagonCodes {
  const rows = Atomics.load(columns.meta, ROWS);
  const codeOfRow = new Int32Array(rows);
  const cells: string[] = [];
  const codes = new Map<string, number>();
  const { lat, lng, alive } = columns;
  for (let row = 0; row < rows; row++) {
    if (alive[row] !== 1) {
      codeOfRow[row] = -1;
      continue;
    }
    const cell = latLngToCell(lat[row]!, lng[row]!, resolution);
    let code = codes.get(cell);
    if (code === undefined) {
      code = cells.length;
      codes.set(cell, code);
      cells.push(cell);
    }
    codeOfRow[row] = code;
  }
  return { resolution, cells, codeOfRow, rows };
}

/** The index's codes at this resolution, from the cache while the index is unchanged. */
export function hexagonCodes(index: Indexed, resolution: number): HexagonCodes {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const key = `${index.changes}|${index.columns.generation}`;
  const kept = cache.get(resolution);
  if (kept?.key === key) return kept.codes;
  const codes = computeHexagonCodes(index.columns, resolution);
  cache.set(resolution, { key, codes });
  return codes;
}
