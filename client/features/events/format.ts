// How an event's time reads: start–end in the event's own time zone, formatted with Intl in the user's locale.
import { dateTimeFormat } from '../../i18n/format';
import type { EventProperties } from '../../api/contract';

type Times = Pick<EventProperties, 'startsAt' | 'endsAt' | 'timezone' | 'allDay'>;

/**
 * Local start–end of an event in its time zone; all-day events show dates only (their end is exclusive).
 * @example formatEventTime('en', { startsAt: '2026-11-28T14:00:00Z', endsAt: '2026-11-28T22:00:00Z', timezone: 'Europe/Berlin', allDay: false })
 * // 'Nov 28, 2026, 3:00 – 11:00 PM'
 */
export function formatEventTime(locale: string, event: Times): string {
  const start = new Date(event.startsAt);
  let end = new Date(event.endsAt);
  if (event.allDay) {
    end = new Date(Math.max(start.getTime(), end.getTime() - 1));
    return dateTimeFormat(locale, {
      dateStyle: 'medium',
      timeZone: event.timezone,
    }).formatRange(start, end);
  }
  return dateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: event.timezone,
  }).formatRange(start, end);
}

/** The time of day an event starts, for a row under its day heading ("15:00"). */
export function formatStartTime(locale: string, event: Times): string {
  if (event.allDay) return '';
  return dateTimeFormat(locale, { timeStyle: 'short', timeZone: event.timezone }).format(
    new Date(event.startsAt),
  );
}

/** A day heading ("Saturday, 28 November") for a `YYYY-MM-DD` key. */
export function formatDay(locale: string, day: string): string {
  return dateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
