// Who lives around a point: the audience engine over a circle, as the caller may see it (audience/viewer.ts) — an
// event's reach (with the saved areas it overlaps and the nearest stores) and the comparison of candidate sites.
import { booleanIntersects, circle, distance } from '@turf/turf';
import type { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import type { Principal } from '../../domain/permissions.js';
import type { Segment } from '../../domain/schemas/segment.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AudienceBreakdown } from '../../domain/schemas/audience.js';
import type {
  eventReach as eventReachSchema,
  eventSites,
  eventSitesRequest,
  NearStore,
} from '../../domain/schemas/event.js';
import { storePlaces } from '../../db/repos/stores.js';
import type { Db } from '../../db/connection.js';
import { listAreas } from '../areas/areas.js';
import { audienceViewFor, namedK, type AudienceView } from '../audience/viewer.js';
import { ServiceError } from '../errors.js';
import { getEvent } from './events.js';

type ReachDeps = Pick<AppDeps, 'db' | 'audience' | 'clock'> & {
  /** For a reach by walking time; absent, only metres can be asked. */
  isochrones?: AppDeps['isochrones'];
};

interface ReachCounts {
  /** The circle counted over (64 steps, inscribed). */
  geometry: AreaGeometry;
  count: number | null;
  consented: number | null;
  breakdown: AudienceBreakdown;
  /** Present when small groups are hidden for the caller. */
  minGroupSize?: number;
}

/**
 * The audience within `within` of `center` (optionally of a segment), as /api/audience would show it to the viewer:
 * a circle of so many metres, or the area walked in so many minutes.
 */
async function reachAround(
  deps: ReachDeps,
  view: AudienceView,
  center: [number, number],
  within: number | { geometry: AreaGeometry },
  segment: Segment | undefined,
): Promise<ReachCounts> {
  const geometry =
    typeof within === 'number'
      ? (circle(center, within / 1000, { steps: 64, units: 'kilometers' }).geometry as AreaGeometry)
      : within.geometry;
  const shown = view.hide(
    await deps.audience.audience({ geometry, segment: view.segment(segment), at: deps.clock() }),
  );
  return {
    geometry,
    count: shown.count,
    consented: shown.consented,
    breakdown: shown.breakdown,
    ...(shown.minGroupSize === undefined ? {} : { minGroupSize: shown.minGroupSize }),
  };
}

/** Who lives within `withinMeters` of event `id`, the caller's saved areas that circle overlaps, and the 3 nearest stores. */
export async function reachOfEvent(
  deps: ReachDeps,
  principal: Principal,
  id: string,
  {
    withinMeters,
    walkMinutes,
    segment,
  }: { withinMeters: number; walkMinutes?: number | undefined; segment: Segment | undefined },
): Promise<z.output<typeof eventReachSchema>> {
  const event = getEvent(deps.db, id);
  if (!event.location)
    throw new ServiceError('invalid', `Event ${id} has no place on the map yet`, [
      {
        field: 'params.id',
        code: 'event_unplaced',
        message: 'the event needs a place (PATCH location) first',
      },
    ]);
  const walk =
    walkMinutes !== undefined && deps.isochrones
      ? await deps.isochrones.preview({ mode: 'walk', minutes: walkMinutes, eventId: id })
      : null;
  const { geometry, ...counts } = await reachAround(
    deps,
    audienceViewFor(deps.db, principal),
    event.location,
    walk ? { geometry: walk.geometry } : withinMeters,
    segment,
  );
  const areas = listAreas(deps.db, principal)
    .filter((area) => booleanIntersects(geometry, area.geometry))
    .map((area) => ({ id: area.id, name: area.name }));
  return {
    withinMeters,
    ...(walk ? { walkMinutes } : {}),
    geometry,
    ...counts,
    areas,
    nearestStores: nearestStores(deps.db, event.location, 3),
  };
}

/** 2 to 5 candidate places for an event, each counted like an event's reach, in request order, and the best of them. */
export async function compareSites(
  deps: ReachDeps,
  principal: Principal,
  request: z.output<typeof eventSitesRequest>,
): Promise<z.output<typeof eventSites>> {
  const { sites: candidates, withinMeters, segment } = request;
  const view = audienceViewFor(deps.db, principal);
  const reached = await Promise.all(
    candidates.map(async (site, index) => {
      const center: [number, number] = [site.lng, site.lat];
      return {
        index,
        site,
        center,
        ...(await reachAround(deps, view, center, withinMeters, segment)),
      };
    }),
  );
  const counted = reached.map(({ index, site, center, count, consented, breakdown }) => ({
    index,
    label: site.label ?? null,
    location: { type: 'Point' as const, coordinates: center },
    count,
    consented,
    breakdown,
    nearestStore: nearestStores(deps.db, center, 1)[0] ?? null,
  }));
  return { withinMeters, sites: counted, ...namedK(view), best: bestSite(counted) };
}

/** The `limit` stores nearest to `center` (great-circle metres, rounded; ties by id). */
function nearestStores(db: Db, center: [number, number], limit: number): NearStore[] {
  return storePlaces(db)
    .map((store) => ({
      id: store.id,
      name: store.name,
      distanceMeters: Math.round(distance(center, store.location, { units: 'meters' })),
    }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * The best of several sites: most consented customers, then most customers, then the lower index. Hidden counts
 * (null) rank below every shown one — a hidden group is smaller than any shown one — so nothing about them leaks;
 * null when every count is hidden.
 */
export function bestSite(
  sites: { count: number | null; consented: number | null }[],
): number | null {
  let best: number | null = null;
  sites.forEach((site, index) => {
    if (site.count === null) return;
    if (best === null) {
      best = index;
      return;
    }
    const current = sites[best]!;
    const byConsented = (site.consented ?? -1) - (current.consented ?? -1);
    if (byConsented > 0 || (byConsented === 0 && site.count > (current.count ?? -1))) best = index;
  });
  return best;
}
