// Shared km² of two areas and the population an area covers, by areal weighting over neighbourhoods.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { populationWithin, sharedPart } from '../../../server/domain/geometry/overlap.js';
import { areaKm2 } from '../../../server/domain/geometry/measure.js';

/** An axis-aligned box in degrees. */
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

describe('sharedPart', () => {
  it('is the lens two overlapping areas share, in km²', () => {
    const a = box(13.3, 52.5, 13.4, 52.6);
    const b = box(13.35, 52.5, 13.45, 52.6);
    const shared = sharedPart(a, b);
    expect(shared.ok).toBe(true);
    if (!shared.ok) return;
    expect(shared.km2).toBeCloseTo(areaKm2(box(13.35, 52.5, 13.4, 52.6)), 3);
    expect(shared.km2).toBeCloseTo(areaKm2(a) / 2, 2);
  });

  it('is nothing for areas apart, or only touching along an edge', () => {
    expect(sharedPart(box(13.3, 52.5, 13.4, 52.6), box(13.5, 52.5, 13.6, 52.6))).toEqual({
      ok: true,
      geometry: null,
      km2: 0,
    });
    expect(sharedPart(box(13.3, 52.5, 13.4, 52.6), box(13.4, 52.5, 13.5, 52.6))).toEqual({
      ok: true,
      geometry: null,
      km2: 0,
    });
  });

  it("leaves out a hole: an area inside another one's hole shares nothing with it", () => {
    const donut: Polygon = {
      type: 'Polygon',
      coordinates: [
        box(13.3, 52.5, 13.5, 52.7).coordinates[0]!,
        box(13.35, 52.55, 13.45, 52.65).coordinates[0]!.slice().reverse(),
      ],
    };
    expect(sharedPart(donut, box(13.37, 52.57, 13.43, 52.63))).toMatchObject({ ok: true, km2: 0 });
  });
});

describe('populationWithin', () => {
  const west = { population: 10_000, geometry: box(13.3, 52.5, 13.4, 52.6) };
  const east = { population: 30_000, geometry: box(13.4, 52.5, 13.5, 52.6) };

  it('counts a whole neighbourhood whole, and half of one by half its area', () => {
    expect(populationWithin(west.geometry, [west, east])).toEqual({
      population: 10_000,
      complete: true,
    });
    const straddling = box(13.35, 52.5, 13.45, 52.6); // half of each
    expect(populationWithin(straddling, [west, east]).population).toBeCloseTo(20_000, -2);
  });

  it('is 0 outside every neighbourhood, and never more than a neighbourhood holds', () => {
    expect(populationWithin(box(14, 53, 14.1, 53.1), [west, east])).toEqual({
      population: 0,
      complete: true,
    });
    expect(populationWithin(box(13.2, 52.4, 13.6, 52.7), [west, east])).toEqual({
      population: 40_000,
      complete: true,
    });
  });
});
