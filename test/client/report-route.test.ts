// The report's address and which events it lists near an area.
import { describe, expect, it } from 'vitest';
import { parseReport, reportHref, reportPdfHref } from '../../client/features/report/report-route';
import { nearbyEvents } from '../../client/features/report/nearby';
import type { Polygon } from 'geojson';

describe('the report address', () => {
  it('reads one area or two or more compared areas, and nothing else', () => {
    expect(parseReport('?report=area:ar-1')).toEqual({ kind: 'area', areaIds: ['ar-1'] });
    expect(parseReport('?report=compare:ar-1,ar-2,ar-1')).toEqual({
      kind: 'compare',
      areaIds: ['ar-1', 'ar-2'],
    });
    expect(parseReport('?report=compare:ar-1')).toBeNull();
    expect(parseReport('?report=area:')).toBeNull();
    expect(parseReport('?report=store:st-1')).toBeNull();
    expect(parseReport('?sel=area:ar-1')).toBeNull();
  });

  it('keeps the language and segment in force, and drops the rest of the app state', () => {
    expect(
      reportHref(
        { kind: 'area', areaIds: ['ar-1'] },
        '?sel=area:ar-1&lang=de&seg=tier:gold;age:25-40&layers=stores',
      ),
    ).toBe('?report=area:ar-1&lang=de&seg=tier:gold;age:25-40');
    expect(
      reportPdfHref({ kind: 'area', areaIds: ['ar-1'] }, '?seg=tier:gold', 'Letter', 'de'),
    ).toBe('/api/reports/area/ar-1.pdf?format=Letter&lang=de&seg=tier%3Agold');
    expect(
      reportPdfHref({ kind: 'compare', areaIds: ['ar-1', 'ar-2'] }, '?sel=x', 'A4', 'en'),
    ).toBe('/api/reports/compare/ar-1,ar-2.pdf?format=A4&lang=en');
  });
});

describe('events near an area', () => {
  // About 1.1 km × 1.1 km around 13.4, 52.52.
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [13.392, 52.515],
        [13.408, 52.515],
        [13.408, 52.525],
        [13.392, 52.525],
        [13.392, 52.515],
      ],
    ],
  };
  const event = (
    id: string,
    location: [number, number] | null,
    startsAt: string,
    endsAt = startsAt,
  ) => ({
    id,
    name: id,
    startsAt,
    endsAt,
    location,
    timezone: 'Europe/Berlin',
  });
  const at = new Date('2026-12-01T00:00:00Z');

  it('lists upcoming events inside or within 800 m of the edge, soonest first, with their distance', () => {
    const found = nearbyEvents(
      [
        event('later-inside', [13.4, 52.52], '2026-12-20T10:00:00Z'),
        event('soon-near', [13.414, 52.52], '2026-12-05T10:00:00Z'),
        event('far', [13.45, 52.52], '2026-12-06T10:00:00Z'),
        event('over', [13.4, 52.52], '2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z'),
        event('unplaced', null, '2026-12-07T10:00:00Z'),
      ],
      square,
      { at },
    );
    expect(found.map((e) => e.id)).toEqual(['soon-near', 'later-inside']);
    expect(found[0]!.meters).toBeGreaterThan(350);
    expect(found[0]!.meters).toBeLessThan(450);
    expect(found[1]!.meters).toBe(0);
  });
});
