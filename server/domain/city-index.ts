// Profiles against the city: an area's share of a group next to the whole city's share, as an index (100 = as in the
// city), and the groups most over-represented in an area. Pure; the city baseline is counted by
// services/audience/city-baseline.ts and privacy decides beforehand which counts may be used at all.
import type { Audience, AudienceBreakdown } from './schemas/audience.js';

/** Index rounded to whole points: 100 = the area's share is the city's. */
export const INDEX_PARITY = 100;

/**
 * The index of a share against the city's: area share ÷ city share × 100, or null when either is unknown or the
 * city has nobody in the group (no baseline to compare with).
 * @example shareIndex({ areaShare: 0.3, cityShare: 0.2 }) // 150
 */
export function shareIndex({
  areaShare,
  cityShare,
}: {
  areaShare: number | null;
  cityShare: number | null;
}): number | null {
  if (areaShare === null || cityShare === null || cityShare <= 0) return null;
  return Math.round((areaShare / cityShare) * INDEX_PARITY);
}

/** A count's share of a total (0–1), or null when either is hidden or the total is zero. */
export const shareOf = (count: number | null, total: number | null): number | null =>
  count === null || total === null || total <= 0 ? null : count / total;

export type BreakdownKey = keyof AudienceBreakdown;
export const breakdownKeys = [
  'ageBands',
  'genders',
  'loyaltyTiers',
  'lapsed',
  'jobTitles',
  'industries',
  'interests',
] as const satisfies readonly BreakdownKey[];

/** The city's count of one group, by breakdown and key; null when it may not be shown (below k). */
export type CityCountOf = (breakdown: BreakdownKey, key: string) => number | null;

/**
 * The audience with every bucket's city share and index filled in. `cityCount` is the city total under the same
 * segment (null when hidden). A bucket hidden in the area keeps a null index, so no count leaks through it.
 * @example withCityShares(audience, { cityCount: 1000, cityCountOf: (b, k) => 200 }).breakdown.genders[0].index
 */
export function withCityShares(
  audience: Audience,
  { cityCount, cityCountOf }: { cityCount: number | null; cityCountOf: CityCountOf },
): Audience {
  const breakdown = { ...audience.breakdown };
  for (const name of breakdownKeys) {
    breakdown[name] = audience.breakdown[name].map((bucket) => {
      const cityShare = shareOf(cityCountOf(name, bucket.key), cityCount);
      const areaShare = shareOf(bucket.count, audience.count);
      return { ...bucket, cityShare, index: shareIndex({ areaShare, cityShare }) };
    });
  }
  return { ...audience, breakdown, cityCount };
}

export interface OverRepresented {
  breakdown: BreakdownKey;
  key: string;
  count: number;
  share: number;
  cityShare: number;
  index: number;
}

/** Keys that name no group anyone would target ("age unknown"). */
const NOT_A_SEGMENT = new Set(['unknown']);

/** An index this high or higher is "over-represented": a tenth more common than in the city, not noise around 100. */
export const OVER_REPRESENTED_INDEX = 110;

/**
 * The groups most over-represented in the area: index of at least `minIndex` (110), at least `minCount` people (a
 * handful of people give wild indices), highest index first, ties by more people.
 * @example topOverRepresented(audience, { minCount: 20, limit: 5 })[0] // { breakdown: 'ageBands', key: '25-34', index: 182, … }
 */
export function topOverRepresented(
  audience: Audience,
  {
    minCount,
    limit,
    minIndex = OVER_REPRESENTED_INDEX,
  }: { minCount: number; limit: number; minIndex?: number },
): OverRepresented[] {
  const found: OverRepresented[] = [];
  for (const name of breakdownKeys) {
    for (const bucket of audience.breakdown[name]) {
      const { count, cityShare, index } = bucket;
      if (count === null || count < minCount || NOT_A_SEGMENT.has(bucket.key)) continue;
      if (index == null || cityShare == null || index < minIndex) continue;
      const share = shareOf(count, audience.count);
      if (share === null) continue;
      found.push({ breakdown: name, key: bucket.key, count, share, cityShare, index });
    }
  }
  return found.sort((a, b) => b.index - a.index || b.count - a.count).slice(0, limit);
}
