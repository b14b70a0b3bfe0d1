// The customer tile's density layer: a regular grid of cells with how many customers each holds, at the cell's
// centre. The heatmap weighs by these counts, so it shows where customers live, not where clusters happen to sit.
// For aggregate-only roles a cell of fewer than k customers is left out, as a cluster of fewer would be, and the
// cells stop getting smaller past DENSITY_FINEST_AGGREGATE_ZOOM: a cell never narrows down to a doorstep.

/** The density layer's name inside a customer tile. */
export const CUSTOMER_DENSITY_LAYER = 'density';
/** Cells along each side of a tile. */
export const DENSITY_GRID_SIZE = 64;
/** Aggregate roles' cells keep this zoom's size (≈ 190 m in Berlin) when closer in: fewer cells per tile. */
export const DENSITY_FINEST_AGGREGATE_ZOOM = 11;

export interface DensityCell {
  type: 1;
  geometry: [number, number][];
  tags: { count: number };
}

/** Cells along a tile's side at zoom z: the full grid, or coarser for aggregate roles past their finest zoom. */
export function densityGridSize(z: number, aggregate: boolean): number {
  if (!aggregate || z <= DENSITY_FINEST_AGGREGATE_ZOOM) return DENSITY_GRID_SIZE;
  return Math.max(1, DENSITY_GRID_SIZE >> (z - DENSITY_FINEST_AGGREGATE_ZOOM));
}

/** Points in Web Mercator's unit square (0..1 across the world, y down), as tiles address it. */
export interface UnitPoints {
  x: Float64Array;
  y: Float64Array;
}

/**
 * Projects points once, so each tile's count is one cheap pass (a tile at zoom 0 holds every customer, and a tree
 * query that returns them all costs more than the pass).
 */
export function toUnitPoints(
  points: readonly { geometry: { coordinates: number[] } }[],
): UnitPoints {
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  points.forEach((p, i) => {
    const [lng, lat] = p.geometry.coordinates as [number, number];
    const sin = Math.sin((lat * Math.PI) / 180);
    x[i] = (lng + 180) / 360;
    y[i] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  });
  return { x, y };
}

/**
 * Counts the points that fall in tile z/x/y per grid cell, one feature per non-empty cell at its centre (in tile
 * pixels of `extent`). Points outside the tile are skipped, so neighbouring tiles never count one twice. Cells with
 * fewer than `minCount` points are left out.
 */
export function densityCells(
  points: UnitPoints,
  tile: { z: number; x: number; y: number },
  { gridSize, extent, minCount }: { gridSize: number; extent: number; minCount: number },
): DensityCell[] {
  const n = 2 ** tile.z;
  const counts = new Map<number, number>();
  for (let i = 0; i < points.x.length; i++) {
    const fx = points.x[i]! * n - tile.x;
    const fy = points.y[i]! * n - tile.y;
    if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) continue;
    const cell = Math.floor(fy * gridSize) * gridSize + Math.floor(fx * gridSize);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  const cellPx = extent / gridSize;
  const cells: DensityCell[] = [];
  for (const [cell, count] of counts) {
    if (count < minCount) continue;
    const col = cell % gridSize;
    const row = (cell - col) / gridSize;
    cells.push({
      type: 1,
      geometry: [[Math.round((col + 0.5) * cellPx), Math.round((row + 0.5) * cellPx)]],
      tags: { count },
    });
  }
  return cells;
}
