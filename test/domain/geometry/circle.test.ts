// Radius areas: the derived polygon is within 0.5 % of the radius on the WGS 84 ellipsoid and on Turf's sphere.
import { distance } from '@turf/turf';
import type { Feature, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { circlePolygon } from '../../../server/domain/geometry/circle.js';
import { areaKm2, perimeterKm } from '../../../server/domain/geometry/measure.js';
import { expectFixtureOutput, fixtures } from '../../helpers/geometry-fixtures.js';

const A = 6_378_137;
const E2 = 0.006_694_379_990_14;

/** Radii of curvature of WGS 84 (meridional M, prime vertical N) at a latitude in degrees. */
function curvature(lat: number) {
  const s = Math.sin((lat * Math.PI) / 180);
  const w = 1 - E2 * s * s;
  return { M: (A * (1 - E2)) / w ** 1.5, N: A / Math.sqrt(w) };
}

/** Ellipsoidal offsets in metres from `center` in a local tangent frame: exact to ~(r/R)², 1e-6 for 5 km. */
function localMeters(center: Position, p: Position): [number, number] {
  const lat0 = center[1]!;
  const { M, N } = curvature((lat0 + p[1]!) / 2);
  const rad = Math.PI / 180;
  return [
    N * Math.cos(((lat0 + p[1]!) / 2) * rad) * (p[0]! - center[0]!) * rad,
    M * (p[1]! - lat0) * rad,
  ];
}

function worstErrors(center: Position, radiusMeters: number, ring: Position[]) {
  let ellipsoid = 0;
  let sphere = 0;
  for (const p of ring) {
    const [x, y] = localMeters(center, p);
    ellipsoid = Math.max(ellipsoid, Math.abs(Math.hypot(x, y) / radiusMeters - 1));
    sphere = Math.max(
      sphere,
      Math.abs(distance(center, p, { units: 'meters' }) / radiusMeters - 1),
    );
  }
  // Shoelace in the local metric frame: the ellipsoidal area of the polygon.
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = localMeters(center, ring[i]!);
    const [x2, y2] = localMeters(center, ring[i + 1]!);
    twice += x1 * y2 - x2 * y1;
  }
  const n = ring.length - 1;
  const inscribed = (n / 2) * radiusMeters ** 2 * Math.sin((2 * Math.PI) / n);
  const polygon = { type: 'Polygon' as const, coordinates: [ring] };
  return {
    ellipsoid,
    sphere,
    area: Math.abs(twice / 2 / inscribed - 1),
    areaVsPiR2: Math.abs((areaKm2(polygon) * 1e6) / (Math.PI * radiusMeters ** 2) - 1),
    perimeterVs2PiR: Math.abs((perimeterKm(polygon) * 1000) / (2 * Math.PI * radiusMeters) - 1),
  };
}

describe('circlePolygon', () => {
  for (const lat of [0, 45, 60, -45]) {
    for (const radiusMeters of [250, 1000, 5000]) {
      it(`keeps the radius error under 0.5 % at latitude ${lat}° for ${radiusMeters} m`, () => {
        const center = [13.4, lat];
        const ring = circlePolygon({ center, radiusMeters }).coordinates[0]!;
        expect(ring.length).toBe(129);
        const errors = worstErrors(center, radiusMeters, ring);
        expect(errors.ellipsoid).toBeLessThan(0.005);
        expect(errors.sphere).toBeLessThan(0.005);
        expect(errors.area).toBeLessThan(0.005);
        expect(errors.areaVsPiR2).toBeLessThan(0.005);
        expect(errors.perimeterVs2PiR).toBeLessThan(0.005);
      });
    }
  }

  it('would fail the same check for a circle drawn in degrees (the check can tell)', () => {
    const center = [24.94, 60];
    const r = 1000 / 111_320;
    const ring = Array.from({ length: 129 }, (_, i) => [
      center[0]! + r * Math.cos((i * 2 * Math.PI) / 128),
      center[1]! + r * Math.sin((i * 2 * Math.PI) / 128),
    ]);
    expect(worstErrors(center, 1000, ring).ellipsoid).toBeGreaterThan(0.1);
  });

  it('never has fewer than 64 steps', () => {
    expect(() => circlePolygon({ center: [0, 0], radiusMeters: 100, steps: 32 })).toThrow(
      RangeError,
    );
    expect(() => circlePolygon({ center: [0, 0], radiusMeters: 0 })).toThrow(RangeError);
    expect(
      circlePolygon({ center: [0, 0], radiusMeters: 100, steps: 64 }).coordinates[0],
    ).toHaveLength(65);
  });

  for (const { name, input } of fixtures<Feature<Point, { radiusMeters: number; steps?: number }>>(
    'circlePolygon',
  )) {
    it(`matches the fixture ${name}`, () => {
      const geometry = circlePolygon({ center: input.geometry.coordinates, ...input.properties });
      expectFixtureOutput('circlePolygon', name, {
        type: 'Feature',
        properties: input.properties,
        geometry,
      });
    });
  }
});
