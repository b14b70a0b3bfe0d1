// Calendar days (`YYYY-MM-DD`) in an IANA time zone: which day an instant falls on, when a day starts, all-day spans.
import { DAY_MS, isLocalDate, localToUtc, utcToLocal, wallTimeToUtc } from './wall-time.js';
import { wallClockMs } from './zone-clock.js';

/**
 * `YYYY-MM-DD` plus some days (negative for earlier).
 * @example addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in a time zone.
 * @example dayKey('2026-11-28T23:30:00Z', 'Europe/Berlin') // '2026-11-29'
 */
export function dayKey(at: Date | string, timeZone: string): string {
  return new Date(wallClockMs(new Date(at).getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant a local day starts in a time zone: its midnight, or the end of the gap when the clocks skip midnight.
 * @example startOfDay('2026-03-29', 'Europe/Berlin').toISOString() // '2026-03-28T23:00:00.000Z'
 */
export function startOfDay(day: string, timeZone: string): Date {
  return new Date(wallTimeToUtc(Date.parse(`${day}T00:00:00Z`), timeZone));
}

/**
 * An all-day event from its first to its last day (both inclusive, `YYYY-MM-DD`) in a time zone: it starts at the
 * first day's local midnight and ends, exclusively, at the midnight after the last day (as the API stores it).
 * Null when a day is malformed.
 * @example allDayToUtc('2026-03-29', '2026-03-29', 'Europe/Berlin')
 * // { startsAt: '2026-03-28T23:00:00.000Z', endsAt: '2026-03-29T22:00:00.000Z' } (a 23-hour day)
 */
export function allDayToUtc(
  firstDay: string,
  lastDay: string,
  timeZone: string,
): { startsAt: string; endsAt: string } | null {
  if (!isLocalDate(firstDay) || !isLocalDate(lastDay)) return null;
  const startsAt = localToUtc(firstDay, timeZone);
  const endsAt = localToUtc(addDays(lastDay, 1), timeZone);
  return startsAt && endsAt ? { startsAt, endsAt } : null;
}

/**
 * The first and last day (inclusive) of a stored all-day event in its time zone.
 * @example allDayFromUtc('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 'Europe/Berlin') // { firstDay: '2026-03-29', lastDay: '2026-03-29' }
 */
export function allDayFromUtc(
  startsAt: string,
  endsAt: string,
  timeZone: string,
): { firstDay: string; lastDay: string } {
  const firstDay = utcToLocal(startsAt, timeZone).slice(0, 10);
  const end = Math.max(Date.parse(startsAt), Date.parse(endsAt) - 1);
  return { firstDay, lastDay: utcToLocal(new Date(end), timeZone).slice(0, 10) };
}
