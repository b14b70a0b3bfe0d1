// Time-zone arithmetic shared by the server and the client (the event form, the ICS import, the campaign evaluator):
// pure, Intl only, no clock reads — every function takes the instant it is about.
export { wallClockMs, zoneOffsetMs } from './zone-clock.js';
export { DAY_MS, isLocalDate, localToUtc, utcToLocal, wallTimeToUtc } from './wall-time.js';
export { addDays, allDayFromUtc, allDayToUtc, dayKey, startOfDay } from './days.js';
export {
  formatClock,
  formatDays,
  formatLocalTime,
  localTime,
  type LocalTime,
} from './local-time.js';
export { utcInstant } from './instant.js';
export { isIanaTimeZone, nextFullHour } from './zones.js';
