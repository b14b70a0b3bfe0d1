// Territory colours: neighbouring cells never share one, and a few colours go a long way.
import { bboxPolygon, booleanIntersects, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  areaNeighbours,
  colorNeighbours,
} from '../../../server/domain/geometry/neighbour-colors.js';
import { nearestStoreTerritories } from '../../../server/domain/geometry/territories.js';

const square = (x: number, y: number) => bboxPolygon([x, y, x + 1, y + 1]).geometry;

describe('areaNeighbours', () => {
  it('links squares that share a side or a corner, not ones apart', () => {
    const cells = [square(0, 0), square(1, 0), square(2, 0), square(1, 1), square(5, 5)];
    expect(areaNeighbours(cells)).toEqual([[1, 3], [0, 2, 3], [1, 3], [0, 1, 2], []]);
  });

  it('links cells whose shared border does not line up vertex for vertex', () => {
    const left = square(0, 0);
    const right = polygon([
      [
        [1, 0.5],
        [2, 0.5],
        [2, 2],
        [1, 2],
        [1, 0.5],
      ],
    ]).geometry;
    expect(areaNeighbours([left, right])).toEqual([[1], [0]]);
  });
});

describe('colorNeighbours', () => {
  it('gives every cell of a chain a colour different from the cells beside it', () => {
    expect(colorNeighbours([[1], [0, 2], [1, 3], [2]], 10)).toEqual([1, 0, 1, 0]);
  });

  it('colours a wheel (a hub with five around it) with four colours', () => {
    const hub = [1, 2, 3, 4, 5];
    const rim = (i: number) => [0, ((i + 3) % 5) + 1, (i % 5) + 1];
    const colors = colorNeighbours([hub, ...[1, 2, 3, 4, 5].map(rim)], 10);
    expect(new Set(colors).size).toBeLessThanOrEqual(4);
    for (const i of hub) expect(colors[i]).not.toBe(colors[0]);
  });

  it('takes the colour fewest neighbours share when the palette runs out', () => {
    // A triangle with two colours: one pair must clash, but no cell is left without a colour.
    const colors = colorNeighbours(
      [
        [1, 2],
        [0, 2],
        [0, 1],
      ],
      2,
    );
    expect(colors.every((c) => c === 0 || c === 1)).toBe(true);
  });

  it('never gives two touching territories of 30 stores the same colour of ten', () => {
    // Stores scattered over a 0.2° square, placed by a fixed recipe so the test is the same every run.
    const stores = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      location: [13.3 + ((i * 0.6180339) % 1) * 0.2, 52.45 + ((i * 0.4142135) % 1) * 0.2],
    }));
    const extent = bboxPolygon([13.28, 52.43, 13.52, 52.67]).geometry;
    const { territories } = nearestStoreTerritories({ stores, extent });
    expect(territories).toHaveLength(30);
    const cells = territories.map((t) => t.geometry);
    const neighbours = areaNeighbours(cells);
    const colors = colorNeighbours(neighbours, 10);
    let pairs = 0;
    for (let i = 0; i < cells.length; i++)
      for (let j = i + 1; j < cells.length; j++) {
        if (!booleanIntersects(cells[i]!, cells[j]!)) continue;
        pairs += 1;
        expect(neighbours[i]).toContain(j);
        expect(colors[i]).not.toBe(colors[j]);
      }
    expect(pairs).toBeGreaterThan(29);
  });
});
