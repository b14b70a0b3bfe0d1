import turfDistance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import {
  CIRCLE_STEPS,
  circleFromRing,
  circlePolygon,
  clampRadius,
  isValidRadius,
  RADIUS_PRESETS_M,
} from '../../client/draw/circle';
import { draftGeometry, forDraw } from '../../client/draw/draft-shape';
import { parseBreaksKm } from '../../client/features/areas/rings';
import { pickColor } from '../../client/features/areas/colors';
import { formatDistance, formatKm2 } from '../../client/features/areas/format';

/** A circle as terra-draw draws it on a Web Mercator map: a round shape in projected metres. */
function mercatorCircle(
  center: [number, number],
  radiusMeters: number,
  steps = 64,
): [number, number][] {
  const R = 6_378_137;
  const scale = 1 / Math.cos((center[1] * Math.PI) / 180);
  const cx = (R * center[0] * Math.PI) / 180;
  const cy = R * Math.log(Math.tan(Math.PI / 4 + (center[1] * Math.PI) / 360));
  const ring: [number, number][] = [];
  for (let i = 0; i < steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    const x = cx + radiusMeters * scale * Math.cos(a);
    const y = cy + radiusMeters * scale * Math.sin(a);
    ring.push([
      (x / R) * (180 / Math.PI),
      (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI),
    ]);
  }
  ring.push(ring[0]!);
  return ring;
}

describe('radius areas on the client', () => {
  it('a circle is the polygon the server derives: at least 64 segments, closed, every vertex at the radius (±0.5 %)', () => {
    const polygon = circlePolygon({ center: [13.4, 52.5], radiusMeters: 1000 });
    const ring = polygon.coordinates[0]!;
    expect(CIRCLE_STEPS).toBeGreaterThanOrEqual(64);
    expect(ring).toHaveLength(CIRCLE_STEPS + 1);
    expect(ring[0]).toEqual(ring.at(-1));
    for (const v of ring)
      expect(
        Math.abs(turfDistance([13.4, 52.5], v as [number, number], { units: 'meters' }) - 1000),
      ).toBeLessThan(5);
  });

  it('reads centre and radius back from its own circle, at 0°, 45° and 60°', () => {
    for (const center of [
      [0, 0],
      [13.4, 45],
      [10.75, 60],
    ] as [number, number][]) {
      for (const radiusMeters of [250, 1000, 5000]) {
        const back = circleFromRing(circlePolygon({ center, radiusMeters }).coordinates[0]!);
        expect(back.radiusMeters).toBe(radiusMeters);
        expect(turfDistance(center, back.center, { units: 'meters' })).toBeLessThan(
          radiusMeters * 0.005,
        );
      }
    }
  });

  it('reads the radius of a circle dragged out on the map (Web Mercator) within half a percent', () => {
    const ring = mercatorCircle([13.4, 52.5], 1200);
    const { center, radiusMeters } = circleFromRing(ring);
    expect(turfDistance([13.4, 52.5], center, { units: 'meters' })).toBeLessThan(1);
    expect(Math.abs(radiusMeters - 1200) / 1200).toBeLessThan(0.005);
  });

  it('a finished circle becomes centre + radius and the polygon derived from them; other shapes stay as drawn', () => {
    const drawn = { type: 'Polygon' as const, coordinates: [mercatorCircle([13.4, 52.5], 800)] };
    const { geometry, circle } = draftGeometry('circle', drawn);
    expect(circle?.radiusMeters).toBeCloseTo(800, -1);
    expect(geometry).toEqual(circlePolygon(circle!));
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(draftGeometry('rectangle', square)).toEqual({ geometry: square, circle: null });
  });

  it('geometry handed to terra-draw is rounded to 7 decimals without repeated points', () => {
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0.123456789, 1],
          [0.12345679, 1],
          [1, 1],
          [1, 2],
          [0.123456789, 1],
        ],
      ],
    };
    expect(forDraw(polygon).coordinates[0]).toEqual([
      [0.1234568, 1],
      [1, 1],
      [1, 2],
      [0.1234568, 1],
    ]);
  });

  it('radii are whole metres from 1 m to 100 km; presets are 250 m to 5 km', () => {
    expect(clampRadius(1234.4)).toBe(1234);
    expect(clampRadius(0)).toBe(1);
    expect(clampRadius(500_000)).toBe(100_000);
    expect(clampRadius(Number.NaN)).toBe(1);
    expect(isValidRadius(0)).toBe(false);
    expect(isValidRadius(100_001)).toBe(false);
    expect(isValidRadius(1000)).toBe(true);
    expect(RADIUS_PRESETS_M).toEqual([250, 500, 1000, 2000, 5000]);
  });

  it('distances and areas are written with their units in the reader’s language', () => {
    expect(formatDistance('en', 250)).toBe('250 m');
    expect(formatDistance('en', 1000)).toBe('1 km');
    expect(formatDistance('de', 1500)).toBe('1,5 km');
    expect(formatKm2('de', 3.14159)).toBe('3,14 km²');
  });
});

describe('ring breaks and area colours', () => {
  it('reads ring breaks in km, with a decimal comma when separated by semicolons', () => {
    expect(parseBreaksKm('1, 3, 5')).toEqual([1, 3, 5]);
    expect(parseBreaksKm('1 3 5')).toEqual([1, 3, 5]);
    expect(parseBreaksKm('0,5; 1,5')).toEqual([0.5, 1.5]);
    expect(parseBreaksKm('3, 1')).toBeNull();
    expect(parseBreaksKm('')).toBeNull();
    expect(parseBreaksKm('1, x')).toBeNull();
    expect(parseBreaksKm('0, 1')).toBeNull();
  });

  it('a new area gets the least-used colour, first in palette order on a tie', () => {
    const palette = ['#111111', '#222222', '#333333'];
    expect(pickColor([], palette)).toBe('#111111');
    expect(pickColor(['#111111'], palette)).toBe('#222222');
    expect(pickColor(['#111111', '#222222', '#333333', '#111111'], palette)).toBe('#222222');
    expect(pickColor(['#ABCDEF'], palette)).toBe('#111111');
  });
});
