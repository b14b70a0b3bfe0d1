// Event triggers: a given event, or the nearest event of a category, within N metres of the area from N minutes before
// it starts until N minutes after it ends.
import type { MultiPolygon, Polygon } from 'geojson';
import { pointToPolygonDistance } from '@turf/turf';
import type { EventTrigger } from '../schemas/trigger.js';
import { formatClock, localTime } from './local-time.js';
import type { EventForTrigger, TriggerResult } from './types.js';

const MINUTE_MS = 60_000;

/** Metres from a point to an area: 0 inside it (a point in a hole is outside), else to its nearest edge (geodesic). */
export function metersToArea(point: [number, number], geometry: Polygon | MultiPolygon): number {
  return Math.max(0, pointToPolygonDistance(point, geometry, { units: 'meters' }));
}

/** Whether `at` is in [startsAt − before, endsAt + after): the event's own end is exclusive, so the padded end is too. */
export function inEventTime(event: EventForTrigger, t: Pick<EventTrigger, 'beforeMinutes' | 'afterMinutes'>, atMs: number): boolean {
  return atMs >= Date.parse(event.startsAt) - t.beforeMinutes * MINUTE_MS && atMs < Date.parse(event.endsAt) + t.afterMinutes * MINUTE_MS;
}

function timeLabel(event: EventForTrigger, t: EventTrigger, timeZone: string): string {
  const from = formatClock(localTime(new Date(event.startsAt), timeZone).minutes);
  const to = formatClock(localTime(new Date(event.endsAt), timeZone).minutes);
  const pad = t.beforeMinutes === t.afterMinutes ? (t.beforeMinutes ? ` ±${t.beforeMinutes} min` : '') : ` −${t.beforeMinutes}/+${t.afterMinutes} min`;
  return `${from}–${to}${pad}`;
}

/**
 * Evaluates an event trigger at `at` for an area. Unplaced events never hold. For a category (compared ignoring case)
 * the nearest event that holds decides; when none does, the nearest event in its time that is too far explains why.
 * @example evaluateEvent(0, { type: 'event', eventId: 'ev-1', withinMeters: 500, beforeMinutes: 60, afterMinutes: 60 }, …)
 * // { holds: true, observed: 320, threshold: 500, unit: 'm', detail: 'Street festival 320 m away, 14:00–22:00 ±60 min', … }
 */
export function evaluateEvent(
  index: number,
  t: EventTrigger,
  area: { geometry: Polygon | MultiPolygon },
  events: readonly EventForTrigger[],
  at: Date,
  timeZone: string,
): TriggerResult {
  const atMs = at.getTime();
  const category = t.category?.toLowerCase();
  const base = { index, type: 'event' as const, threshold: t.withinMeters, unit: 'm' };
  
  let best: { event: EventForTrigger; meters: number } | null = null; // nearest in time (holds if within range)
  let matched: EventForTrigger | null = null;
  let unplacedOnNow: EventForTrigger | null = null;
  for (const event of events) {
    if (t.eventId !== undefined ? event.id !== t.eventId : event.category.toLowerCase() !== category) continue;
    matched ??= event;
    if (!inEventTime(event, t, atMs)) continue;
    if (!event.location) {
      unplacedOnNow ??= event;
      continue;
    }
    const meters = metersToArea(event.location, area.geometry);
    if (!best || meters < best.meters) best = { event, meters };
  }

  if (best) {
    const { event, meters } = best;
    const holds = meters <= t.withinMeters;
    const name = event.name ?? event.id;
    const distance = meters === 0 ? 'inside the area' : `${Math.round(meters)} m away`;
    const detail = `${name} ${distance}${holds ? '' : ` (more than ${t.withinMeters} m)`}, ${timeLabel(event, t, timeZone)}`;
    return { ...base, holds, code: holds ? 'holds' : 'too_far', observed: Math.round(meters * 10) / 10, detail, eventId: event.id, ...(event.name ? { eventName: event.name } : {}) };
  }
  if (!matched) return { ...base, holds: false, code: 'no_event', observed: null, detail: t.eventId !== undefined ? `event ${t.eventId} not found` : `no ${t.category} event` };
  const name = matched.name ?? matched.id;
  const named = t.eventId !== undefined ? { eventId: matched.id, ...(matched.name ? { eventName: matched.name } : {}) } : {};
  if (t.eventId !== undefined ? !matched.location : unplacedOnNow)
    return { ...base, ...named, holds: false, code: 'not_placed', observed: null, detail: `${unplacedOnNow?.name ?? name} has no place on the map yet` };
  const detail = t.eventId !== undefined ? `${name} is not on now (${timeLabel(matched, t, timeZone)})` : `no ${t.category} event on at this time`;
  return { ...base, ...named, holds: false, code: 'outside_time', observed: null, detail };
}
