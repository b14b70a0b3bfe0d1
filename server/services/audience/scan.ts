// The audience hot loop: visit the index cells an area touches, skip cells wholly outside it, test points only in
// cells that straddle its boundary, apply the compiled segment, and count. Runs inline or in a worker thread.
import {
  EDGE,
  INSIDE,
  OUTSIDE,
  gridContains,
  type AreaGrid,
} from '../../domain/geometry/area-grid.js';
import { NEVER, ROWS, type IndexColumns } from '../customers/columns.js';
import type { CompiledFilter } from './filter.js';
import { behaviourMatches } from './behaviour-filter.js';

/** Raw tallies by code; audience-result.ts turns them into the API's Audience. */
export interface AudienceCounts {
  count: number;
  consented: number;
  revenue: number;
  ageBands: Uint32Array;
  genders: Uint32Array;
  loyaltyTiers: Uint32Array;
  lapsed: Uint32Array;
  jobs: Uint32Array;
  industries: Uint32Array;
  /** By interest code. */
  interests: Uint32Array;
}

/** Age code (0–130, 255 unknown) → index in ageBands. */
const AGE_BAND = new Uint8Array(256).map((_, age) =>
  age > 130
    ? 7
    : age < 18
      ? 0
      : age < 25
        ? 1
        : age < 35
          ? 2
          : age < 45
            ? 3
            : age < 55
              ? 4
              : age < 65
                ? 5
                : 6,
);

/**
 * How an index cell's rectangle lies in the area: OUTSIDE or INSIDE for every point `gridContains` could be asked
 * about in it (same cell arithmetic), else EDGE.
 */
function classifyRect(a: AreaGrid, x0: number, y0: number, x1: number, y1: number): number {
  if (x1 < a.minX || x0 > a.maxX || y1 < a.minY || y0 > a.maxY) return OUTSIDE;
  const within = x0 >= a.minX && x1 <= a.maxX && y0 >= a.minY && y1 <= a.maxY;
  const col = (x: number) => Math.min(a.cols - 1, Math.floor((x - a.minX) * a.sx));
  const row = (y: number) => Math.min(a.rows - 1, Math.floor((y - a.minY) * a.sy));
  const c0 = col(Math.max(x0, a.minX));
  const c1 = col(Math.min(x1, a.maxX));
  const r0 = row(Math.max(y0, a.minY));
  const r1 = row(Math.min(y1, a.maxY));
  const first = a.cells[r0 * a.cols + c0] as number;
  if (first === EDGE || (first === INSIDE && !within)) return EDGE;
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) if (a.cells[r * a.cols + c] !== first) return EDGE;
  return first;
}

/** Whether index row i is a live customer the compiled segment keeps (same meaning as inSegment). */
export function rowMatcher(c: IndexColumns, f: CompiledFilter): (i: number) => boolean {
  return (i) => {
    if (c.alive[i] !== 1) return false;
    if (f.consentedOnly && c.consent[i] !== 1) return false;
    if (f.ageOk !== null && f.ageOk[c.age[i] as number] !== 1) return false;
    if (((f.genderMask >> (c.gender[i] as number)) & 1) === 0) return false;
    if (((f.loyaltyMask >> (c.loyalty[i] as number)) & 1) === 0) return false;
    const spend = c.spend[i] as number;
    if (spend < f.minSpend || spend > f.maxSpend) return false;
    const day = c.lastDay[i] as number;
    if (day > f.lastDayMax || day < f.lastDayMin) return false;
    if (f.jobOk !== null && f.jobOk[c.job[i] as number] !== 1) return false;
    if (f.industryOk !== null && f.industryOk[c.industry[i] as number] !== 1) return false;
    if (f.storeOk !== null && f.storeOk[c.store[i] as number] !== 1) return false;
    if (f.interestMask !== null) {
      let any = 0;
      for (let w = 0; w < c.words; w++)
        any |= (c.interests[i * c.words + w] as number) & (f.interestMask[w] as number);
      if (any === 0) return false;
    }
    return f.behaviour === null || behaviourMatches(c, f.behaviour, i);
  };
}

/** Calls `visit(row)` for every live customer, wherever they live, who matches the filter (the map, white space). */
export function forEachMatchAnywhere(
  c: IndexColumns,
  f: CompiledFilter,
  visit: (row: number) => void,
): void {
  const matches = rowMatcher(c, f);
  const rows = Atomics.load(c.meta, ROWS);
  for (let i = 0; i < rows; i++) if (matches(i)) visit(i);
}

/** Calls `visit(row)` for every live customer inside the area who matches the filter. */
export function forEachMatch(
  c: IndexColumns,
  area: AreaGrid,
  f: CompiledFilter,
  visit: (row: number) => void,
): void {
  const g = c.grid;
  const matches = rowMatcher(c, f);

  // The sorted region: only the index cells under the area's bbox, whole cells skipped or taken when possible.
  if (c.baseCount > 0 && g.sx >= 0) {
    const colOf = (x: number) => Math.max(0, Math.min(g.cols - 1, Math.floor((x - g.minX) * g.sx)));
    const rowOf = (y: number) => Math.max(0, Math.min(g.rows - 1, Math.floor((y - g.minY) * g.sy)));
    const [c0, c1, r0, r1] = [
      colOf(area.minX),
      colOf(area.maxX),
      rowOf(area.minY),
      rowOf(area.maxY),
    ];
    // Rows are binned by rounded arithmetic; widen each cell's rectangle so it surely holds every row binned into it.
    const padX = g.cellW * 1e-6 + 1e-12;
    const padY = g.cellH * 1e-6 + 1e-12;
    const edgeCols = g.cols === 1;
    const edgeRows = g.rows === 1;
    for (let r = r0; r <= r1; r++) {
      // Cells on the grid's border also hold rows clamped into them from beyond: never treat those as a rectangle.
      const y0 = edgeRows || r === 0 ? -Infinity : g.minY + r * g.cellH - padY;
      const y1 = edgeRows || r === g.rows - 1 ? Infinity : g.minY + (r + 1) * g.cellH + padY;
      for (let col = c0; col <= c1; col++) {
        const k = r * g.cols + col;
        const start = c.cellStart[k] as number;
        const end = c.cellStart[k + 1] as number;
        if (start === end) continue;
        const x0 = edgeCols || col === 0 ? -Infinity : g.minX + col * g.cellW - padX;
        const x1 = edgeCols || col === g.cols - 1 ? Infinity : g.minX + (col + 1) * g.cellW + padX;
        const kind = classifyRect(area, x0, y0, x1, y1);
        if (kind === OUTSIDE) continue;
        if (kind === INSIDE) {
          for (let i = start; i < end; i++) if (matches(i)) visit(i);
        } else {
          // The segment first: its checks are cheaper than a point-in-polygon test and usually reject most rows.
          for (let i = start; i < end; i++)
            if (matches(i) && gridContains(area, c.lng[i] as number, c.lat[i] as number)) visit(i);
        }
      }
    }
  }
  // The unsorted tail (rows written since the last compaction): every one is tested.
  const rows = Atomics.load(c.meta, ROWS);
  for (let i = c.baseCount; i < rows; i++)
    if (matches(i) && gridContains(area, c.lng[i] as number, c.lat[i] as number)) visit(i);
}

export function countAudience(
  c: IndexColumns,
  area: AreaGrid,
  f: CompiledFilter,
  dictionarySizes: { jobs: number; industries: number },
): AudienceCounts {
  const out: AudienceCounts = {
    count: 0,
    consented: 0,
    revenue: 0,
    ageBands: new Uint32Array(8),
    genders: new Uint32Array(4),
    loyaltyTiers: new Uint32Array(4),
    lapsed: new Uint32Array(6),
    jobs: new Uint32Array(Math.max(dictionarySizes.jobs, 1)),
    industries: new Uint32Array(Math.max(dictionarySizes.industries, 1)),
    interests: new Uint32Array(c.words * 32),
  };
  const atDay = f.atDay;
  forEachMatch(c, area, f, (i) => {
    out.count++;
    out.consented += c.consent[i] as number;
    out.revenue += c.spend[i] as number;
    out.ageBands[AGE_BAND[c.age[i] as number] as number]!++;
    out.genders[c.gender[i] as number]!++;
    out.loyaltyTiers[c.loyalty[i] as number]!++;
    const day = c.lastDay[i] as number;
    const since = atDay - day;
    out.lapsed[
      day === NEVER ? 5 : since < 30 ? 0 : since < 60 ? 1 : since < 90 ? 2 : since < 180 ? 3 : 4
    ]!++;
    out.jobs[c.job[i] as number]!++;
    out.industries[c.industry[i] as number]!++;
    for (let w = 0; w < c.words; w++) {
      let bits = c.interests[i * c.words + w] as number;
      while (bits !== 0) {
        const low = bits & -bits;
        out.interests[w * 32 + 31 - Math.clz32(low)]!++;
        bits ^= low;
      }
    }
  });
  return out;
}

/** The seqs of the matching customers, in seq order (for exports). */
export function matchingSeqs(c: IndexColumns, area: AreaGrid, f: CompiledFilter): Float64Array {
  const found: number[] = [];
  forEachMatch(c, area, f, (i) => found.push(c.seq[i] as number));
  return Float64Array.from(found).sort();
}
