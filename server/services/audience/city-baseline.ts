// The whole city as the baseline of an area's profile: every customer the caller may see who matches the same
// segment, wherever they live. One scan of every customer (in the worker pool when large), so the tallies are kept
// until the customer index changes (an import, an erasure, any upsert moves `changes`) or the day turns (lapsed
// buckets count days). Counts below the minimum group size are hidden before any share is computed from them.
import { ageBands, lapsedBuckets, type Audience } from '../../domain/schemas/audience.js';
import { genders, loyaltyTiers } from '../../domain/schemas/customer.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { dayOf, segmentKey } from '../../domain/segment.js';
import { withCityShares, type BreakdownKey } from '../../domain/city-index.js';
import type { AudienceService } from './audience.js';
import type { AudienceCounts } from './scan.js';
import type { AudienceView } from './viewer.js';
import type { CustomerIndex } from '../customers/customer-index.js';

/** Every place a customer can live: the scan takes whole index cells, no point needs testing. */
const WHOLE_WORLD: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-180, -90],
      [180, -90],
      [180, 90],
      [-180, 90],
      [-180, -90],
    ],
  ],
};

/** A few segments and scopes in use at once; older index versions are never asked for again. */
const MAX_CACHED = 16;

export interface CityBaseline {
  count: number;
  countOf(breakdown: BreakdownKey, key: string): number;
}

type BaselineIndex = Pick<CustomerIndex, 'changes' | 'dictionaries'>;

function baselineOf(counts: AudienceCounts, index: BaselineIndex): CityBaseline {
  const d = index.dictionaries;
  const ordered = (keys: readonly string[], tally: Uint32Array) =>
    new Map(keys.map((key, k) => [key, tally[k] ?? 0]));
  const coded = (values: readonly string[], tally: Uint32Array) =>
    new Map(values.map((key, k) => [key, tally[k] ?? 0]));
  const byBreakdown: Record<BreakdownKey, Map<string, number>> = {
    ageBands: ordered(ageBands, counts.ageBands),
    genders: ordered(genders, counts.genders),
    loyaltyTiers: ordered(loyaltyTiers, counts.loyaltyTiers),
    lapsed: ordered(lapsedBuckets, counts.lapsed),
    jobTitles: coded(d.jobs.values, counts.jobs),
    industries: coded(d.industries.values, counts.industries),
    interests: coded(d.interests.values, counts.interests),
  };
  return {
    count: counts.count,
    countOf: (breakdown, key) => byBreakdown[breakdown].get(key) ?? 0,
  };
}

export interface CityBaselines {
  /** The city's tallies for this (already caller-scoped) segment on the day of `at`. */
  baseline(segment: Segment | undefined, at: Date): Promise<CityBaseline>;
}

export function createCityBaselines({
  index,
  audience,
}: {
  index: BaselineIndex;
  audience: Pick<AudienceService, 'tallies'>;
}): CityBaselines {
  const cache = new Map<string, Promise<CityBaseline>>();
  return {
    baseline(segment, at) {
      const key = `${index.changes}|${segmentKey(segment)}|${dayOf(at)}`;
      let found = cache.get(key);
      if (!found) {
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
        found = audience
          .tallies({ geometry: WHOLE_WORLD, segment, at })
          .then((counts) => baselineOf(counts, index));
        // A failed scan is not kept: the next question tries again.
        found.catch(() => cache.delete(key));
        cache.set(key, found);
      }
      return found;
    },
  };
}

/**
 * The audience (already hidden for the caller) with the city's shares and indices. The city's counts pass through the
 * caller's view first, so a group below k in the city is never revealed as a share either.
 */
export async function againstCity(
  baselines: CityBaselines,
  view: Pick<AudienceView, 'hideCount'>,
  audience: Audience,
  segment: Segment | undefined,
  at: Date,
): Promise<Audience> {
  const city = await baselines.baseline(segment, at);
  return withCityShares(audience, {
    cityCount: view.hideCount(city.count),
    cityCountOf: (breakdown, key) => view.hideCount(city.countOf(breakdown, key)),
  });
}
