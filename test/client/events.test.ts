// The events timeline's pure pieces: range presets and grouping by the local day, in a given time zone.
import { describe, expect, it } from 'vitest';
import type { EventFeature } from '../../client/api/contract';
import { formatEventTime } from '../../client/features/events/format';
import { categoriesOf, groupByDay, rangeFor } from '../../client/features/events/timeline';
import { dayKey, startOfDay } from '../../server/domain/time';

function event(
  id: string,
  startsAt: string,
  { placed = true, category = 'festival', endsAt = startsAt } = {},
): EventFeature {
  return {
    type: 'Feature',
    id,
    geometry: placed ? { type: 'Point', coordinates: [13.4, 52.52] } : null,
    properties: {
      id,
      name: id,
      category,
      startsAt,
      endsAt,
      timezone: 'Europe/Berlin',
      allDay: false,
      expectedAttendance: null,
      source: 'manual',
      icsUid: null,
      status: null,
      budget: null,
      notes: '',
      locationText: '',
      needsPlace: !placed,
      version: 1,
      createdAt: startsAt,
      updatedAt: startsAt,
    },
  };
}

describe('event days in a time zone', () => {
  it('an event at 23:30 UTC falls on the next day in Berlin and the same day in New York', () => {
    expect(dayKey('2026-11-28T23:30:00Z', 'Europe/Berlin')).toBe('2026-11-29');
    expect(dayKey('2026-11-28T23:30:00Z', 'America/New_York')).toBe('2026-11-28');
  });

  it('a local day starts at the right instant on both sides of a DST change', () => {
    expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(startOfDay('2026-11-28', 'UTC').toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });
});

describe('date-range presets', () => {
  const wednesday = new Date('2026-11-25T10:00:00Z');

  it('"This week" runs from Monday to next Monday, local midnight', () => {
    expect(rangeFor('week', wednesday, 'Europe/Berlin')).toEqual({
      from: '2026-11-22T23:00:00.000Z',
      to: '2026-11-29T23:00:00.000Z',
    });
  });

  it('"This week" on a Sunday still starts on the Monday before', () => {
    expect(rangeFor('week', new Date('2026-11-29T12:00:00Z'), 'UTC')).toEqual({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
  });

  it('"This month" runs from the first to the first of the next month, across the year end', () => {
    expect(rangeFor('month', wednesday, 'Europe/Berlin')).toEqual({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
    });
    expect(rangeFor('month', new Date('2026-12-15T00:00:00Z'), 'UTC')).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('"Next 90 days" starts today at local midnight', () => {
    expect(rangeFor('next90', wednesday, 'UTC')).toEqual({
      from: '2026-11-25T00:00:00.000Z',
      to: '2027-02-23T00:00:00.000Z',
    });
  });
});

describe('grouping events by day', () => {
  const events = [
    event('late-market', '2026-11-28T18:00:00Z', { category: 'market' }),
    event('needs-place', '2026-11-30T10:00:00Z', { placed: false }),
    event('midnight-party', '2026-11-28T23:30:00Z'),
    event('early-run', '2026-11-28T07:00:00Z', { category: 'sports' }),
  ];

  it('placed events are grouped by their local start day, in order; unplaced ones come apart', () => {
    const timeline = groupByDay(events, 'Europe/Berlin');
    expect(timeline.unplaced.map((e) => e.id)).toEqual(['needs-place']);
    expect(timeline.days.map((d) => [d.day, d.events.map((e) => e.id)])).toEqual([
      ['2026-11-28', ['early-run', 'late-market']],
      ['2026-11-29', ['midnight-party']],
    ]);
  });

  it('a category narrows the list, and the filter offers the categories present', () => {
    const timeline = groupByDay(events, 'UTC', 'sports');
    expect(timeline.days.flatMap((d) => d.events.map((e) => e.id))).toEqual(['early-run']);
    expect(timeline.unplaced).toEqual([]);
    expect(categoriesOf(events)).toEqual(['festival', 'market', 'sports']);
  });

  it('no events gives an empty timeline', () => {
    expect(groupByDay([], 'UTC')).toEqual({ unplaced: [], days: [] });
  });
});

describe('event times', () => {
  it('start and end read in the event’s own time zone', () => {
    const text = formatEventTime('en-GB', {
      startsAt: '2026-11-28T14:00:00Z',
      endsAt: '2026-11-28T22:00:00Z',
      timezone: 'Europe/Berlin',
      allDay: false,
    });
    expect(text).toMatch(/15:00/);
    expect(text).toMatch(/23:00/);
  });

  it('an all-day event shows its dates only, its exclusive end not counted', () => {
    const text = formatEventTime('en-GB', {
      startsAt: '2026-11-27T23:00:00Z',
      endsAt: '2026-11-28T23:00:00Z',
      timezone: 'Europe/Berlin',
      allDay: true,
    });
    expect(text).toBe('28 Nov 2026');
  });
});
