// Where a store's customers really come from: its customers' homes counted per H3 cell, the cells ranked (nearest
// the store first, or busiest first), and the shortest run of that ranking that holds a share of them taken as the
// primary trade area; the cells after it, up to a larger share, as the secondary one.
import { cellsToMultiPolygon, greatCircleDistance, cellToLatLng, latLngToCell } from 'h3-js';
import type { AreaGeometry } from './schemas/geojson.js';
import type { TradeAreaRanking } from './schemas/trade-area.js';

export interface CellCount {
  cell: string;
  customers: number;
  /** From the store to the cell's centre. */
  meters: number;
}

/** Customers per cell, with each cell's distance from the store. */
export function countHomesByCell(options: {
  store: readonly [number, number];
  lng: ArrayLike<number>;
  lat: ArrayLike<number>;
  resolution: number;
}): CellCount[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < options.lng.length; i++) {
    const cell = latLngToCell(options.lat[i]!, options.lng[i]!, options.resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  const [storeLng, storeLat] = options.store;
  return [...counts].map(([cell, customers]) => {
    const [lat, lng] = cellToLatLng(cell);
    return { cell, customers, meters: greatCircleDistance([storeLat, storeLng], [lat, lng], 'm') };
  });
}

/**
 * The ranking: by distance, nearest first (busier first among equals); by customers, busiest first (nearer first
 * among equals); the cell id breaks remaining ties so the answer never depends on input order.
 */
export function rankCells(cells: CellCount[], rankBy: TradeAreaRanking): CellCount[] {
  const byId = (a: CellCount, b: CellCount) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0);
  return [...cells].sort((a, b) =>
    rankBy === 'distance'
      ? a.meters - b.meters || b.customers - a.customers || byId(a, b)
      : b.customers - a.customers || a.meters - b.meters || byId(a, b),
  );
}

export interface TradeTier {
  cells: CellCount[];
  customers: number;
}

/**
 * Splits a ranking into the primary tier (the shortest prefix holding at least `primaryPercent` of all customers)
 * and the secondary tier (the cells after it, up to the shortest prefix holding `secondaryPercent`).
 * @example tradeTiers(rankCells(cells, 'distance'), 70, 90).primary.customers // ≥ 70 % of the total
 */
export function tradeTiers(
  ranked: CellCount[],
  primaryPercent: number,
  secondaryPercent: number,
): { total: number; primary: TradeTier; secondary: TradeTier } {
  const total = ranked.reduce((sum, c) => sum + c.customers, 0);
  const prefixHolding = (percent: number) => {
    let sum = 0;
    for (let i = 0; i < ranked.length; i++) {
      sum += ranked[i]!.customers;
      // Whole customers: 70 % of 10 is 7, and 7 · 100 ≥ 70 · 10 holds exactly (no floating-point shortfall).
      if (sum * 100 >= percent * total) return i + 1;
    }
    return ranked.length;
  };
  const primaryEnd = total === 0 ? 0 : prefixHolding(primaryPercent);
  const secondaryEnd = total === 0 ? 0 : Math.max(primaryEnd, prefixHolding(secondaryPercent));
  const tier = (cells: CellCount[]): TradeTier => ({
    cells,
    customers: cells.reduce((sum, c) => sum + c.customers, 0),
  });
  return {
    total,
    primary: tier(ranked.slice(0, primaryEnd)),
    secondary: tier(ranked.slice(primaryEnd, secondaryEnd)),
  };
}

/** The cells dissolved into one (Multi)Polygon in GeoJSON order; null for no cells. */
export function dissolveCells(cells: string[]): AreaGeometry | null {
  if (cells.length === 0) return null;
  return {
    type: 'MultiPolygon',
    coordinates: cellsToMultiPolygon(cells, true) as [number, number][][][],
  };
}
