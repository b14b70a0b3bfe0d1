// Local wall times in an IANA time zone ↔ UTC instants. DST, as RFC 5545 and calendars read it: a wall time in a
// spring-forward gap means the time as long after the gap's start (02:30 in a 02:00→03:00 gap is 03:30), a wall time
// in a fall-back overlap means its first (earlier) occurrence.
import { wallClockMs, zoneOffsetMs } from './zone-clock.js';

export const DAY_MS = 86_400_000;

/**
 * The UTC instant (ms) of a wall time in `timeZone`, the wall time given as the UTC milliseconds of its digits.
 * @example new Date(wallTimeToUtc(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin')).toISOString() // '2026-03-29T01:30:00.000Z' (03:30 CEST)
 */
export function wallTimeToUtc(wallMs: number, timeZone: string): number {
  // The offsets a day either side (the instant is within 14 h of its wall time; transitions are months apart): the
  // one before a transition gives the earlier reading inside an overlap.
  const before = zoneOffsetMs(wallMs - DAY_MS, timeZone);
  const after = zoneOffsetMs(wallMs + DAY_MS, timeZone);
  const first = wallMs - before;
  if (before === after || wallClockMs(first, timeZone) === wallMs) return first;
  const second = wallMs - after;
  if (wallClockMs(second, timeZone) === wallMs) return second;
  // In a gap no instant has this wall time: the offset from before the gap lands as long after the gap's start.
  return first;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DDTHH:mm` (what `<input type="datetime-local">` holds) or `YYYY-MM-DD` as UTC ms of that wall time; null when malformed. */
function parseWall(local: string): number | null {
  const m = LOCAL_DATE_TIME.exec(local) ?? LOCAL_DATE.exec(local);
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number?,
    number?,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(ms);
  // 2026-02-30 rolls over to March: not a date.
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  )
    return null;
  return ms;
}

/** Whether the text is a calendar day, `YYYY-MM-DD`, that exists. */
export const isLocalDate = (day: string): boolean =>
  LOCAL_DATE.test(day) && parseWall(day) !== null;

/**
 * The UTC instant of a local wall time (`YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` for midnight) in a time zone, as ISO
 * 8601 with Z; null when the text is not a date-time.
 * @example localToUtc('2026-07-01T14:00', 'Europe/Berlin') // '2026-07-01T12:00:00.000Z'
 */
export function localToUtc(local: string, timeZone: string): string | null {
  const wall = parseWall(local);
  return wall === null ? null : new Date(wallTimeToUtc(wall, timeZone)).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The local wall time (`YYYY-MM-DDTHH:mm`) of an instant in a time zone, for a datetime-local input.
 * @example utcToLocal('2026-07-01T12:00:00Z', 'Europe/Berlin') // '2026-07-01T14:00'
 */
export function utcToLocal(instant: string | Date, timeZone: string): string {
  const wall = new Date(wallClockMs(new Date(instant).getTime(), timeZone));
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}
