// The app's own camera moves stop where the basemap still has something to show, with the subject's surroundings.
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  aroundCircle,
  flightZoom,
  MAX_APP_ZOOM,
  withSurroundings,
} from '../../client/map/camera-targets';

describe('where the app moves the camera', () => {
  it('flies no closer than the streets are drawn, and keeps a closer view the person chose up to there', () => {
    expect(MAX_APP_ZOOM).toBe(16);
    expect(flightZoom({ current: 10, wanted: 14 })).toBe(14);
    expect(flightZoom({ current: 15.2, wanted: 14 })).toBe(15.2);
    expect(flightZoom({ current: 18.5, wanted: 14 })).toBe(16);
    expect(flightZoom({ current: 10, wanted: 19 })).toBe(16);
  });

  it("frames an event's reach with as much again around it: a box twice the radius from the centre each way", () => {
    const center: [number, number] = [13.405, 52.52];
    const target = aroundCircle({ center, radiusMeters: 800 });
    if (!('bbox' in target)) throw new Error('expected a bbox');
    const [minLng, minLat, maxLng, maxLat] = target.bbox;
    const km = (to: [number, number]) => distance(center, to, { units: 'kilometers' });
    expect(km([maxLng, center[1]])).toBeCloseTo(1.6, 1);
    expect(km([minLng, center[1]])).toBeCloseTo(1.6, 1);
    expect(km([center[0], maxLat])).toBeCloseTo(1.6, 1);
    expect(km([center[0], minLat])).toBeCloseTo(1.6, 1);
  });

  it('grows a small shape’s box by half its size on each side', () => {
    expect(withSurroundings([13.4, 52.5, 13.42, 52.51])).toEqual({
      bbox: [
        expect.closeTo(13.39, 9),
        expect.closeTo(52.495, 9),
        expect.closeTo(13.43, 9),
        expect.closeTo(52.515, 9),
      ],
    });
  });
});
