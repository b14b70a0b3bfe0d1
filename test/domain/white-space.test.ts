// White space on a made-up city of two square neighbourhoods, a store in the west and customers mostly there: the
// residents add up to the population, and the hexagons found are in the east, far from the store, least served first.
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { customersByCell, residentsByCell, whiteSpace } from '../../server/domain/white-space.js';

const box = (minX: number, minY: number, maxX: number, maxY: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [minX, minY],
      [maxX, minY],
      [maxX, maxY],
      [minX, maxY],
      [minX, minY],
    ],
  ],
});
const west = { population: 30_000, geometry: box(13.3, 52.5, 13.4, 52.56) };
const east = { population: 30_000, geometry: box(13.4, 52.5, 13.5, 52.56) };

/** A grid of customers over a box, `step` degrees apart. */
function grid(
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  step: number,
): [number, number][] {
  const points: [number, number][] = [];
  for (let x = minX + step / 2; x < maxX; x += step)
    for (let y = minY + step / 2; y < maxY; y += step) points.push([x, y]);
  return points;
}

describe('white space', () => {
  it("spreads each neighbourhood's residents over its hexagons, adding up to its population", () => {
    const cells = residentsByCell([west], 8);
    const total = [...cells.values()].reduce((s, n) => s + n, 0);
    expect(cells.size).toBeGreaterThan(40);
    expect(total).toBeGreaterThan(30_000 * 0.9);
    expect(total).toBeLessThan(30_000 * 1.1);
  });

  it('finds populous hexagons far from any store with fewer customers than the city average, least served first', () => {
    const customers = [
      ...grid(13.3, 52.5, 13.4, 52.56, 0.004),
      ...grid(13.4, 52.5, 13.5, 52.56, 0.02),
    ];
    const result = whiteSpace(
      {
        residents: residentsByCell([west, east], 8),
        customers: customersByCell(customers, 8),
        stores: [[13.35, 52.53]],
      },
      { resolution: 8, minStoreKm: 2, minResidents: 100, limit: 10 },
    );
    expect(result.cells.length).toBe(10);
    expect(result.cityPenetration).toBeGreaterThan(0);
    for (const cell of result.cells) {
      expect(cell.nearestStoreKm!).toBeGreaterThanOrEqual(2);
      expect(cell.penetration).toBeLessThan(result.cityPenetration);
      expect(cell.center[0]).toBeGreaterThan(13.38); // the east, or the far edge of the west
      expect(cell.geometry.coordinates[0]).toHaveLength(7); // a closed hexagon
    }
    const untapped = result.cells.map((c) => c.untapped);
    expect(untapped).toEqual([...untapped].sort((a, b) => b - a));
    expect(result.cells[0]!.untapped).toBeCloseTo(
      result.cells[0]!.residents * result.cityPenetration - result.cells[0]!.customers,
      0,
    );
  });

  it('finds nothing where every hexagon is near a store; without stores, only the hexagons below the average', () => {
    const everywhere = grid(13.3, 52.5, 13.5, 52.56, 0.004);
    const nearStores = whiteSpace(
      {
        residents: residentsByCell([west, east], 8),
        customers: new Map(),
        stores: grid(13.3, 52.5, 13.5, 52.56, 0.01),
      },
      { resolution: 8, minStoreKm: 1.5, minResidents: 0, limit: 10 },
    );
    expect(nearStores.cells).toEqual([]);
    const served = whiteSpace(
      {
        residents: residentsByCell([west, east], 8),
        customers: customersByCell(everywhere, 8),
        stores: [],
      },
      { resolution: 8, minStoreKm: 1.5, minResidents: 0, limit: 500 },
    );
    // Without stores, every hexagon below the average qualifies, and none at or above it.
    expect(served.cells.length).toBeGreaterThan(0);
    expect(served.cells.length).toBeLessThan(served.hexagons);
    expect(
      served.cells.every(
        (c) => c.nearestStoreKm === null && c.penetration < served.cityPenetration,
      ),
    ).toBe(true);
  });
});
