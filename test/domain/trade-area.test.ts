// The primary trade area: the shortest run of ranked H3 cells holding at least 70 % of a store's home customers.
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  countHomesByCell,
  dissolveCells,
  rankCells,
  tradeTiers,
  type CellCount,
} from '../../server/domain/trade-area.js';

const store: [number, number] = [13.4, 52.52];

/** Customers at growing distances east of the store, with a busy cluster far out (so the two rankings differ). */
function fixture() {
  const lng: number[] = [];
  const lat: number[] = [];
  const put = (dLng: number, dLat: number, n: number) => {
    for (let i = 0; i < n; i++) {
      lng.push(store[0] + dLng);
      lat.push(store[1] + dLat);
    }
  };
  put(0.001, 0, 12);
  put(0.006, 0.001, 9);
  put(-0.01, 0.004, 7);
  put(0.015, -0.006, 5);
  put(0.03, 0.02, 30); // the far, busy cluster
  put(-0.04, -0.01, 4);
  put(0.05, 0.03, 3);
  return { lng, lat };
}

const sum = (cells: CellCount[]) => cells.reduce((s, c) => s + c.customers, 0);

describe('trade areas from home customers', () => {
  const cells = countHomesByCell({ store, resolution: 9, ...fixture() });

  it('counts every customer once, in the cell they live in', () => {
    expect(sum(cells)).toBe(70);
    const near = cells.find((c) => c.cell === latLngToCell(store[1], store[0] + 0.001, 9));
    expect(near?.customers).toBe(12);
  });

  for (const rankBy of ['distance', 'customers'] as const) {
    it(`ranked by ${rankBy}: the primary area holds at least 70 % and no shorter run of the ranking does`, () => {
      const ranked = rankCells(cells, rankBy);
      const { total, primary, secondary } = tradeTiers(ranked, 70, 90);
      expect(total).toBe(70);
      expect(primary.customers * 100).toBeGreaterThanOrEqual(70 * total);
      const shorter = ranked.slice(0, primary.cells.length - 1);
      expect(sum(shorter) * 100).toBeLessThan(70 * total);
      // The secondary area carries on to 90 % and is no longer than it needs to be either.
      const both = primary.customers + secondary.customers;
      expect(both * 100).toBeGreaterThanOrEqual(90 * total);
      const last = secondary.cells.at(-1) ?? primary.cells.at(-1)!;
      expect((both - last.customers) * 100).toBeLessThan(90 * total);
    });
  }

  it('by distance, the primary cells are all nearer the store than any cell left out', () => {
    const { primary } = tradeTiers(rankCells(cells, 'distance'), 70, 90);
    const inside = new Set(primary.cells.map((c) => c.cell));
    const farthestIn = Math.max(...primary.cells.map((c) => c.meters));
    for (const c of cells)
      if (!inside.has(c.cell)) expect(c.meters).toBeGreaterThanOrEqual(farthestIn);
  });

  it('by customers, no set of fewer cells at all holds 70 %', () => {
    const { primary, total } = tradeTiers(rankCells(cells, 'customers'), 70, 90);
    const busiest = [...cells].sort((a, b) => b.customers - a.customers);
    const bestWithFewer = sum(busiest.slice(0, primary.cells.length - 1));
    expect(bestWithFewer * 100).toBeLessThan(70 * total);
    // Here the far cluster alone is 30 of 70: the busiest-first area takes it, the nearest-first one does not.
    expect(primary.cells.length).toBeLessThan(
      tradeTiers(rankCells(cells, 'distance'), 70, 90).primary.cells.length,
    );
  });

  it('reaches exactly 70 % without a floating-point shortfall (7 of 10 customers)', () => {
    const ten: CellCount[] = Array.from({ length: 10 }, (_, i) => ({
      cell: `c${i}`,
      customers: 1,
      meters: i,
    }));
    expect(tradeTiers(ten, 70, 90).primary.cells).toHaveLength(7);
  });

  it('a store without home customers has empty tiers', () => {
    const { primary, secondary, total } = tradeTiers([], 70, 90);
    expect([total, primary.cells.length, secondary.cells.length]).toEqual([0, 0, 0]);
    expect(dissolveCells([])).toBeNull();
  });

  it('dissolves neighbouring cells into one polygon without inner edges', () => {
    const { primary } = tradeTiers(rankCells(cells, 'distance'), 70, 90);
    const geometry = dissolveCells(primary.cells.map((c) => c.cell))!;
    if (geometry.type !== 'MultiPolygon') throw new Error('expected a MultiPolygon');
    const ring = geometry.coordinates[0]![0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    // GeoJSON order: longitude first.
    expect(Math.abs(ring[0]![0]! - store[0])).toBeLessThan(0.1);
  });
});
