import { describe, expect, it } from 'vitest';
import { evaluateSchedule } from '../../server/domain/campaigns/schedule-trigger.js';
import { localTime } from '../../server/domain/time/local-time.js';
import { scheduleTrigger } from '../../server/domain/schemas/trigger.js';

const schedule = (daysOfWeek: number[], from: string, to: string) =>
  scheduleTrigger.parse({ type: 'schedule', daysOfWeek, from, to });
const weekdayMornings = schedule([1, 2, 3, 4, 5], '07:00', '11:00');
const holds = (t: ReturnType<typeof schedule>, iso: string, zone: string) =>
  evaluateSchedule(0, t, new Date(iso), zone).holds;
/** Minutes of a UTC span in which the trigger holds, checked every minute. */
function minutesHolding(
  t: ReturnType<typeof schedule>,
  fromIso: string,
  toIso: string,
  zone: string,
): number {
  let count = 0;
  for (let ms = Date.parse(fromIso); ms < Date.parse(toIso); ms += 60_000)
    if (evaluateSchedule(0, t, new Date(ms), zone).holds) count++;
  return count;
}

describe('schedule trigger', () => {
  it('reads the local weekday and time in the campaign timezone and explains itself', () => {
    const r = evaluateSchedule(
      3,
      weekdayMornings,
      new Date('2026-11-23T06:42:00Z'),
      'Europe/Berlin',
    ); // Monday 07:42 CET
    expect(r).toEqual({
      index: 3,
      type: 'schedule',
      holds: true,
      code: 'holds',
      observed: 'Mon 07:42',
      threshold: 'Mon–Fri 07:00–11:00',
      unit: null,
      detail: 'Mon 07:42 Europe/Berlin inside Mon–Fri 07:00–11:00',
    });
  });

  it('includes from and excludes to', () => {
    expect(holds(weekdayMornings, '2026-11-23T05:59:59Z', 'Europe/Berlin')).toBe(false);
    expect(holds(weekdayMornings, '2026-11-23T06:00:00Z', 'Europe/Berlin')).toBe(true);
    expect(holds(weekdayMornings, '2026-11-23T09:59:59Z', 'Europe/Berlin')).toBe(true);
    expect(
      evaluateSchedule(0, weekdayMornings, new Date('2026-11-23T10:00:00Z'), 'Europe/Berlin'),
    ).toMatchObject({ holds: false, code: 'outside_hours', observed: 'Mon 11:00' });
  });

  it('says when the hours fit but the day does not', () => {
    expect(
      evaluateSchedule(0, weekdayMornings, new Date('2026-11-28T06:30:00Z'), 'Europe/Berlin'),
    ).toMatchObject({
      holds: false,
      code: 'outside_days',
      detail: 'Sat 07:30 Europe/Berlin outside Mon–Fri 07:00–11:00',
    });
  });

  it('runs an overnight window into the next day, belonging to the day it starts on', () => {
    const fridayNights = schedule([5], '22:00', '02:00');
    expect(holds(fridayNights, '2026-11-27T20:59:00Z', 'Europe/Berlin')).toBe(false); // Fri 21:59
    expect(holds(fridayNights, '2026-11-27T21:00:00Z', 'Europe/Berlin')).toBe(true); // Fri 22:00
    expect(holds(fridayNights, '2026-11-28T00:59:00Z', 'Europe/Berlin')).toBe(true); // Sat 01:59
    expect(holds(fridayNights, '2026-11-28T01:00:00Z', 'Europe/Berlin')).toBe(false); // Sat 02:00
    expect(holds(fridayNights, '2026-11-28T21:30:00Z', 'Europe/Berlin')).toBe(false); // Sat 22:30: Saturday is not listed
    expect(holds(fridayNights, '2026-11-27T00:30:00Z', 'Europe/Berlin')).toBe(false); // Fri 01:30 belongs to Thursday night
    const sundayNights = schedule([7], '23:00', '01:00');
    expect(holds(sundayNights, '2026-11-29T23:30:00Z', 'Europe/Berlin')).toBe(true); // Mon 00:30, Sunday's night (week wraps)
  });

  it('covers a whole day with 00:00–24:00', () => {
    const sundays = schedule([7], '00:00', '24:00');
    expect(
      minutesHolding(sundays, '2026-11-28T23:00:00Z', '2026-11-29T23:00:00Z', 'Europe/Berlin'),
    ).toBe(24 * 60);
    expect(holds(sundays, '2026-11-29T23:00:00Z', 'Europe/Berlin')).toBe(false);
  });
});

describe('schedules across DST changes', () => {
  it('Europe/Berlin spring forward (2026-03-29): the window follows the local clock', () => {
    const sundayMornings = schedule([7], '07:00', '11:00');
    expect(holds(sundayMornings, '2026-03-29T04:59:00Z', 'Europe/Berlin')).toBe(false); // 06:59 CEST
    expect(holds(sundayMornings, '2026-03-29T05:00:00Z', 'Europe/Berlin')).toBe(true); // 07:00 CEST
    expect(holds(schedule([6], '07:00', '11:00'), '2026-03-28T06:00:00Z', 'Europe/Berlin')).toBe(
      true,
    ); // Sat 07:00 CET
    expect(
      minutesHolding(
        sundayMornings,
        '2026-03-28T22:00:00Z',
        '2026-03-29T22:00:00Z',
        'Europe/Berlin',
      ),
    ).toBe(240);
  });

  it('Europe/Berlin: the skipped hour never holds in spring; the repeated hour holds twice in autumn', () => {
    const twoToThree = schedule([7], '02:00', '03:00');
    expect(
      minutesHolding(twoToThree, '2026-03-28T22:00:00Z', '2026-03-29T22:00:00Z', 'Europe/Berlin'),
    ).toBe(0);
    expect(
      minutesHolding(twoToThree, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 'Europe/Berlin'),
    ).toBe(120);
    const overnight = schedule([6], '22:00', '06:00'); // Saturday night into the autumn change: 9 real hours
    expect(
      minutesHolding(overnight, '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', 'Europe/Berlin'),
    ).toBe(9 * 60);
  });

  it('America/New_York: 07:00 is 11:00 UTC after the March change and 12:00 UTC after November', () => {
    const sundayMornings = schedule([7], '07:00', '11:00');
    expect(holds(sundayMornings, '2026-03-08T10:59:00Z', 'America/New_York')).toBe(false);
    expect(holds(sundayMornings, '2026-03-08T11:00:00Z', 'America/New_York')).toBe(true);
    expect(holds(sundayMornings, '2026-11-01T11:59:00Z', 'America/New_York')).toBe(false);
    expect(holds(sundayMornings, '2026-11-01T12:00:00Z', 'America/New_York')).toBe(true);
    expect(
      minutesHolding(
        schedule([7], '01:00', '02:00'),
        '2026-11-01T04:00:00Z',
        '2026-11-02T04:00:00Z',
        'America/New_York',
      ),
    ).toBe(120);
  });

  it('Australia/Lord_Howe: half-hour DST repeats 01:30–02:00 in April and skips 02:00–02:30 in October', () => {
    expect(
      minutesHolding(
        schedule([7], '01:30', '02:00'),
        '2026-04-04T12:00:00Z',
        '2026-04-05T12:00:00Z',
        'Australia/Lord_Howe',
      ),
    ).toBe(60);
    expect(
      minutesHolding(
        schedule([7], '02:00', '02:30'),
        '2026-10-03T12:00:00Z',
        '2026-10-04T12:00:00Z',
        'Australia/Lord_Howe',
      ),
    ).toBe(0);
    expect(localTime(new Date('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe')).toEqual({
      isoWeekday: 7,
      minutes: 2 * 60 + 30,
    });
  });

  it('Asia/Kolkata: +05:30 all year', () => {
    expect(holds(weekdayMornings, '2026-11-23T01:29:59Z', 'Asia/Kolkata')).toBe(false);
    expect(holds(weekdayMornings, '2026-11-23T01:30:00Z', 'Asia/Kolkata')).toBe(true);
    expect(
      evaluateSchedule(0, weekdayMornings, new Date('2026-06-15T05:29:00Z'), 'Asia/Kolkata')
        .observed,
    ).toBe('Mon 10:59');
  });
});

describe('local time', () => {
  it('answers each timezone for its own instant even when asked in turns', () => {
    const at = new Date('2026-11-23T23:30:00Z');
    expect(localTime(at, 'Europe/Berlin')).toEqual({ isoWeekday: 2, minutes: 30 });
    expect(localTime(at, 'America/New_York')).toEqual({ isoWeekday: 1, minutes: 18 * 60 + 30 });
    expect(localTime(at, 'Europe/Berlin')).toEqual({ isoWeekday: 2, minutes: 30 });
    expect(localTime(new Date('2026-11-23T23:31:00Z'), 'Europe/Berlin')).toEqual({
      isoWeekday: 2,
      minutes: 31,
    });
  });
});
