// An area prepared once for millions of point tests: a grid over its bbox whose cells are inside, outside or edge.
// Points in inside/outside cells are answered by one array read; a point in an edge cell is tested only against
// the segments that can decide it (those in its row band starting left of the cell's right side), with the exact
// arithmetic of point-in-area.ts, so the grid agrees with pointInArea (and Turf) on every point, edges included.
import type { AreaGeometry } from '../schemas/geojson.js';
import { crossingsAt, ON_BOUNDARY, type Position } from './point-in-area.js';

export const OUTSIDE = 0;
export const INSIDE = 1;
export const EDGE = 2;
/** At most this many cells a side: 128 × 128 keeps preparation well under a millisecond for typical areas. */
export const MAX_CELLS_PER_SIDE = 128;
/** Cells per polygon segment: finer grids leave fewer points in edge cells but cost more to prepare. */
const CELLS_PER_SEGMENT = 16;
/** Even a triangle gets a 32 × 32 grid: cheap to prepare, and few points then need the exact test. */
const MIN_CELLS = 1024;

/** Plain typed arrays and numbers only, so a prepared grid can be posted to a worker thread. */
export interface AreaGrid {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cols: number;
  rows: number;
  /** Cells per degree (0 when the bbox has no width / height). */
  sx: number;
  sy: number;
  /** OUTSIDE, INSIDE or EDGE per cell, row by row. */
  cells: Uint8Array;
  /** ax, ay, bx, by per segment. */
  segs: Float64Array;
  /** Which polygon (of a MultiPolygon) each segment belongs to. */
  segPoly: Uint32Array;
  polygons: number;
  /** Segment ids of each row band, sorted by their smallest x: row r is rowSegs[rowStart[r] .. rowStart[r + 1]). */
  rowStart: Uint32Array;
  rowSegs: Uint32Array;
  /** Per cell: the end of the prefix of its row's list that can decide a point in the cell. */
  cellEnd: Uint32Array;
}

/**
 * Prepares a Polygon or MultiPolygon (closed rings) for `gridContains`.
 * @example const grid = prepareAreaGrid(polygon); gridContains(grid, 13.40, 52.52)
 */
export function prepareAreaGrid(
  geometry: AreaGeometry,
  { maxCellsPerSide = MAX_CELLS_PER_SIDE } = {},
): AreaGrid {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const { segs, segPoly } = flatten(polygons);
  const n = segPoly.length;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < segs.length; i += 2) {
    const x = segs[i] as number;
    const y = segs[i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const w = maxX - minX;
  const h = maxY - minY;
  // Roughly square cells on the ground: a degree of longitude shrinks with cos(latitude).
  const target = Math.min(
    maxCellsPerSide * maxCellsPerSide,
    Math.max(MIN_CELLS, n * CELLS_PER_SEGMENT),
  );
  const groundW = w * Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const clampSide = (v: number) => Math.max(1, Math.min(maxCellsPerSide, Math.round(v)));
  const cols =
    w > 0 && h > 0 ? clampSide(Math.sqrt((target * groundW) / h)) : w > 0 ? clampSide(target) : 1;
  const rows = h > 0 ? clampSide(target / cols) : 1;
  const sx = w > 0 ? cols / w : 0;
  const sy = h > 0 ? rows / h : 0;
  const cellW = w > 0 ? w / cols : 0;
  const cellH = h > 0 ? h / rows : 0;
  // Cells are marked conservatively: a segment within the rounding error of a cell makes it an edge cell,
  // which only costs an exact test; missing one would make the cell's answer wrong.
  const padX = cellW * 1e-7 + Number.EPSILON * 16 * Math.max(1, Math.abs(minX), Math.abs(maxX));
  const padY = cellH * 1e-7 + Number.EPSILON * 16 * Math.max(1, Math.abs(minY), Math.abs(maxY));
  const rowOf = (y: number) => Math.max(0, Math.min(rows - 1, Math.floor((y - minY) * sy)));
  const colOf = (x: number) => Math.max(0, Math.min(cols - 1, Math.floor((x - minX) * sx)));

  // Row bands: every segment whose y-range meets the (padded) band.
  const rowCount = new Uint32Array(rows + 1);
  const segRows = new Uint32Array(n * 2);
  for (let s = 0; s < n; s++) {
    const ay = segs[s * 4 + 1] as number;
    const by = segs[s * 4 + 3] as number;
    const r0 = rowOf(Math.min(ay, by) - padY);
    const r1 = rowOf(Math.max(ay, by) + padY);
    segRows[s * 2] = r0;
    segRows[s * 2 + 1] = r1;
    for (let r = r0; r <= r1; r++) rowCount[r + 1]!++;
  }
  const rowStart = new Uint32Array(rows + 1);
  for (let r = 0; r < rows; r++)
    rowStart[r + 1] = (rowStart[r] as number) + (rowCount[r + 1] as number);
  const rowSegs = new Uint32Array(rowStart[rows] as number);
  const fill = rowStart.slice(0, rows);
  for (let s = 0; s < n; s++)
    for (let r = segRows[s * 2] as number; r <= (segRows[s * 2 + 1] as number); r++)
      rowSegs[fill[r]!++] = s;
  const minXOf = (s: number) => Math.min(segs[s * 4] as number, segs[s * 4 + 2] as number);
  for (let r = 0; r < rows; r++) {
    const sorted = Array.from(rowSegs.subarray(rowStart[r], rowStart[r + 1])).sort(
      (a, b) => minXOf(a) - minXOf(b),
    );
    rowSegs.set(sorted, rowStart[r]);
  }

  // Edge cells: the cells each segment passes through, row band by row band.
  const cells = new Uint8Array(cols * rows);
  for (let s = 0; s < n; s++) {
    const [ax, ay, bx, by] = [
      segs[s * 4] as number,
      segs[s * 4 + 1] as number,
      segs[s * 4 + 2] as number,
      segs[s * 4 + 3] as number,
    ];
    const segMinX = Math.min(ax, bx);
    const segMaxX = Math.max(ax, bx);
    for (let r = segRows[s * 2] as number; r <= (segRows[s * 2 + 1] as number); r++) {
      let lo = segMinX;
      let hi = segMaxX;
      if (ay !== by) {
        const y0 = Math.max(Math.min(ay, by), minY + r * cellH - padY);
        const y1 = Math.min(Math.max(ay, by), minY + (r + 1) * cellH + padY);
        if (y0 > y1) continue;
        const x0 = ax + ((y0 - ay) * (bx - ax)) / (by - ay);
        const x1 = ax + ((y1 - ay) * (bx - ax)) / (by - ay);
        lo = Math.max(segMinX, Math.min(x0, x1));
        hi = Math.min(segMaxX, Math.max(x0, x1));
      }
      for (let c = colOf(lo - padX), end = colOf(hi + padX); c <= end; c++)
        cells[r * cols + c] = EDGE;
    }
  }

  // Per cell, how much of its row's list can matter: segments starting right of the cell cannot.
  const cellEnd = new Uint32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    let k = rowStart[r] as number;
    const end = rowStart[r + 1] as number;
    for (let c = 0; c < cols; c++) {
      const right = c === cols - 1 ? Infinity : minX + (c + 1) * cellW + padX;
      while (k < end && minXOf(rowSegs[k] as number) <= right) k++;
      cellEnd[r * cols + c] = k;
    }
  }

  const grid: AreaGrid = {
    minX,
    minY,
    maxX,
    maxY,
    cols,
    rows,
    sx,
    sy,
    cells,
    segs,
    segPoly,
    polygons: polygons.length,
    rowStart,
    rowSegs,
    cellEnd,
  };

  // A run of neighbouring non-edge cells in a row is one piece of plane no segment touches: one test for the run.
  for (let r = 0; r < rows; r++) {
    let c = 0;
    while (c < cols) {
      if (cells[r * cols + c] === EDGE) {
        c++;
        continue;
      }
      const x = minX + (c + 0.5) * cellW;
      const y = minY + (r + 0.5) * cellH;
      const status = edgeCellContains(grid, x, y, r, rowStart[r + 1] as number) ? INSIDE : OUTSIDE;
      while (c < cols && cells[r * cols + c] !== EDGE) cells[r * cols + c++] = status;
    }
  }
  return grid;
}

function flatten(polygons: readonly (readonly (readonly Position[])[])[]): {
  segs: Float64Array;
  segPoly: Uint32Array;
} {
  let n = 0;
  for (const rings of polygons) for (const ring of rings) n += Math.max(0, ring.length - 1);
  const segs = new Float64Array(n * 4);
  const segPoly = new Uint32Array(n);
  let s = 0;
  polygons.forEach((rings, p) => {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++, s++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        segs.set([a[0] as number, a[1] as number, b[0] as number, b[1] as number], s * 4);
        segPoly[s] = p;
      }
    }
  });
  return { segs, segPoly };
}

/**
 * Whether (x, y) lies in the prepared area, boundary included.
 * @example gridContains(prepareAreaGrid(square), 1, 1) // true
 */
export function gridContains(g: AreaGrid, x: number, y: number): boolean {
  if (!(x >= g.minX && x <= g.maxX && y >= g.minY && y <= g.maxY)) return false;
  let c = ((x - g.minX) * g.sx) | 0;
  if (c >= g.cols) c = g.cols - 1;
  let r = ((y - g.minY) * g.sy) | 0;
  if (r >= g.rows) r = g.rows - 1;
  const cell = r * g.cols + c;
  const kind = g.cells[cell];
  if (kind !== EDGE) return kind === INSIDE;
  return edgeCellContains(g, x, y, r, g.cellEnd[cell] as number);
}

/** The exact test for a point in row `r`, against that row's segments up to `end`; parity per polygon. */
export function edgeCellContains(
  g: AreaGrid,
  x: number,
  y: number,
  r: number,
  end: number,
): boolean {
  const { segs, rowSegs } = g;
  if (g.polygons === 1) {
    let crossings = 0;
    for (let k = g.rowStart[r] as number; k < end; k++) {
      const s = (rowSegs[k] as number) * 4;
      const hit = crossingsAt(
        x,
        y,
        segs[s] as number,
        segs[s + 1] as number,
        segs[s + 2] as number,
        segs[s + 3] as number,
      );
      if (hit === ON_BOUNDARY) return true;
      crossings += hit;
    }
    return (crossings & 1) === 1;
  }
  const parity = new Uint8Array(g.polygons);
  for (let k = g.rowStart[r] as number; k < end; k++) {
    const id = rowSegs[k] as number;
    const s = id * 4;
    const hit = crossingsAt(
      x,
      y,
      segs[s] as number,
      segs[s + 1] as number,
      segs[s + 2] as number,
      segs[s + 3] as number,
    );
    if (hit === ON_BOUNDARY) return true;
    if (hit === 1) parity[g.segPoly[id] as number]! ^= 1;
  }
  return parity.includes(1);
}
