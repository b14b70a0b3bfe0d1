// The wall clock of an IANA time zone at an instant, read through Intl (no time-zone library, no clock reads). The
// rest of domain/time is built on `wallClockMs`: a wall time is carried as the UTC milliseconds of the same digits.

// Building a DateTimeFormat costs far more than using one, and an ICS expansion converts thousands of times.
const formats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * The wall clock in `timeZone` at the instant `ms`, as the UTC milliseconds of that same wall time (to the second).
 * @example new Date(wallClockMs(Date.parse('2026-07-01T12:00:00Z'), 'Asia/Kathmandu')).toISOString() // '2026-07-01T17:45:00.000Z'
 */
export function wallClockMs(ms: number, timeZone: string): number {
  let year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0;
  for (const part of wallFormat(timeZone).formatToParts(new Date(ms))) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      // Some engines said 24 for midnight before hourCycle existed; h23 asks for 0, % 24 makes sure.
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * Milliseconds `timeZone` is ahead of UTC at the instant `ms`.
 * @example zoneOffsetMs(Date.parse('2026-01-15T00:00:00Z'), 'Pacific/Chatham') / 60_000 // 825 (+13:45)
 */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  return wallClockMs(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}
