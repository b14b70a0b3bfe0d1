// Nearest-store territories: one cell per store, no overlaps, together they cover the extent.
import {
  area,
  booleanPointInPolygon,
  distance,
  feature,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  nearestStoreTerritories,
  type TerritoryStore,
} from '../../../server/domain/geometry/territories.js';
import { expectFixtureOutput, fixtures } from '../../helpers/geometry-fixtures.js';

type Shape = Polygon | MultiPolygon;
type Input = FeatureCollection<Point | Shape, { id?: string; role?: string }>;

function parse(input: Input): { stores: TerritoryStore[]; extent: Shape } {
  const stores = input.features
    .filter((f): f is Feature<Point, { id: string }> => f.geometry.type === 'Point')
    .map((f) => ({ id: f.properties.id, location: f.geometry.coordinates }));
  const extent = input.features.find((f) => f.properties.role === 'extent')!.geometry as Shape;
  return { stores, extent };
}

/** Cells pairwise share (almost) no area, and together they make up the extent. */
function expectPartition(cells: Shape[], extent: Shape) {
  const total = cells.reduce((sum, c) => sum + area(c), 0);
  expect(total / area(extent)).toBeCloseTo(1, 4);
  for (let i = 0; i < cells.length; i++) {
    for (let k = i + 1; k < cells.length; k++) {
      const shared = intersect(featureCollection([feature(cells[i]!), feature(cells[k]!)]));
      expect(shared ? area(shared) : 0).toBeLessThan(1); // m²: touching borders, not overlaps
    }
  }
  if (cells.length > 1)
    expect(
      area(union(featureCollection(cells.map((c) => feature(c))))!) / area(extent),
    ).toBeCloseTo(1, 4);
}

/** Deterministic points in a bbox (a Lehmer generator) so a failure can be replayed. */
function points(count: number, [minX, minY, maxX, maxY]: number[], seed: number): number[][] {
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => [
    minX! + next() * (maxX! - minX!),
    minY! + next() * (maxY! - minY!),
  ]);
}

describe('nearestStoreTerritories', () => {
  for (const { name, input } of fixtures<Input>('nearestStoreTerritories')) {
    it(`matches the fixture ${name}`, () => {
      const { stores, extent } = parse(input);
      const { territories, ...report } = nearestStoreTerritories({ stores, extent });
      const inside = stores.filter(
        (s) => !report.merged.some((m) => m.storeId === s.id) && !report.outside.includes(s.id),
      );
      expect(territories.map((t) => t.storeId)).toEqual(inside.map((s) => s.id));
      if (report.outside.length === 0)
        expectPartition(
          territories.map((t) => t.geometry),
          extent,
        );
      expectFixtureOutput('nearestStoreTerritories', name, {
        type: 'FeatureCollection',
        ...report,
        features: territories.map((t) => ({
          type: 'Feature',
          properties: { storeId: t.storeId },
          geometry: t.geometry,
        })),
      });
    });
  }

  it('gives every point of the city to its nearest store in metres (40 random stores, 300 random points)', () => {
    const extent: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [13.1, 52.35],
          [13.75, 52.35],
          [13.75, 52.68],
          [13.1, 52.68],
          [13.1, 52.35],
        ],
      ],
    };
    const bbox: [number, number, number, number] = [13.1, 52.35, 13.75, 52.68];
    const stores = points(40, bbox, 7).map((location, i) => ({ id: `s${i}`, location }));
    const { territories, failed, outside } = nearestStoreTerritories({ stores, extent });
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    expect(territories).toHaveLength(40);
    expectPartition(
      territories.map((t) => t.geometry),
      extent,
    );
    let checked = 0;
    for (const probe of points(300, bbox, 11)) {
      const distances = stores.map((s) => distance(s.location, probe, { units: 'meters' }));
      const sorted = distances.slice().sort((a, b) => a - b);
      if (sorted[1]! - sorted[0]! < 5) continue; // too close to a border to tell
      const nearest = stores[distances.indexOf(sorted[0]!)]!.id;
      const owner = territories.find((t) => booleanPointInPolygon(probe, t.geometry))?.storeId;
      expect(owner).toBe(nearest);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('never throws, even with no stores or a broken extent', () => {
    expect(
      nearestStoreTerritories({
        stores: [],
        extent: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      }).territories,
    ).toEqual([]);
    const broken = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [NaN, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    } as Polygon;
    const result = nearestStoreTerritories({
      stores: [
        { id: 'a', location: [0.2, 0.2] },
        { id: 'b', location: [0.8, 0.8] },
      ],
      extent: broken,
    });
    expect(result.territories.length + result.failed.length + result.outside.length).toBe(2);
  });
});
