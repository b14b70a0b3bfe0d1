import { describe, expect, it } from 'vitest';
import { destination } from '@turf/turf';
import type { Polygon, MultiPolygon } from 'geojson';
import {
  evaluateEvent,
  metersToArea,
  namesEvent,
} from '../../server/domain/campaigns/event-trigger.js';
import type { EventForTrigger } from '../../server/domain/campaigns/types.js';
import { eventTrigger, type EventTrigger } from '../../server/domain/schemas/trigger.js';

// A block in Berlin Mitte: 13.40–13.42 E, 52.50–52.51 N.
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [13.4, 52.5],
      [13.42, 52.5],
      [13.42, 52.51],
      [13.4, 52.51],
      [13.4, 52.5],
    ],
  ],
};
const area = { geometry: square };
/** A point `meters` due east of the square's east edge, at mid-height. */
const eastOf = (meters: number) =>
  destination([13.42, 52.505], meters, 90, { units: 'meters' }).geometry.coordinates as [
    number,
    number,
  ];

const festival = (over: Partial<EventForTrigger> = {}): EventForTrigger => ({
  id: 'ev-fest',
  name: 'Street festival',
  category: 'festival',
  location: eastOf(320),
  startsAt: '2026-11-28T14:00:00Z',
  endsAt: '2026-11-28T22:00:00Z',
  ...over,
});
const byId = (over: Partial<EventTrigger> = {}) =>
  eventTrigger.parse({
    type: 'event',
    eventId: 'ev-fest',
    withinMeters: 500,
    beforeMinutes: 60,
    afterMinutes: 60,
    ...over,
  });
const byCategory = (over: Partial<EventTrigger> = {}) =>
  eventTrigger.parse({
    type: 'event',
    category: 'festival',
    withinMeters: 500,
    beforeMinutes: 60,
    afterMinutes: 60,
    ...over,
  });
const during = new Date('2026-11-28T16:00:00Z');

describe('distance from an event to an area', () => {
  it('is 0 inside, and the metres to the nearest edge outside', () => {
    expect(metersToArea([13.41, 52.505], square)).toBe(0);
    expect(metersToArea(eastOf(320), square)).toBeCloseTo(320, 0);
  });
  it('counts a point in a hole as outside, and takes the nearest part of a MultiPolygon', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0]!,
        [
          [13.405, 52.502],
          [13.405, 52.508],
          [13.415, 52.508],
          [13.415, 52.502],
          [13.405, 52.502],
        ],
      ],
    };
    expect(metersToArea([13.41, 52.505], holed)).toBeGreaterThan(300);
    const far: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [14, 53],
          [14.01, 53],
          [14.01, 53.01],
          [14, 53.01],
          [14, 53],
        ],
      ],
    };
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [far.coordinates, square.coordinates],
    };
    expect(metersToArea(eastOf(320), multi)).toBeCloseTo(320, 0);
  });
});

describe('event trigger by id', () => {
  it('holds while the event is on near the area, and says how near and when (in the campaign timezone)', () => {
    const r = evaluateEvent(1, byId(), area, [festival()], during, 'UTC');
    expect(r).toMatchObject({
      index: 1,
      type: 'event',
      holds: true,
      code: 'holds',
      observed: expect.closeTo(320, 0),
      threshold: 500,
      unit: 'm',
      eventId: 'ev-fest',
      eventName: 'Street festival',
    });
    expect(r.detail).toBe('Street festival 320 m away, 14:00–22:00 ±60 min');
    expect(
      evaluateEvent(1, byId({ afterMinutes: 30 }), area, [festival()], during, 'Europe/Berlin')
        .detail,
    ).toBe('Street festival 320 m away, 15:00–23:00 −60/+30 min');
  });

  it('holds from exactly beforeMinutes before the start until just before afterMinutes after the end', () => {
    const at = (iso: string) => evaluateEvent(0, byId(), area, [festival()], new Date(iso), 'UTC');
    expect(at('2026-11-28T12:59:59.999Z')).toMatchObject({ holds: false, code: 'outside_time' });
    expect(at('2026-11-28T13:00:00Z').holds).toBe(true);
    expect(at('2026-11-28T22:59:59.999Z').holds).toBe(true);
    expect(at('2026-11-28T23:00:00Z')).toMatchObject({
      holds: false,
      code: 'outside_time',
      detail: 'Street festival is not on now (14:00–22:00 ±60 min)',
    });
    const noPadding = byId({ beforeMinutes: 0, afterMinutes: 0 });
    expect(
      evaluateEvent(0, noPadding, area, [festival()], new Date('2026-11-28T14:00:00Z'), 'UTC')
        .holds,
    ).toBe(true);
    expect(
      evaluateEvent(0, noPadding, area, [festival()], new Date('2026-11-28T22:00:00Z'), 'UTC')
        .holds,
    ).toBe(false);
  });

  it('holds just inside withinMeters and not just outside it', () => {
    const meters = metersToArea(eastOf(320), square);
    expect(
      evaluateEvent(0, byId({ withinMeters: Math.ceil(meters) }), area, [festival()], during, 'UTC')
        .holds,
    ).toBe(true);
    const r = evaluateEvent(
      0,
      byId({ withinMeters: Math.floor(meters) }),
      area,
      [festival()],
      during,
      'UTC',
    );
    expect(r).toMatchObject({ holds: false, code: 'too_far', threshold: Math.floor(meters) });
    expect(r.detail).toMatch(
      new RegExp(
        `^Street festival 320\\.\\d m away \\(more than ${Math.floor(meters)} m\\), 14:00–22:00 ±60 min$`,
      ),
    );
    const justOver = evaluateEvent(
      0,
      byId({ withinMeters: 320 }),
      area,
      [festival({ location: eastOf(320.2) })],
      during,
      'UTC',
    );
    expect(justOver).toMatchObject({ holds: false, code: 'too_far' });
    expect(justOver.detail).toMatch(/^Street festival 320\.[1-3] m away \(more than 320 m\)/);
  });

  it('holds at withinMeters 0 only for an event inside the area', () => {
    expect(
      evaluateEvent(
        0,
        byId({ withinMeters: 0 }),
        area,
        [festival({ location: [13.41, 52.505] })],
        during,
        'UTC',
      ),
    ).toMatchObject({
      holds: true,
      observed: 0,
      detail: 'Street festival inside the area, 14:00–22:00 ±60 min',
    });
    expect(
      evaluateEvent(
        0,
        byId({ withinMeters: 0 }),
        area,
        [festival({ location: eastOf(5) })],
        during,
        'UTC',
      ).holds,
    ).toBe(false);
  });

  it('never holds for an unplaced event, and says so', () => {
    expect(
      evaluateEvent(0, byId(), area, [festival({ location: null })], during, 'UTC'),
    ).toMatchObject({
      holds: false,
      code: 'not_placed',
      detail: 'Street festival has no place on the map yet',
    });
  });

  it('says when the event is not there at all', () => {
    expect(
      evaluateEvent(0, byId({ eventId: 'ev-gone' }), area, [festival()], during, 'UTC'),
    ).toMatchObject({ holds: false, code: 'no_event', detail: 'event ev-gone not found' });
  });
});

describe('event trigger by category', () => {
  const events = [
    festival({ id: 'far', name: 'Far fest', location: eastOf(800) }),
    festival({ id: 'near', name: 'Near fest', location: eastOf(300) }),
    festival({
      id: 'nearer-but-over',
      name: 'Yesterday fest',
      location: eastOf(50),
      startsAt: '2026-11-27T14:00:00Z',
      endsAt: '2026-11-27T22:00:00Z',
    }),
    festival({ id: 'unplaced', name: 'Nowhere fest', location: null }),
    festival({ id: 'market', name: 'Market', category: 'market', location: eastOf(10) }),
  ];
  it('is explained by the nearest qualifying event of the category, ignoring case', () => {
    expect(evaluateEvent(0, byCategory(), area, events, during, 'UTC')).toMatchObject({
      holds: true,
      eventId: 'near',
      observed: expect.closeTo(300, 0),
    });
    expect(
      evaluateEvent(0, byCategory({ category: 'FESTIVAL' }), area, events, during, 'UTC'),
    ).toMatchObject({ holds: true, eventId: 'near' });
  });
  it('says which event on now is nearest when all are too far', () => {
    expect(
      evaluateEvent(0, byCategory({ withinMeters: 100 }), area, events, during, 'UTC'),
    ).toMatchObject({ holds: false, code: 'too_far', eventId: 'near' });
  });
  it('does not hold when no event of the category is on, or only unplaced ones are', () => {
    expect(
      evaluateEvent(0, byCategory(), area, events, new Date('2026-11-29T12:00:00Z'), 'UTC'),
    ).toMatchObject({
      holds: false,
      code: 'outside_time',
      detail: 'no festival event on at this time',
    });
    expect(
      evaluateEvent(0, byCategory(), area, [festival({ location: null })], during, 'UTC'),
    ).toMatchObject({ holds: false, code: 'not_placed' });
    expect(
      evaluateEvent(0, byCategory({ category: 'concert' }), area, events, during, 'UTC'),
    ).toMatchObject({ holds: false, code: 'no_event', detail: 'no concert event' });
  });
});

describe('metersToArea against Turf', () => {
  it('agrees with the geodesic pointToPolygonDistance within 0.5 % from 10 m to 50 km, in any direction', async () => {
    const { circle, pointToPolygonDistance } = await import('@turf/turf');
    const ring = circle([13.41, 52.52], 2, { steps: 32, units: 'kilometers' }).geometry;
    for (const meters of [10, 320, 5_000, 50_000])
      for (const bearing of [0, 45, 90, 135, 180, 250, 315]) {
        const edge = destination([13.41, 52.52], 2, bearing, { units: 'kilometers' });
        const p = destination(edge, meters, bearing, { units: 'meters' }).geometry.coordinates as [
          number,
          number,
        ];
        const geodesic = pointToPolygonDistance(p, ring, { units: 'meters' });
        expect(
          Math.abs(metersToArea(p, ring) - geodesic),
          `${meters} m at ${bearing}°`,
        ).toBeLessThanOrEqual(geodesic * 0.005 + 0.01);
      }
  });
  it('measures across the antimeridian', () => {
    const fiji: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [179.9, -17],
          [180, -17],
          [180, -16.9],
          [179.9, -16.9],
          [179.9, -17],
        ],
      ],
    };
    expect(metersToArea([-179.99, -16.95], fiji)).toBeCloseTo(
      0.01 * Math.cos((16.95 * Math.PI) / 180) * 111_195,
      -1,
    );
  });
});

describe('namesEvent: which events a trigger can name', () => {
  const event = { id: 'ev-1', category: 'Festival' };
  const base = { type: 'event' as const, withinMeters: 500, beforeMinutes: 0, afterMinutes: 0 };
  it('by id, or by category ignoring case', () => {
    expect(namesEvent({ ...base, eventId: 'ev-1' }, event)).toBe(true);
    expect(namesEvent({ ...base, eventId: 'ev-2' }, event)).toBe(false);
    expect(namesEvent({ ...base, category: 'festival' }, event)).toBe(true);
    expect(namesEvent({ ...base, category: 'market' }, event)).toBe(false);
  });
});
