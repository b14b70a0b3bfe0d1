import { describe, expect, it } from 'vitest';
import { circlePolygon } from '../../client/draw/circle';
import { circleHandles } from '../../client/draw/circle-handles';

describe('circle handles', () => {
  it('a circle has two handles: its centre, and its first vertex on the rim', () => {
    const polygon = circlePolygon({ center: [13.4, 52.5], radiusMeters: 500 });
    const { features } = circleHandles(polygon);
    expect(features.map((f) => f.properties.role)).toEqual(['centre', 'radius']);
    const [centre, rim] = features.map((f) => f.geometry.coordinates);
    expect(centre![0]).toBeCloseTo(13.4, 6);
    expect(centre![1]).toBeCloseTo(52.5, 6);
    expect(rim).toEqual(polygon.coordinates[0]![0]);
  });

  it('an empty ring has no handles', () => {
    expect(circleHandles({ type: 'Polygon', coordinates: [] }).features).toEqual([]);
  });
});
