// An offer made from an event's page: its window is the event's day(s) in the event's own time zone.
import type { EventProperties } from '../../api/contract';
import { addDays, utcToLocal } from '../../../server/domain/time';

/**
 * From local midnight of the day the event starts to local midnight after the day it ends (the end is exclusive),
 * as datetime-local texts in the event's time zone.
 * @example eventDay({ startsAt: '2026-11-28T14:00:00Z', endsAt: '2026-11-28T22:00:00Z', timezone: 'Europe/Berlin' })
 * // { start: '2026-11-28T00:00', end: '2026-11-29T00:00' }
 */
export function eventDay(p: Pick<EventProperties, 'startsAt' | 'endsAt' | 'timezone'>): {
  start: string;
  end: string;
} {
  const first = utcToLocal(p.startsAt, p.timezone).slice(0, 10);
  // The event's end is exclusive: an event ending at midnight ends on the day before.
  const lastInstant = new Date(Math.max(Date.parse(p.startsAt), Date.parse(p.endsAt) - 1));
  const last = utcToLocal(lastInstant, p.timezone).slice(0, 10);
  return { start: `${first}T00:00`, end: `${addDays(last, 1)}T00:00` };
}
