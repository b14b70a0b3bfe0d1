// Time-zone arithmetic shared by the event form, the ICS import and the campaign evaluator: wall times across DST gaps
// and overlaps, zones with odd offsets (+05:45, +12:45/+13:45, half-hour DST) and a day a country skipped.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isIanaTimeZone,
  nextFullHour,
  allDayToUtc,
  dayKey,
  localTime,
  localToUtc,
  startOfDay,
  utcInstant,
  utcToLocal,
  wallTimeToUtc,
  zoneOffsetMs,
} from '../../server/domain/time/index.js';

describe('a wall time in a time zone as a UTC instant', () => {
  it.each([
    [
      'an ordinary summer afternoon in Berlin',
      '2026-07-01T14:00',
      'Europe/Berlin',
      '2026-07-01T12:00:00.000Z',
    ],
    [
      'noon in Kathmandu (+05:45)',
      '2026-07-01T12:00',
      'Asia/Kathmandu',
      '2026-07-01T06:15:00.000Z',
    ],
    ['noon in Kolkata (+05:30)', '2026-07-01T12:00', 'Asia/Kolkata', '2026-07-01T06:30:00.000Z'],
    [
      'midnight on Kiritimati (+14)',
      '2026-07-01',
      'Pacific/Kiritimati',
      '2026-06-30T10:00:00.000Z',
    ],
  ])('%s', (_, wall, zone, instant) => {
    expect(localToUtc(wall, zone)).toBe(instant);
    expect(utcToLocal(instant, zone)).toBe(wall.length === 10 ? `${wall}T00:00` : wall);
  });

  // Spring forward: no instant shows this wall time; it is read with the offset from before the gap (RFC 5545).
  it.each([
    ['Berlin, 02:00 → 03:00', '2026-03-29T02:30', 'Europe/Berlin', '2026-03-29T03:30'],
    ['New York, 02:00 → 03:00', '2026-03-08T02:30', 'America/New_York', '2026-03-08T03:30'],
    ['Sydney, in October', '2026-10-04T02:30', 'Australia/Sydney', '2026-10-04T03:30'],
    ['Chatham, 02:45 → 03:45', '2026-09-27T02:50', 'Pacific/Chatham', '2026-09-27T03:50'],
    [
      'Lord Howe, half an hour: 02:00 → 02:30',
      '2026-10-04T02:15',
      'Australia/Lord_Howe',
      '2026-10-04T02:45',
    ],
    [
      'Havana, whose clocks skip midnight',
      '2026-03-08T00:30',
      'America/Havana',
      '2026-03-08T01:30',
    ],
  ])(
    'a time in the spring-forward gap (%s) is the time as long after the gap',
    (_, wall, zone, shown) => {
      expect(utcToLocal(localToUtc(wall, zone)!, zone)).toBe(shown);
    },
  );

  // Fall back: the wall time happens twice; the first (earlier) one is meant.
  it.each([
    ['Berlin', '2026-10-25T02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['New York', '2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['Sydney, in April', '2026-04-05T02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'],
    [
      'Chatham (+13:45 → +12:45)',
      '2026-04-05T02:50',
      'Pacific/Chatham',
      '2026-04-04T13:05:00.000Z',
    ],
    [
      'Lord Howe (+11 → +10:30)',
      '2026-04-05T01:45',
      'Australia/Lord_Howe',
      '2026-04-04T14:45:00.000Z',
    ],
  ])('a time in the fall-back overlap (%s) is its first occurrence', (_, wall, zone, instant) => {
    expect(localToUtc(wall, zone)).toBe(instant);
  });

  it('the ICS import reads wall times with seconds the same way', () => {
    expect(
      new Date(wallTimeToUtc(Date.UTC(2026, 2, 29, 2, 30, 15), 'Europe/Berlin')).toISOString(),
    ).toBe('2026-03-29T01:30:15.000Z');
    expect(
      new Date(wallTimeToUtc(Date.UTC(2026, 9, 25, 2, 30, 15), 'Europe/Berlin')).toISOString(),
    ).toBe('2026-10-25T00:30:15.000Z');
  });

  it('text that is no date-time gives null', () => {
    for (const text of [
      '',
      '2026-02-30T10:00',
      '2026-07-01T24:00',
      '2026-07-01 10:00',
      '01.07.2026',
    ])
      expect(localToUtc(text, 'Europe/Berlin')).toBeNull();
  });

  it('offsets are read at the instant, minutes included', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T00:00:00Z'), 'Pacific/Chatham') / 60_000).toBe(
      13 * 60 + 45,
    );
    expect(zoneOffsetMs(Date.parse('2026-07-15T00:00:00Z'), 'Pacific/Chatham') / 60_000).toBe(
      12 * 60 + 45,
    );
    expect(zoneOffsetMs(Date.parse('2026-07-15T00:00:00Z'), 'America/St_Johns') / 60_000).toBe(
      -150,
    );
  });
});

describe('local days', () => {
  it('an instant falls on the day its zone shows', () => {
    expect(dayKey('2026-11-28T23:30:00Z', 'Europe/Berlin')).toBe('2026-11-29');
    expect(dayKey('2026-11-28T23:30:00Z', 'America/Los_Angeles')).toBe('2026-11-28');
    expect(dayKey('2026-11-28T18:14:00Z', 'Asia/Kathmandu')).toBe('2026-11-28');
    expect(dayKey('2026-11-28T18:15:00Z', 'Asia/Kathmandu')).toBe('2026-11-29');
  });

  it('a day starts at its midnight, or where the clocks land when they skip it', () => {
    expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(startOfDay('2026-03-08', 'America/Havana').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    ); // 01:00 CDT
  });

  it('Samoa skipped 30 December 2011: 29 December ends and 31 December starts at the same instant', () => {
    expect(dayKey('2011-12-30T09:59:59Z', 'Pacific/Apia')).toBe('2011-12-29');
    expect(dayKey('2011-12-30T10:00:00Z', 'Pacific/Apia')).toBe('2011-12-31');
    expect(startOfDay('2011-12-31', 'Pacific/Apia').toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });

  it('an all-day event on a 23-hour day ends 23 hours after it starts', () => {
    expect(allDayToUtc('2026-03-29', '2026-03-29', 'Europe/Berlin')).toEqual({
      startsAt: '2026-03-28T23:00:00.000Z',
      endsAt: '2026-03-29T22:00:00.000Z',
    });
    expect(allDayToUtc('2026-03-29', '2026-02-30', 'Europe/Berlin')).toBeNull();
  });

  it('days add across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('the local weekday and clock time', () => {
  it('reads odd offsets to the minute', () => {
    expect(localTime(new Date('2026-07-01T12:00:00Z'), 'Asia/Kathmandu')).toEqual({
      isoWeekday: 3,
      minutes: 17 * 60 + 45,
    });
    expect(localTime(new Date('2026-01-15T00:00:00Z'), 'Pacific/Chatham')).toEqual({
      isoWeekday: 4,
      minutes: 13 * 60 + 45,
    });
  });

  it('moves with the clocks on the night they change', () => {
    expect(localTime(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toEqual({
      isoWeekday: 7,
      minutes: 1 * 60 + 59,
    });
    expect(localTime(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({
      isoWeekday: 7,
      minutes: 3 * 60,
    });
  });

  it('a weekday before 1970 is still right', () => {
    expect(localTime(new Date('1969-07-20T20:17:00Z'), 'UTC')).toEqual({
      isoWeekday: 7,
      minutes: 20 * 60 + 17,
    });
  });
});

describe('the stored shape of an instant', () => {
  it('is UTC to the second', () => {
    expect(utcInstant('2026-11-23T11:00:00.750+01:00')).toBe('2026-11-23T10:00:00Z');
    expect(utcInstant(Date.UTC(2026, 10, 23, 10))).toBe('2026-11-23T10:00:00Z');
  });
});

describe('nextFullHour', () => {
  const next = (iso: string, zone: string) => nextFullHour(new Date(iso), zone).toISOString();

  it('is the next hh:00 on the zone’s clock, not UTC’s', () => {
    expect(next('2026-11-23T16:20:00Z', 'Europe/Berlin')).toBe('2026-11-23T17:00:00.000Z'); // 18:00 CET
    expect(next('2026-11-23T17:00:00Z', 'Europe/Berlin')).toBe('2026-11-23T18:00:00.000Z'); // on the hour: the next
    expect(next('2026-07-01T12:00:00Z', 'Asia/Kathmandu')).toBe('2026-07-01T12:15:00.000Z'); // 17:45 → 18:00 (+05:45)
    expect(next('2026-07-01T12:10:00Z', 'Asia/Kolkata')).toBe('2026-07-01T12:30:00.000Z'); // 17:40 → 18:00 (+05:30)
    expect(next('2026-01-15T23:59:00Z', 'UTC')).toBe('2026-01-16T00:00:00.000Z');
  });

  it('skips the hour a spring-forward leaves out, and takes the repeated one of a fall-back', () => {
    // 29 March 2026, Berlin: 01:30 CET, then 02:00 does not exist; the next full hour is 03:00 CEST.
    expect(next('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(utcToLocal(next('2026-03-29T00:30:00Z', 'Europe/Berlin'), 'Europe/Berlin')).toBe(
      '2026-03-29T03:00',
    );
    // 25 October 2026, Berlin: 02:30 CEST; the clock goes back to 02:00 CET half an hour later.
    expect(next('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T01:00:00.000Z');
    expect(utcToLocal(next('2026-10-25T00:30:00Z', 'Europe/Berlin'), 'Europe/Berlin')).toBe(
      '2026-10-25T02:00',
    );
    // Lord Howe shifts by half an hour: 01:45 LHST, then 02:30 LHDT at 02:00; the next full hour is 03:00.
    expect(
      utcToLocal(next('2026-10-03T15:15:00Z', 'Australia/Lord_Howe'), 'Australia/Lord_Howe'),
    ).toBe('2026-10-04T03:00');
  });
});

describe('isIanaTimeZone', () => {
  it('takes the names Intl lists, and UTC; not abbreviations, links or made-up places', () => {
    expect(isIanaTimeZone('Europe/Berlin')).toBe(true);
    expect(isIanaTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    // IANA's current name, where the runtime's list still has the old one (Asia/Calcutta), and the old one too.
    expect(isIanaTimeZone('Asia/Kolkata')).toBe(true);
    expect(isIanaTimeZone('Asia/Calcutta')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('CET')).toBe(false);
    expect(isIanaTimeZone('europe/berlin')).toBe(false);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
  });
});
