// Event triggers: a given event, or the nearest event of a category, within N metres of the area from N minutes before
// it starts until N minutes after it ends.
import type { MultiPolygon, Polygon } from 'geojson';
import { pointInArea } from '../geometry/point-in-area.js';
import type { AreaGeometry } from '../schemas/geojson.js';
import type { EventTrigger } from '../schemas/trigger.js';
import { formatClock, localTime } from '../time/local-time.js';
import type { EventForTrigger, TriggerResult } from './types.js';

const MINUTE_MS = 60_000;

const EARTH_RADIUS_M = 6_371_008.8;
const M_PER_DEG = (Math.PI / 180) * EARTH_RADIUS_M;

/**
 * Metres from a point to an area: 0 inside it (a point in a hole is outside), else to its nearest edge. Edges are
 * measured in a local flat projection centred on the point (equirectangular), which is within 0.5 % of the geodesic
 * distance up to the 50 km a trigger may ask for, and some thousand times faster than Turf's pointToPolygonDistance
 * (milliseconds per call on a 64-sided circle), which the live-offers lookup cannot afford.
 * @example metersToArea([13.4247, 52.505], square) // ≈ 320 (east of the square's edge at 13.42)
 */
export function metersToArea(point: [number, number], geometry: Polygon | MultiPolygon): number {
  if (pointInArea(point, geometry as AreaGeometry)) return 0;
  const [lng0, lat0] = point;
  const kx = Math.cos((lat0 * Math.PI) / 180) * M_PER_DEG;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = Infinity;
  for (const rings of polygons)
    for (const ring of rings) {
      let prevX = 0;
      let prevY = 0;
      for (let i = 0; i < ring.length; i++) {
        let dLng = ring[i]![0]! - lng0;
        if (dLng > 180) dLng -= 360;
        else if (dLng < -180) dLng += 360;
        const x = dLng * kx;
        const y = (ring[i]![1]! - lat0) * M_PER_DEG;
        if (i > 0) best = Math.min(best, originToSegment2(prevX, prevY, x, y));
        prevX = x;
        prevY = y;
      }
    }
  return Math.sqrt(best);
}

/** Squared distance from (0, 0) to the segment (ax, ay)–(bx, by). */
function originToSegment2(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}

/**
 * metersToArea remembered per event place and area shape (both values that are replaced, never mutated): the live
 * lookup asks the same pairs at every point, and a 64-edge distance costs more than the rest of an evaluation.
 */
const distances = new WeakMap<Polygon | MultiPolygon, WeakMap<[number, number], number>>();
function distanceOf(location: [number, number], geometry: Polygon | MultiPolygon): number {
  let byLocation = distances.get(geometry);
  if (!byLocation) distances.set(geometry, (byLocation = new WeakMap()));
  let meters = byLocation.get(location);
  if (meters === undefined) byLocation.set(location, (meters = metersToArea(location, geometry)));
  return meters;
}

/** Whether `at` is in [startsAt − before, endsAt + after): the event's own end is exclusive, so the padded end is too. */
export function inEventTime(
  event: EventForTrigger,
  t: Pick<EventTrigger, 'beforeMinutes' | 'afterMinutes'>,
  atMs: number,
): boolean {
  return (
    atMs >= Date.parse(event.startsAt) - t.beforeMinutes * MINUTE_MS &&
    atMs < Date.parse(event.endsAt) + t.afterMinutes * MINUTE_MS
  );
}

function timeLabel(event: EventForTrigger, t: EventTrigger, timeZone: string): string {
  const from = formatClock(localTime(new Date(event.startsAt), timeZone).minutes);
  const to = formatClock(localTime(new Date(event.endsAt), timeZone).minutes);
  const pad =
    t.beforeMinutes === t.afterMinutes
      ? t.beforeMinutes
        ? ` ±${t.beforeMinutes} min`
        : ''
      : ` −${t.beforeMinutes}/+${t.afterMinutes} min`;
  return `${from}–${to}${pad}`;
}

/**
 * Whether an event trigger names this event: by its id, or by its category compared ignoring case.
 * @example namesEvent({ type: 'event', category: 'Festival', withinMeters: 500, beforeMinutes: 0, afterMinutes: 0 }, { id: 'ev-1', category: 'festival' }) // true
 */
export function namesEvent(t: EventTrigger, event: { id: string; category: string }): boolean {
  return t.eventId !== undefined
    ? event.id === t.eventId
    : t.category !== undefined && event.category.toLowerCase() === t.category.toLowerCase();
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
  const base = { index, type: 'event' as const, threshold: t.withinMeters, unit: 'm' };

  let best: { event: EventForTrigger; meters: number } | null = null; // nearest in time (holds if within range)
  let matched: EventForTrigger | null = null;
  let unplacedOnNow: EventForTrigger | null = null;
  for (const event of events) {
    if (!namesEvent(t, event)) continue;
    matched ??= event;
    if (!inEventTime(event, t, atMs)) continue;
    if (!event.location) {
      unplacedOnNow ??= event;
      continue;
    }
    const meters = distanceOf(event.location, area.geometry);
    if (!best || meters < best.meters) best = { event, meters };
  }

  if (best) {
    const { event, meters } = best;
    const holds = meters <= t.withinMeters;
    const name = event.name ?? event.id;
    // Whole metres, unless rounding would make a distance just over the limit read as the limit ("500 m, more than 500 m").
    const shown =
      !holds && Math.round(meters) <= t.withinMeters
        ? (Math.ceil(meters * 10) / 10).toFixed(1)
        : String(Math.round(meters));
    const distance = meters === 0 ? 'inside the area' : `${shown} m away`;
    const detail = `${name} ${distance}${holds ? '' : ` (more than ${t.withinMeters} m)`}, ${timeLabel(event, t, timeZone)}`;
    return {
      ...base,
      holds,
      code: holds ? 'holds' : 'too_far',
      observed: Math.round(meters * 10) / 10,
      detail,
      eventId: event.id,
      ...(event.name ? { eventName: event.name } : {}),
    };
  }
  if (!matched)
    return {
      ...base,
      holds: false,
      code: 'no_event',
      observed: null,
      detail: t.eventId !== undefined ? `event ${t.eventId} not found` : `no ${t.category} event`,
    };
  const name = matched.name ?? matched.id;
  const named =
    t.eventId !== undefined
      ? { eventId: matched.id, ...(matched.name ? { eventName: matched.name } : {}) }
      : {};
  if (t.eventId !== undefined ? !matched.location : unplacedOnNow)
    return {
      ...base,
      ...named,
      holds: false,
      code: 'not_placed',
      observed: null,
      detail: `${unplacedOnNow?.name ?? name} has no place on the map yet`,
    };
  const detail =
    t.eventId !== undefined
      ? `${name} is not on now (${timeLabel(matched, t, timeZone)})`
      : `no ${t.category} event on at this time`;
  return { ...base, ...named, holds: false, code: 'outside_time', observed: null, detail };
}
