// Concentric rings: donuts whose holes run clockwise, areas that add up to the outer disc.
import { booleanClockwise, booleanPointInPolygon, distance } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { RING_REASONS, ringPolygon, ringsAround } from '../../../server/domain/geometry/rings.js';
import { areaKm2 } from '../../../server/domain/geometry/measure.js';
import { circlePolygon } from '../../../server/domain/geometry/circle.js';
import { validateAreaGeometry } from '../../../server/domain/geometry/validate-area.js';
import { expectFixtureOutput, fixtures } from '../../helpers/geometry-fixtures.js';

const store = [13.405, 52.52];

describe('ringPolygon', () => {
  it('makes a donut: outer ring counter-clockwise, hole clockwise, a valid area', () => {
    const ring = ringPolygon({ center: store, innerRadiusMeters: 1000, radiusMeters: 3000 });
    if (!ring.ok) throw new Error(ring.message);
    const [outer, hole] = ring.geometry.coordinates;
    expect(booleanClockwise(outer!)).toBe(false);
    expect(booleanClockwise(hole!)).toBe(true);
    expect(validateAreaGeometry(ring.geometry).ok).toBe(true);
    expect(booleanPointInPolygon(store, ring.geometry)).toBe(false);
    expect(booleanPointInPolygon([store[0]! + 0.03, store[1]!], ring.geometry)).toBe(true); // ~2 km east
    for (const p of hole!) expect(distance(store, p, { units: 'meters' })).toBeCloseTo(1000, -1);
    expect(areaKm2(ring.geometry)).toBeCloseTo(Math.PI * (9 - 1), 1);
  });

  it('is the full disc for an inner radius of 0', () => {
    const ring = ringPolygon({ center: store, innerRadiusMeters: 0, radiusMeters: 1000 });
    expect(ring.ok && ring.geometry).toEqual(circlePolygon({ center: store, radiusMeters: 1000 }));
  });

  it('names the inner radius when it is not below the outer one', () => {
    expect(
      ringPolygon({ center: store, innerRadiusMeters: 2000, radiusMeters: 2000 }),
    ).toMatchObject({
      ok: false,
      reason: RING_REASONS.innerNotBelowOuter,
      path: 'params.innerRadiusMeters',
    });
  });
});

describe('ringsAround', () => {
  it('gives three rings for breaks 0, 1, 3 and 5 km whose areas add up to the 5 km disc', () => {
    const result = ringsAround({ center: store, breaksMeters: [0, 1000, 3000, 5000] });
    if (!result.ok) throw new Error(result.message);
    expect(result.rings.map((r) => [r.innerRadiusMeters, r.radiusMeters])).toEqual([
      [0, 1000],
      [1000, 3000],
      [3000, 5000],
    ]);
    expect(result.rings.map((r) => r.geometry.coordinates.length)).toEqual([1, 2, 2]);
    const sum = result.rings.reduce((total, r) => total + areaKm2(r.geometry), 0);
    expect(sum).toBeCloseTo(areaKm2(circlePolygon({ center: store, radiusMeters: 5000 })), 6);
  });

  it('refuses breaks that do not increase, naming the first bad one', () => {
    expect(ringsAround({ center: store, breaksMeters: [0, 1000, 1000] })).toMatchObject({
      ok: false,
      reason: RING_REASONS.breaksNotIncreasing,
      path: 'breaksMeters[2]',
    });
    expect(ringsAround({ center: store, breaksMeters: [-5, 1000] })).toMatchObject({
      ok: false,
      path: 'breaksMeters[0]',
    });
    expect(ringsAround({ center: store, breaksMeters: [1000] })).toMatchObject({
      ok: false,
      reason: RING_REASONS.tooFewBreaks,
    });
  });

  for (const { name, input } of fixtures<Feature<Point, { breaksMeters: number[] }>>(
    'ringsAround',
  )) {
    it(`matches the fixture ${name}`, () => {
      const result = ringsAround({
        center: input.geometry.coordinates,
        breaksMeters: input.properties.breaksMeters,
      });
      if (!result.ok) throw new Error(result.message);
      expectFixtureOutput('ringsAround', name, {
        type: 'FeatureCollection',
        features: result.rings.map(({ geometry, ...properties }) => ({
          type: 'Feature',
          properties,
          geometry,
        })),
      });
    });
  }
});
