// Area validation: every reason with the path of the first bad part; self-intersections agree with turf.kinks.
import { kinks } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  AREA_REASONS,
  MAX_AREA_VERTICES,
  validateAreaGeometry,
} from '../../../server/domain/geometry/validate-area.js';
import { firstCrossing } from '../../../server/domain/geometry/self-intersections.js';
import { circlePolygon } from '../../../server/domain/geometry/circle.js';
import { expectFixtureOutput, fixtures } from '../../helpers/geometry-fixtures.js';

/** Deterministic pseudo-random numbers (mulberry32) so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A ring of n points around a centre at random angles and radii: sometimes simple, often crossing itself. */
function randomRing(
  next: () => number,
  n: number,
  [cx, cy]: number[],
  sorted: boolean,
): Position[] {
  const angles = Array.from({ length: n }, () => next() * 2 * Math.PI);
  if (sorted) angles.sort((a, b) => a - b);
  const ring = angles.map((a) => {
    const r = 0.005 + next() * 0.02;
    return [cx! + r * Math.cos(a), cy! + r * Math.sin(a)];
  });
  return [...ring, ring[0]!];
}

describe('validateAreaGeometry', () => {
  for (const { name, input } of fixtures<Feature>('validateAreaGeometry')) {
    it(`gives the expected verdict for ${name}`, () => {
      const result = validateAreaGeometry(input.geometry);
      expect(result.ok).toBe(name.startsWith('valid-'));
      expectFixtureOutput('validateAreaGeometry', name, result.ok ? { ok: true } : result);
    });
  }

  it('says where a bow-tie crosses itself', () => {
    const result = validateAreaGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [13.4, 52.5],
          [13.42, 52.52],
          [13.42, 52.5],
          [13.4, 52.52],
          [13.4, 52.5],
        ],
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      reason: AREA_REASONS.selfIntersection,
      path: 'geometry.coordinates[0][0]',
      at: [13.41, 52.51],
    });
    expect(!result.ok && result.message).toContain('[13.41, 52.51]');
  });

  it('hints that longitude and latitude may be swapped when that would fit', () => {
    const result = validateAreaGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [-33.87, 151.2],
          [-33.87, 151.22],
          [-33.85, 151.22],
          [-33.87, 151.2],
        ],
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      reason: AREA_REASONS.coordinateOutOfRange,
      path: 'geometry.coordinates[0][0]',
    });
    expect(!result.ok && result.message).toMatch(/swapped/);
  });

  it('names MultiPolygon parts as [polygon][ring][position]', () => {
    const square = [
      [13.4, 52.5],
      [13.41, 52.5],
      [13.41, 52.51],
      [13.4, 52.51],
      [13.4, 52.5],
    ];
    const result = validateAreaGeometry({
      type: 'MultiPolygon',
      coordinates: [
        [square],
        [
          [
            [13.5, 52.5],
            [13.51, 52.5],
            [13.51, 95],
            [13.5, 52.5],
          ],
        ],
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      reason: AREA_REASONS.coordinateOutOfRange,
      path: 'geometry.coordinates[1][0][2]',
    });
  });

  it(`accepts ${MAX_AREA_VERTICES.toLocaleString('en')} positions and refuses one more`, () => {
    const at = (steps: number) =>
      circlePolygon({ center: [13.4, 52.5], radiusMeters: 3000, steps });
    expect(validateAreaGeometry(at(MAX_AREA_VERTICES - 1)).ok).toBe(true);
    expect(validateAreaGeometry(at(MAX_AREA_VERTICES))).toMatchObject({
      ok: false,
      reason: AREA_REASONS.tooManyVertices,
      path: 'geometry.coordinates',
    });
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [
      null,
      42,
      'Polygon',
      [],
      { type: 'Polygon' },
      { type: 'Polygon', coordinates: [[]] },
      { type: 'Polygon', coordinates: [[null]] },
      { type: 'MultiPolygon', coordinates: [[]] },
      { type: 'MultiPolygon', coordinates: [5] },
      { type: 'Polygon', coordinates: [[[1]]] },
      { type: 'GeometryCollection', geometries: [] },
    ];
    for (const value of junk) expect(validateAreaGeometry(value).ok).toBe(false);
  });
});

describe('firstCrossing', () => {
  it('finds the same first self-intersection as turf.kinks on 400 random rings', () => {
    const next = random(20_261_123);
    let crossing = 0;
    for (let i = 0; i < 400; i++) {
      const n = 4 + Math.floor(next() * 30);
      const rings = [randomRing(next, n, [13.4, 52.5], i % 3 === 0)];
      if (i % 4 === 0) rings.push(randomRing(next, 5, [13.4 + next() * 0.02, 52.5], true));
      const reference = kinks({ type: 'Polygon', coordinates: rings }).features;
      const found = firstCrossing(rings);
      expect(found !== null, `ring ${i}`).toBe(reference.length > 0);
      if (found) {
        crossing++;
        expect(found.at[0]).toBeCloseTo(reference[0]!.geometry.coordinates[0]!, 12);
        expect(found.at[1]).toBeCloseTo(reference[0]!.geometry.coordinates[1]!, 12);
      }
    }
    expect(crossing).toBeGreaterThan(100);
    expect(crossing).toBeLessThan(400);
  });

  it('checks 20,000 vertices without comparing every pair of edges', () => {
    const ring = circlePolygon({ center: [13.4, 52.5], radiusMeters: 3000, steps: 19_999 })
      .coordinates[0]!;
    const crossed = ring.slice();
    crossed[5000] = [13.4, 52.5 + 0.1]; // a spike far out across the circle's other edges
    expect(firstCrossing([ring])).toBeNull();
    expect(firstCrossing([crossed])).not.toBeNull();
  });
});
