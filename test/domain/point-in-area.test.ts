// Fixture-driven: pointInArea and the prepared grid agree with Turf's booleanPointInPolygon (edges inclusive)
// on thousands of random points per fixture, and on every vertex, edge point and ray-degenerate point.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { pointInArea } from '../../server/domain/geometry/point-in-area.js';
import { EDGE, gridContains, prepareAreaGrid } from '../../server/domain/geometry/area-grid.js';
import type { AreaGeometry } from '../../server/domain/schemas/geojson.js';

const dir = 'test/fixtures/point-in-area';
const fixtures = readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.geojson'));

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Random points over the bbox (plus a margin), every vertex, points along every edge, and points level with vertices. */
function testPoints(geometry: AreaGeometry, count: number, seed: number): [number, number][] {
  const rings = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ).flat();
  const all = rings.flat() as [number, number][];
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const mx = (maxX - minX) * 0.1;
  const my = (maxY - minY) * 0.1;
  const rnd = random(seed);
  const points: [number, number][] = [];
  for (let i = 0; i < count; i++)
    points.push([
      minX - mx + rnd() * (maxX - minX + 2 * mx),
      minY - my + rnd() * (maxY - minY + 2 * my),
    ]);
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] as [number, number];
      const [bx, by] = ring[i + 1] as [number, number];
      points.push(
        [ax, ay],
        [(ax + bx) / 2, (ay + by) / 2],
        [ax + (bx - ax) / 3, ay + (by - ay) / 3],
      );
      points.push([ax + 1e-9, ay], [ax - 1e-9, ay], [ax, ay + 1e-9], [ax, ay - 1e-9]);
      points.push([minX - mx + rnd() * (maxX - minX + 2 * mx), ay]); // level with a vertex: the ray runs through it
    }
  }
  return points;
}

describe.each(fixtures)('point in area: %s', (file) => {
  const feature = JSON.parse(readFileSync(join(dir, 'in', file), 'utf8')) as {
    properties: { randomPoints: number; maxEdgeCellShare?: number };
    geometry: AreaGeometry;
  };
  const { geometry } = feature;
  const points = testPoints(geometry, feature.properties.randomPoints, file.length * 7919);
  const expected = points.map((p) => booleanPointInPolygon(p, geometry));

  it('pointInArea agrees with Turf on every point', () => {
    const wrong = points.filter((p, i) => pointInArea(p, geometry) !== expected[i]);
    expect(wrong).toEqual([]);
  });

  it.each([1, 4, 16, 128])(
    'the prepared grid (up to %i cells a side) agrees with Turf on every point',
    (maxCellsPerSide) => {
      const grid = prepareAreaGrid(geometry, { maxCellsPerSide });
      const wrong = points.filter((p, i) => gridContains(grid, p[0], p[1]) !== expected[i]);
      expect(wrong).toEqual([]);
    },
  );

  it('leaves most of the grid to one array read (few edge cells)', () => {
    const grid = prepareAreaGrid(geometry);
    const edges = grid.cells.filter((k) => k === EDGE).length;
    expect(edges).toBeLessThan(grid.cells.length * (feature.properties.maxEdgeCellShare ?? 0.5));
  });

  it('counts the same points inside as last time (out/)', () => {
    const outFile = join(dir, 'out', file.replace('.geojson', '.json'));
    const summary = { points: points.length, inside: expected.filter(Boolean).length };
    if (process.env.REGEN) writeFileSync(outFile, JSON.stringify(summary, null, 2) + '\n');
    expect(summary).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
  });
});

describe('point in area semantics', () => {
  const square: AreaGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    ],
  };
  const grid = prepareAreaGrid(square);
  it.each([
    [[0.5, 0.5], true, 'inside the outer ring'],
    [[2, 2], false, 'inside the hole'],
    [[0, 2], true, 'on the outer edge'],
    [[4, 4], true, 'on an outer vertex'],
    [[1, 2], true, "on the hole's edge"],
    [[3, 3], true, "on the hole's vertex"],
    [[4.000001, 2], false, 'just outside'],
  ] as const)('%j is %s (%s)', (point, inside, _why) => {
    expect(pointInArea(point, square)).toBe(inside);
    expect(gridContains(grid, point[0], point[1])).toBe(inside);
  });

  it('counts a point in any polygon of a MultiPolygon', () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 6],
            [5, 5],
          ],
        ],
      ],
    };
    const g = prepareAreaGrid(multi);
    for (const [p, inside] of [
      [[0.5, 0.5], true],
      [[5.5, 5.5], true],
      [[3, 3], false],
      [[6, 5.5], true],
    ] as const) {
      expect(pointInArea(p, multi)).toBe(inside);
      expect(gridContains(g, p[0], p[1])).toBe(inside);
    }
  });
});
