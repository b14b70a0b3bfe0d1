import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, bboxOf, inPolygon, labelPoint } from '../../client/map/geometry';

const square = (x: number, y: number, size: number): number[][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('neighbourhood geometry', () => {
  it('the area of a Berlin-sized block matches Turf within 0.1 %', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [square(13.3, 52.45, 0.1)] };
    expect(areaKm2(polygon)).toBeCloseTo(turfArea(polygon) / 1e6, 2);
  });

  it('holes are subtracted and islands added', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [square(13.3, 52.45, 0.1), square(13.33, 52.48, 0.02).reverse()],
    };
    const islands: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(13.3, 52.45, 0.1)], [square(13.5, 52.45, 0.05)]],
    };
    expect(areaKm2(withHole)).toBeCloseTo(turfArea(withHole) / 1e6, 2);
    expect(areaKm2(islands)).toBeCloseTo(turfArea(islands) / 1e6, 2);
  });

  it('the bounding box covers every part', () => {
    const islands: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(13.3, 52.45, 0.1)], [square(13.5, 52.4, 0.05)]],
    };
    bboxOf(islands).forEach((value, i) =>
      expect(value).toBeCloseTo([13.3, 52.4, 13.55, 52.55][i]!, 9),
    );
  });

  it('the label of a U-shaped area lies inside it, not in the gap', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const point = labelPoint(u).coordinates as [number, number];
    expect(inPolygon(point, u.coordinates)).toBe(true);
  });

  it('the label of an area with a hole in its middle avoids the hole', () => {
    const ring: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 3), square(1, 1, 1).reverse()],
    };
    const point = labelPoint(ring).coordinates as [number, number];
    expect(inPolygon(point, ring.coordinates)).toBe(true);
  });

  it('a multipolygon is labelled on its largest part', () => {
    const islands: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 0.1)], [square(5, 5, 2)]],
    };
    const [x, y] = labelPoint(islands).coordinates as [number, number];
    expect(x).toBeCloseTo(6, 5);
    expect(y).toBeCloseTo(6, 5);
  });
});
