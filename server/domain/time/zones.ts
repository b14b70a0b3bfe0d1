// Which time zone names a workspace may be set to, and the next full hour on a zone's wall clock (a new campaign's
// default start).
import { wallClockMs } from './zone-clock.js';

const HOUR_MS = 3_600_000;
const QUARTER_MS = 900_000;

let known: ReadonlySet<string> | null = null;
/** Area/Location, as IANA spells zone names (capitalised parts; digits, _, + and - inside). */
const ZONE_NAME = /^[A-Z][A-Za-z_-]*(\/[A-Z][A-Za-z0-9_+-]*)+$/;

/**
 * Whether `zone` names a time zone as Intl.supportedValuesOf('timeZone') lists it, or as its current IANA name that
 * this runtime resolves to a listed one (ICU lists Asia/Calcutta where IANA now says Asia/Kolkata), or is UTC (which
 * the list leaves out). Abbreviations (CET), POSIX-style rules and misspelt case are refused.
 * @example isIanaTimeZone('Europe/Berlin') // true
 * @example isIanaTimeZone('Asia/Kolkata') // true
 * @example isIanaTimeZone('CET') // false
 */
export function isIanaTimeZone(zone: string): boolean {
  known ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  if (known.has(zone)) return true;
  if (!ZONE_NAME.test(zone)) return false;
  try {
    return known.has(new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

/**
 * The first instant after `now` at which the wall clock in `timeZone` shows a full hour (hh:00). Zone offsets are
 * whole quarter hours, so the quarter hours after `now` are tried in turn: that finds 10:00 in Kathmandu (UTC+5:45),
 * 03:00 when a spring-forward skips 02:00, and the second 02:00 when a fall-back repeats it.
 * @example nextFullHour(new Date('2026-11-23T16:20:00Z'), 'Europe/Berlin').toISOString() // '2026-11-23T17:00:00.000Z' (18:00)
 */
export function nextFullHour(now: Date, timeZone: string): Date {
  let t = Math.floor(now.getTime() / QUARTER_MS) * QUARTER_MS + QUARTER_MS;
  for (let i = 0; i < 12; i++, t += QUARTER_MS)
    if (wallClockMs(t, timeZone) % HOUR_MS === 0) return new Date(t);
  // An offset of no whole quarter hours (a historical local mean time): the next full UTC hour.
  return new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS);
}
