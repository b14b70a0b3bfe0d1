// Union, subtract and intersect: areas add up, empty results are reasons, near-identical coordinates never throw.
import {
  area,
  booleanPointInPolygon,
  difference,
  feature,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  COMBINE_REASONS,
  combineAreas,
  type CombineOp,
} from '../../../server/domain/geometry/combine.js';
import { circlePolygon } from '../../../server/domain/geometry/circle.js';
import { validateAreaGeometry } from '../../../server/domain/geometry/validate-area.js';
import { expectFixtureOutput, fixtures } from '../../helpers/geometry-fixtures.js';

type Shape = Polygon | MultiPolygon;
const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const m2 = (g: Shape) => area(g);

describe('combineAreas', () => {
  for (const { name, input } of fixtures<
    FeatureCollection<Shape> & { properties: { op: CombineOp } }
  >('combineAreas')) {
    it(`matches the fixture ${name}`, () => {
      const result = combineAreas(
        input.properties.op,
        input.features.map((f) => f.geometry),
      );
      expect(result.ok).toBe(!name.endsWith('-is-empty'));
      if (result.ok) expect(validateAreaGeometry(result.geometry)).toMatchObject({ ok: true });
      expectFixtureOutput(
        'combineAreas',
        name,
        result.ok
          ? {
              type: 'Feature',
              properties: { ok: true, areaM2: Math.round(m2(result.geometry)) },
              geometry: result.geometry,
            }
          : { type: 'Feature', properties: { ok: false, reason: result.reason }, geometry: null },
      );
    });
  }

  it('takes 1.5 km around the store minus the industrial park: the areas add up and the park is outside', () => {
    const store = [13.405, 52.52];
    const around = circlePolygon({ center: store, radiusMeters: 1500 });
    const park: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [13.41, 52.515],
          [13.44, 52.512],
          [13.445, 52.53],
          [13.425, 52.535],
          [13.415, 52.525],
          [13.41, 52.515],
        ],
      ],
    };
    const result = combineAreas('subtract', [around, park]);
    if (!result.ok) throw new Error(result.message);
    const shared = intersect(featureCollection([feature(around), feature(park)]))!.geometry;
    expect(m2(result.geometry) + m2(shared)).toBeCloseTo(m2(around), -1);
    expect(booleanPointInPolygon([13.42, 52.52], result.geometry)).toBe(false);
    expect(booleanPointInPolygon(store, result.geometry)).toBe(true);
  });

  it('agrees with Turf on union and intersection sizes (inclusion–exclusion)', () => {
    const a = circlePolygon({ center: [13.4, 52.5], radiusMeters: 1200 });
    const b = circlePolygon({ center: [13.415, 52.505], radiusMeters: 900 });
    const joined = combineAreas('union', [a, b]);
    const shared = combineAreas('intersect', [a, b]);
    if (!joined.ok || !shared.ok) throw new Error('combine failed');
    expect(m2(joined.geometry) + m2(shared.geometry)).toBeCloseTo(m2(a) + m2(b), -1);
    expect(m2(joined.geometry)).toBeCloseTo(
      m2(union(featureCollection([feature(a), feature(b)]))!.geometry),
      -1,
    );
    expect(m2(shared.geometry)).toBeCloseTo(
      m2(intersect(featureCollection([feature(a), feature(b)]))!.geometry),
      -1,
    );
  });

  it('reports empty results as a reason: subtracting everything, disjoint intersections', () => {
    expect(combineAreas('subtract', [square(0, 0, 1, 1), square(-1, -1, 2, 2)])).toMatchObject({
      ok: false,
      reason: COMBINE_REASONS.empty,
    });
    expect(combineAreas('intersect', [square(0, 0, 1, 1), square(2, 2, 3, 3)])).toMatchObject({
      ok: false,
      reason: COMBINE_REASONS.empty,
    });
    expect(combineAreas('union', [square(0, 0, 1, 1)])).toMatchObject({
      ok: false,
      reason: COMBINE_REASONS.tooFew,
    });
  });

  it('succeeds after snapping where Turf alone throws, and reports a clipper failure as a reason', () => {
    const sliver: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1e-300, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    expect(() =>
      difference(featureCollection([feature(square(0, 0, 1, 1)), feature(sliver)])),
    ).toThrow();
    expect(combineAreas('subtract', [square(0, 0, 1, 1), sliver])).toMatchObject({
      ok: true,
      geometry: square(0, 0, 1, 1),
    });
    const broken: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [NaN, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    expect(combineAreas('union', [square(0, 0, 1, 1), broken])).toMatchObject({
      ok: false,
      reason: COMBINE_REASONS.failed,
      message: expect.stringContaining('degenerate'),
    });
  });

  it(
    'never throws on near-identical coordinates and duplicated vertices (60 random cases)',
    { timeout: 60_000 },
    () => {
      let seed = 42;
      const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      const ops: CombineOp[] = ['union', 'subtract', 'intersect'];
      let raw = 0;
      for (let i = 0; i < 60; i++) {
        const base = circlePolygon({
          center: [13.4 + next() * 0.01, 52.5],
          radiusMeters: 300 + next() * 500,
          steps: 64,
        });
        // A copy nudged by 1e-12…1e-10 degrees, with some vertices repeated: the classic clipper crash.
        const copy: Polygon = {
          type: 'Polygon',
          coordinates: [
            base.coordinates[0]!.flatMap((p, k) => {
              const q = [
                p[0]! + (next() - 0.5) * 10 ** -(10 + Math.floor(next() * 3)),
                p[1]! + (next() - 0.5) * 1e-11,
              ];
              return k % 7 === 3 ? [q, q] : [q];
            }),
          ],
        };
        copy.coordinates[0]![copy.coordinates[0]!.length - 1] = copy.coordinates[0]![0]!;
        const op = ops[i % 3]!;
        let result: ReturnType<typeof combineAreas> | undefined;
        expect(() => (result = combineAreas(op, [base, copy]))).not.toThrow();
        if (!result) throw new Error('no result');
        if (op === 'subtract')
          expect(result).toMatchObject({ ok: false, reason: COMBINE_REASONS.empty });
        else if (result.ok) expect(m2(result.geometry) / m2(base)).toBeCloseTo(1, 6);
        else throw new Error(`${op} ${i}: ${result.message}`);
        try {
          (op === 'union' ? union : op === 'subtract' ? difference : intersect)(
            featureCollection([feature(base), feature(copy)]),
          );
        } catch {
          raw++;
        }
      }
      console.log(`Turf alone threw on ${raw} of 60 near-identical cases`);
    },
  );
});
