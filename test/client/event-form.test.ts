// The event form's pure pieces: local wall time in an IANA zone ↔ UTC (across DST changes, all-day events), the
// checks made before sending, and the POST / PATCH bodies.
import { describe, expect, it } from 'vitest';
import type { EventFeature } from '../../client/api/contract';
import { allDayFromUtc, allDayToUtc, localToUtc, utcToLocal } from '../../server/domain/time';
import {
  bodyFromDraft,
  changeFromDraft,
  draftFromEvent,
  emptyDraft,
  validateEventDraft,
  withAllDay,
} from '../../client/features/events/event-form';
import type { EventDraft } from '../../client/store/slices/events';

describe('local time in a time zone to UTC', () => {
  it('Berlin is UTC+1 in winter and UTC+2 in summer', () => {
    expect(localToUtc('2026-01-15T14:00', 'Europe/Berlin')).toBe('2026-01-15T13:00:00.000Z');
    expect(localToUtc('2026-07-01T14:00', 'Europe/Berlin')).toBe('2026-07-01T12:00:00.000Z');
  });

  it('New York is UTC−5 in winter and UTC−4 in summer, and a late evening is the next UTC day', () => {
    expect(localToUtc('2026-01-15T20:30', 'America/New_York')).toBe('2026-01-16T01:30:00.000Z');
    expect(localToUtc('2026-07-01T20:30', 'America/New_York')).toBe('2026-07-02T00:30:00.000Z');
  });

  it('around Berlin’s spring-forward (29 March 2026, 02:00 → 03:00) the hours either side convert exactly', () => {
    expect(localToUtc('2026-03-29T01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(localToUtc('2026-03-29T03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('a time inside the spring-forward gap, which no clock shows, means the time an hour later', () => {
    expect(localToUtc('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(utcToLocal('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29T03:30');
    // New York springs forward on 8 March 2026.
    expect(localToUtc('2026-03-08T02:15', 'America/New_York')).toBe('2026-03-08T07:15:00.000Z');
    expect(utcToLocal('2026-03-08T07:15:00.000Z', 'America/New_York')).toBe('2026-03-08T03:15');
  });

  it('a time the fall-back repeats means its first occurrence (still summer time)', () => {
    // Berlin: 25 October 2026, 03:00 CEST → 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
    expect(localToUtc('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(localToUtc('2026-10-25T03:00', 'Europe/Berlin')).toBe('2026-10-25T02:00:00.000Z');
    // New York: 1 November 2026, 02:00 EDT → 01:00 EST; 01:30 happens at 05:30Z and again at 06:30Z.
    expect(localToUtc('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(localToUtc('2026-11-01T02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('both readings of a repeated hour show as the same wall time', () => {
    expect(utcToLocal('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(utcToLocal('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:30');
  });

  it('every wall time of a year round-trips through UTC, outside the gaps', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      for (
        let ms = Date.UTC(2026, 0, 1);
        ms < Date.UTC(2027, 0, 1);
        ms += 7 * 3_600_000 + 13 * 60_000
      ) {
        const local = utcToLocal(new Date(ms), zone);
        expect(utcToLocal(localToUtc(local, zone)!, zone)).toBe(local);
      }
    }
  });

  it('text that is not a date-time gives null', () => {
    expect(localToUtc('', 'Europe/Berlin')).toBeNull();
    expect(localToUtc('2026-02-30T10:00', 'Europe/Berlin')).toBeNull();
    expect(localToUtc('2026-02-10T24:00', 'Europe/Berlin')).toBeNull();
    expect(localToUtc('yesterday', 'Europe/Berlin')).toBeNull();
  });
});

describe('all-day events', () => {
  it('run from the first day’s local midnight to the midnight after the last day', () => {
    expect(allDayToUtc('2026-11-28', '2026-11-29', 'Europe/Berlin')).toEqual({
      startsAt: '2026-11-27T23:00:00.000Z',
      endsAt: '2026-11-29T23:00:00.000Z',
    });
    expect(allDayToUtc('2026-11-28', '2026-11-28', 'America/New_York')).toEqual({
      startsAt: '2026-11-28T05:00:00.000Z',
      endsAt: '2026-11-29T05:00:00.000Z',
    });
  });

  it('a day of a DST change lasts 23 or 25 hours', () => {
    const spring = allDayToUtc('2026-03-29', '2026-03-29', 'Europe/Berlin')!;
    expect(spring).toEqual({
      startsAt: '2026-03-28T23:00:00.000Z',
      endsAt: '2026-03-29T22:00:00.000Z',
    });
    const fall = allDayToUtc('2026-11-01', '2026-11-01', 'America/New_York')!;
    expect(Date.parse(fall.endsAt) - Date.parse(fall.startsAt)).toBe(25 * 3_600_000);
  });

  it('read back, a stored all-day event gives its first and last day', () => {
    expect(allDayFromUtc('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 'Europe/Berlin')).toEqual({
      firstDay: '2026-03-29',
      lastDay: '2026-03-29',
    });
    expect(allDayFromUtc('2026-11-27T23:00:00Z', '2026-11-29T23:00:00Z', 'Europe/Berlin')).toEqual({
      firstDay: '2026-11-28',
      lastDay: '2026-11-29',
    });
  });

  it('a malformed day gives null', () => {
    expect(allDayToUtc('2026-11-28', '', 'Europe/Berlin')).toBeNull();
    expect(allDayToUtc('2026-11-31', '2026-12-01', 'Europe/Berlin')).toBeNull();
  });
});

function draft(change: Partial<EventDraft> = {}): EventDraft {
  return {
    ...emptyDraft('Europe/Berlin', new Date('2026-11-23T16:20:00Z')),
    name: 'Street festival',
    ...change,
  };
}

function stored(): EventFeature {
  return {
    type: 'Feature',
    id: 'ev-1',
    geometry: { type: 'Point', coordinates: [13.41, 52.52] },
    properties: {
      id: 'ev-1',
      name: 'Street festival',
      category: 'festival',
      startsAt: '2026-11-28T13:00:00.000Z',
      endsAt: '2026-11-28T21:00:00.000Z',
      timezone: 'Europe/Berlin',
      allDay: false,
      expectedAttendance: 5000,
      source: 'manual',
      icsUid: null,
      status: 'planned',
      budget: 1200.5,
      notes: 'Bring the banner',
      locationText: 'Kastanienallee',
      needsPlace: false,
      version: 3,
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
    },
  };
}

describe('the event form', () => {
  it('a new event starts at the next full hour, for two hours, in the viewer’s zone', () => {
    expect(emptyDraft('Europe/Berlin', new Date('2026-11-23T16:20:00Z'))).toMatchObject({
      start: '2026-11-23T18:00',
      end: '2026-11-23T20:00',
      timezone: 'Europe/Berlin',
    });
  });

  it('ends before starts is flagged on the end field before anything is sent', () => {
    expect(
      validateEventDraft(draft({ start: '2026-11-28T18:00', end: '2026-11-28T17:00' })),
    ).toEqual({ 'body.endsAt': 'endBeforeStart' });
    expect(
      validateEventDraft(draft({ allDay: true, start: '2026-11-28', end: '2026-11-27' })),
    ).toEqual({ 'body.endsAt': 'endBeforeStart' });
    expect(
      validateEventDraft(draft({ allDay: true, start: '2026-11-28', end: '2026-11-28' })),
    ).toEqual({});
  });

  it('names the fields that are missing or wrong', () => {
    expect(
      validateEventDraft(
        draft({
          name: ' ',
          category: '',
          timezone: 'Mars/Olympus',
          attendance: '2.5',
          budget: '-1',
          lat: '52.5',
        }),
      ),
    ).toEqual({
      'body.name': 'required',
      'body.category': 'required',
      'body.timezone': 'timezone',
      'body.expectedAttendance': 'wholeNumber',
      'body.budget': 'number',
      'body.location': 'bothCoordinates',
    });
    expect(validateEventDraft(draft({ lat: '91', lng: '13' }))).toEqual({
      'body.location': 'latitude',
    });
    expect(validateEventDraft(draft({ lat: '52', lng: '181' }))).toEqual({
      'body.location': 'longitude',
    });
    expect(validateEventDraft(draft({ start: '' }))).toEqual({ 'body.startsAt': 'required' });
  });

  it('the POST body has UTC times, [lng, lat] order, and no place when no coordinates were given', () => {
    const body = bodyFromDraft(
      draft({
        start: '2026-07-01T14:00',
        end: '2026-07-01T22:00',
        lat: '52,52',
        lng: '13.41',
        attendance: '300',
        status: 'confirmed',
      }),
    );
    expect(body).toMatchObject({
      startsAt: '2026-07-01T12:00:00.000Z',
      endsAt: '2026-07-01T20:00:00.000Z',
      location: { type: 'Point', coordinates: [13.41, 52.52] },
      expectedAttendance: 300,
      status: 'confirmed',
      budget: null,
    });
    expect(bodyFromDraft(draft()).location).toBeNull();
  });

  it('an edit sends the version read and only what changed', () => {
    const event = stored();
    const same = draftFromEvent(event);
    expect(same).toMatchObject({
      start: '2026-11-28T14:00',
      end: '2026-11-28T22:00',
      lat: '52.52',
      lng: '13.41',
      attendance: '5000',
      budget: '1200.5',
      status: 'planned',
    });
    expect(changeFromDraft(event, same)).toEqual({ version: 3 });
    expect(
      changeFromDraft(event, {
        ...same,
        name: 'Winter festival',
        end: '2026-11-28T23:00',
        lat: '',
        lng: '',
      }),
    ).toEqual({
      version: 3,
      name: 'Winter festival',
      endsAt: '2026-11-28T22:00:00.000Z',
      location: null,
    });
  });

  it('switching all-day on keeps the days; off again gives working hours', () => {
    const allDay = withAllDay(draft({ start: '2026-11-28T14:00', end: '2026-11-29T02:00' }), true);
    expect(allDay).toMatchObject({ allDay: true, start: '2026-11-28', end: '2026-11-29' });
    expect(bodyFromDraft(allDay)).toMatchObject({
      allDay: true,
      startsAt: '2026-11-27T23:00:00.000Z',
      endsAt: '2026-11-29T23:00:00.000Z',
    });
    expect(withAllDay(allDay, false)).toMatchObject({
      allDay: false,
      start: '2026-11-28T09:00',
      end: '2026-11-29T17:00',
    });
  });
});
