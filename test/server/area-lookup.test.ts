// The area lookup behind the live-offers API answers exactly what testing every area one by one answers.
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../server/domain/schemas/geojson';
import { circlePolygon } from '../../server/domain/geometry/circle';
import { pointInArea } from '../../server/domain/geometry/point-in-area';
import { buildAreaLookup, type LookupArea } from '../../server/services/areas/lookup';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('area lookup', () => {
  it('agrees with a one-by-one test over 500 circles, a square with a hole and a two-part area', () => {
    const next = random(7);
    const areas: LookupArea[] = Array.from({ length: 500 }, (_, i) => ({
      id: `circle-${i}`,
      geometry: circlePolygon({
        center: [13.1 + next() * 0.6, 52.35 + next() * 0.3],
        radiusMeters: 200 + next() * 3000,
        steps: 64,
      }) as AreaGeometry,
    }));
    const holed: AreaGeometry = {
      type: 'Polygon',
      coordinates: [square(13.3, 52.45, 13.5, 52.55), square(13.35, 52.48, 13.45, 52.52)],
    };
    const twoParts: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(13.0, 52.3, 13.1, 52.4)], [square(13.7, 52.6, 13.8, 52.7)]],
    };
    areas.push({ id: 'holed', geometry: holed }, { id: 'two-parts', geometry: twoParts });
    const lookup = buildAreaLookup(areas);
    expect(lookup.size).toBe(502);

    let hits = 0;
    for (let i = 0; i < 1000; i++) {
      const point: [number, number] = [12.95 + next() * 0.9, 52.25 + next() * 0.5];
      const expected = areas
        .filter((a) => pointInArea(point, a.geometry as AreaGeometry))
        .map((a) => a.id);
      expect(lookup.areasAt(...point)).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(300); // the points do land in areas, often several
  });

  it('a point in a hole is outside; on an edge or a vertex it is inside; in the second part of a MultiPolygon it is inside', () => {
    const lookup = buildAreaLookup([
      {
        id: 'holed',
        geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] },
      },
      {
        id: 'two',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[square(20, 0, 21, 1)], [square(30, 0, 31, 1)]],
        },
      },
    ]);
    expect(lookup.areasAt(5, 5)).toEqual([]);
    expect(lookup.areasAt(2, 2)).toEqual(['holed']);
    expect(lookup.areasAt(10, 5)).toEqual(['holed']);
    expect(lookup.areasAt(4, 4)).toEqual(['holed']);
    expect(lookup.areasAt(30.5, 0.5)).toEqual(['two']);
    expect(lookup.areasAt(25, 0.5)).toEqual([]);
  });

  it('every vertex of a circle and of a neighbouring circle answers exactly as the one-by-one test does', () => {
    const next = random(11);
    const areas: LookupArea[] = Array.from({ length: 40 }, (_, i) => ({
      id: `c-${i}`,
      geometry: circlePolygon({
        center: [13.3 + next() * 0.05, 52.5 + next() * 0.05],
        radiusMeters: 300 + next() * 2000,
        steps: 64,
      }) as AreaGeometry,
    }));
    const lookup = buildAreaLookup(areas);
    let checked = 0;
    for (const area of areas) {
      for (const [x, y] of (area.geometry as { coordinates: number[][][] }).coordinates[0]!) {
        const expected = areas
          .filter((a) => pointInArea([x!, y!], a.geometry as AreaGeometry))
          .map((a) => a.id);
        expect(expected).toContain(area.id); // a vertex is on the boundary, so inside
        expect(lookup.areasAt(x!, y!)).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBe(40 * 65);
  });

  it('no areas: nothing anywhere', () => {
    expect(buildAreaLookup([]).areasAt(13.4, 52.5)).toEqual([]);
  });
});
