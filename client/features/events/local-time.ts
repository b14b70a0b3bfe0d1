// Local wall-clock times in an IANA time zone ↔ UTC instants, for the event form's date-time inputs. Pure: Intl
// only, no clock reads. DST: a wall time in a spring-forward gap means the time an hour later (as calendars do),
// a wall time in a fall-back overlap means its first (earlier) occurrence.

const formats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall clock in `timeZone` at the instant `ms`, as the UTC milliseconds of that same wall time. */
export function wallClockMs(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(wallFormat(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** Milliseconds `timeZone` is ahead of UTC at the instant `ms`. */
const offsetMs = (ms: number, timeZone: string) => wallClockMs(ms, timeZone) - Math.floor(ms / 1000) * 1000;

const DAY_MS = 86_400_000;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DDTHH:mm` (what `<input type="datetime-local">` holds) as UTC ms of that wall time; null when malformed. */
function parseWall(local: string): number | null {
  const m = LOCAL_DATE_TIME.exec(local) ?? LOCAL_DATE.exec(local);
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0] = m.slice(1).map(Number) as [number, number, number, number?, number?];
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(ms);
  // 2026-02-30 rolls over to March: not a date.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return ms;
}

/**
 * The UTC instant of a local wall time (`YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` for midnight) in a time zone, as ISO
 * 8601 with Z; null when the text is not a date-time.
 * @example localToUtc('2026-07-01T14:00', 'Europe/Berlin') // '2026-07-01T12:00:00.000Z'
 */
export function localToUtc(local: string, timeZone: string): string | null {
  const wall = parseWall(local);
  if (wall === null) return null;
  // The offsets a day either side (the instant is within 14 h of its wall time; transitions are months apart): the
  // one before a transition gives the earlier reading inside an overlap.
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  const first = wall - before;
  if (wallClockMs(first, timeZone) === wall) return new Date(first).toISOString();
  const second = wall - after;
  if (wallClockMs(second, timeZone) === wall) return new Date(second).toISOString();
  // In a spring-forward gap no instant has this wall time: read it with the offset from before the gap, which
  // lands the same length of time after the gap starts (02:30 in a 02:00→03:00 gap is 03:30).
  return new Date(first).toISOString();
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

/** `YYYY-MM-DD` plus some days. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * An all-day event from its first to its last day (both inclusive, `YYYY-MM-DD`) in a time zone: it starts at the
 * first day's local midnight and ends, exclusively, at the midnight after the last day (as the API stores it).
 * Null when a day is malformed.
 * @example allDayToUtc('2026-03-29', '2026-03-29', 'Europe/Berlin')
 * // { startsAt: '2026-03-28T23:00:00.000Z', endsAt: '2026-03-29T22:00:00.000Z' } (a 23-hour day)
 */
export function allDayToUtc(firstDay: string, lastDay: string, timeZone: string): { startsAt: string; endsAt: string } | null {
  if (!LOCAL_DATE.test(firstDay) || !LOCAL_DATE.test(lastDay) || parseWall(lastDay) === null) return null;
  const startsAt = localToUtc(firstDay, timeZone);
  const endsAt = localToUtc(addDays(lastDay, 1), timeZone);
  return startsAt && endsAt ? { startsAt, endsAt } : null;
}

/**
 * The first and last day (inclusive) of a stored all-day event in its time zone.
 * @example allDayFromUtc('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 'Europe/Berlin') // { firstDay: '2026-03-29', lastDay: '2026-03-29' }
 */
export function allDayFromUtc(startsAt: string, endsAt: string, timeZone: string): { firstDay: string; lastDay: string } {
  const firstDay = utcToLocal(startsAt, timeZone).slice(0, 10);
  const end = Math.max(Date.parse(startsAt), Date.parse(endsAt) - 1);
  return { firstDay, lastDay: utcToLocal(new Date(end), timeZone).slice(0, 10) };
}
