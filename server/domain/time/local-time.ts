// The local weekday and time of an instant in an IANA time zone, for schedules and event windows. The live-offers
// lookup asks this thousands of times a second, so answers are kept per time zone and UTC minute (every lookup at one
// instant asks the same question; event times recur in every evaluation).
import { DAY_MS } from './wall-time.js';
import { wallClockMs } from './zone-clock.js';

export interface LocalTime {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  /** Minutes after local midnight, 0–1439. */
  minutes: number;
}

const answers = new Map<string, Map<number, LocalTime>>();
const MAX_ANSWERS_PER_ZONE = 512;

/**
 * The weekday and clock time shown in `timeZone` at `at`. Correct across DST changes because Intl applies the zone's
 * rules; cached per UTC minute, which is exact for every zone whose offset is whole minutes (all of them since 1972).
 * @example localTime(new Date('2026-03-29T05:30:00Z'), 'Europe/Berlin') // { isoWeekday: 7, minutes: 450 } (Sun 07:30)
 */
export function localTime(at: Date, timeZone: string): LocalTime {
  const minute = Math.floor(at.getTime() / 60_000);
  let known = answers.get(timeZone);
  const cached = known?.get(minute);
  if (cached) return cached;
  const wall = wallClockMs(minute * 60_000, timeZone);
  const day = Math.floor(wall / DAY_MS);
  // Day 0, 1970-01-01, was a Thursday (ISO weekday 4).
  const local = {
    isoWeekday: ((((day + 3) % 7) + 7) % 7) + 1,
    minutes: Math.floor((wall - day * DAY_MS) / 60_000),
  };
  if (!known) answers.set(timeZone, (known = new Map()));
  else if (known.size >= MAX_ANSWERS_PER_ZONE) known.clear(); // a scheduler sweeping time: start over rather than grow
  known.set(minute, local);
  return local;
}

const dayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Mon 07:42`. */
export function formatLocalTime(local: LocalTime): string {
  return `${dayNames[local.isoWeekday]} ${formatClock(local.minutes)}`;
}

/** `07:42` from minutes after midnight (1440 is `24:00`). */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `Mon–Fri`, `Mon, Wed, Sat–Sun`: ISO weekdays as the shortest list of ranges. */
export function formatDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${dayNames[sorted[i]!]}–${dayNames[sorted[j]!]}` : dayNames[sorted[i]!]!);
    i = j + 1;
  }
  return parts.join(', ');
}
