// Which events a report lists for an area: those that take place inside it or within walking distance of its edge,
// from today on, soonest first.
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** Within this distance of the area's edge an event still draws its customers (a 10-minute walk). */
export const NEARBY_METERS = 800;
export const NEARBY_LIMIT = 8;

export interface NearbyEventInput {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  location: [number, number] | null;
  /** The IANA zone it is held in, for showing its time. */
  timezone: string;
}

export interface NearbyEvent extends NearbyEventInput {
  /** 0 inside the area. */
  meters: number;
}

/**
 * @example nearbyEvents(events, area, { at: new Date('2026-11-23') }) // [{ id: 'ev-1', meters: 0, … }, …]
 */
export function nearbyEvents(
  events: readonly NearbyEventInput[],
  area: Polygon | MultiPolygon,
  {
    at,
    withinMeters = NEARBY_METERS,
    limit = NEARBY_LIMIT,
  }: { at: Date; withinMeters?: number; limit?: number },
): NearbyEvent[] {
  const shape: Feature<Polygon | MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: area,
  };
  const found: NearbyEvent[] = [];
  for (const event of events) {
    if (!event.location || Date.parse(event.endsAt) < at.getTime()) continue;
    const inside = booleanPointInPolygon(event.location, shape);
    const meters = inside
      ? 0
      : Math.abs(pointToPolygonDistance(event.location, shape, { units: 'meters' }));
    if (meters <= withinMeters) found.push({ ...event, meters });
  }
  return found.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt)).slice(0, limit);
}
