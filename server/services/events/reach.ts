// Who lives around a point: the audience engine over a circle, scoped to the caller's stores and with small groups
// hidden for aggregate-only roles — shared by an event's reach and the comparison of candidate sites.
import { circle, distance } from '@turf/turf';
import type { AppDeps } from '../../deps.js';
import type { Principal } from '../../domain/permissions.js';
import type { Segment } from '../../domain/schemas/segment.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AudienceBreakdown } from '../../domain/schemas/audience.js';
import type { NearStore } from '../../domain/schemas/event.js';
import { hidesSmallGroups, scopeSegment, suppressSmallGroups } from '../../domain/privacy.js';
import { readPrivacySettings } from '../../db/repos/settings.js';
import { listStores } from '../../db/repos/stores.js';
import type { Db } from '../../db/connection.js';

export interface ReachCounts {
  /** The circle counted over (64 steps, inscribed). */
  geometry: AreaGeometry;
  count: number | null;
  consented: number | null;
  breakdown: AudienceBreakdown;
  /** Present when small groups are hidden for the caller. */
  minGroupSize?: number;
}

/** The caller's audience within `withinMeters` of `center` (optionally of a segment), as /api/audience would show it. */
export async function reachAround(
  deps: Pick<AppDeps, 'db' | 'audience' | 'clock'>,
  principal: Principal,
  center: [number, number],
  withinMeters: number,
  segment: Segment | undefined,
): Promise<ReachCounts> {
  const geometry = circle(center, withinMeters / 1000, { steps: 64, units: 'kilometers' }).geometry as AreaGeometry;
  const answer = await deps.audience.audience({ geometry, segment: scopeSegment(segment, principal), at: deps.clock() });
  const shown = hidesSmallGroups(principal) ? suppressSmallGroups(answer, readPrivacySettings(deps.db).minGroupSize) : answer;
  return {
    geometry,
    count: shown.count,
    consented: shown.consented,
    breakdown: shown.breakdown,
    ...(shown.minGroupSize === undefined ? {} : { minGroupSize: shown.minGroupSize }),
  };
}

/** The `limit` stores nearest to `center` (great-circle metres, rounded; ties by id). */
export function nearestStores(db: Db, center: [number, number], limit: number): NearStore[] {
  return listStores(db)
    .map((store) => ({ id: store.id, name: store.name, distanceMeters: Math.round(distance(center, store.location, { units: 'meters' })) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * The best of several sites: most consented customers, then most customers, then the lower index. Hidden counts
 * (null) rank below every shown one — a hidden group is smaller than any shown one — so nothing about them leaks;
 * null when every count is hidden.
 */
export function bestSite(sites: { count: number | null; consented: number | null }[]): number | null {
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
