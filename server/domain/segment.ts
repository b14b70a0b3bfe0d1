// The reference meaning of a Segment: which customers it keeps, and the age / recency buckets audiences report.
// The in-memory customer index compiles the same rules into typed-array checks; tests hold the two together.
import type { ageBands, lapsedBuckets } from './schemas/audience.js';
import type { Customer } from './schemas/customer.js';
import type { Segment } from './schemas/segment.js';

export type AgeBand = (typeof ageBands)[number];
export type LapsedBucket = (typeof lapsedBuckets)[number];

export const DAY_MS = 86_400_000;
/** Ages outside this range are treated as unknown (a typo in a CRM, not a 200-year-old customer). */
export const MAX_AGE = 130;

/**
 * Days since 1970-01-01 (UTC) of a purchase date (`YYYY-MM-DD`; a longer ISO string is cut to its date),
 * or null when there is none or it is not a date.
 * @example purchaseDay('1970-01-11') // 10
 */
export function purchaseDay(date: string | null | undefined): number | null {
  if (!date) return null;
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms / DAY_MS;
}

/** The UTC day number of an instant: purchases are dates, so recency is counted in whole UTC days. */
export function dayOf(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/**
 * Whole days between the last purchase and `at` (0 on the day itself, negative for a date after `at`),
 * or null when the customer never bought.
 * @example daysSinceLastPurchase('2026-11-20', new Date('2026-11-23T18:00:00Z')) // 3
 */
export function daysSinceLastPurchase(
  lastPurchaseAt: string | null | undefined,
  at: Date,
): number | null {
  const day = purchaseDay(lastPurchaseAt);
  return day === null ? null : dayOf(at) - day;
}

/** A usable age, or null (absent, or outside 0–130). */
export function knownAge(age: number | null | undefined): number | null {
  return age != null && Number.isInteger(age) && age >= 0 && age <= MAX_AGE ? age : null;
}

/**
 * The age band a customer falls in (bands are those of `ageBands`).
 * @example ageBand(17) // '<18'
 * @example ageBand(25) // '25-34'
 * @example ageBand(null) // 'unknown'
 */
export function ageBand(age: number | null | undefined): AgeBand {
  const a = knownAge(age);
  if (a === null) return 'unknown';
  if (a < 18) return '<18';
  if (a < 25) return '18-24';
  if (a < 35) return '25-34';
  if (a < 45) return '35-44';
  if (a < 55) return '45-54';
  if (a < 65) return '55-64';
  return '65+';
}

/**
 * How long ago the last purchase was, as one of `lapsedBuckets` (a future date counts as 0 days).
 * @example lapsedBucket('2026-10-01', new Date('2026-11-23T00:00:00Z')) // '30-59' (53 days)
 * @example lapsedBucket(null, new Date()) // 'never'
 */
export function lapsedBucket(lastPurchaseAt: string | null | undefined, at: Date): LapsedBucket {
  const days = daysSinceLastPurchase(lastPurchaseAt, at);
  if (days === null) return 'never';
  if (days < 30) return '0-29';
  if (days < 60) return '30-59';
  if (days < 90) return '60-89';
  if (days < 180) return '90-179';
  return '180+';
}

const active = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list != null && list.length > 0;

/**
 * Whether a customer belongs to a segment at the instant `at`. Absent, null or empty fields do not filter;
 * ranges are inclusive; labels (job titles, industries, interests, store ids) match exactly.
 * - `ageMin` / `ageMax`: customers without a known age never match an age filter.
 * - `interests`: at least one of the listed interests.
 * - `lapsedDays: N`: no purchase for at least N days; customers who never bought count as lapsed.
 * - `activeWithinDays: N`: a purchase at most N days ago; customers who never bought never match.
 * - `minSpend` / `maxSpend`: total spend.
 * - `storeIds`: the home store is one of these (customers without a home store never match).
 * - `consentedOnly`: marketing consent given.
 * @example inSegment(customer, { ageMin: 25, ageMax: 40, lapsedDays: 60 }, { at: new Date('2026-11-23T00:00:00Z') })
 */
export function inSegment(customer: Customer, segment: Segment, { at }: { at: Date }): boolean {
  const s = segment;
  if (s.ageMin != null || s.ageMax != null) {
    const age = knownAge(customer.age);
    if (
      age === null ||
      (s.ageMin != null && age < s.ageMin) ||
      (s.ageMax != null && age > s.ageMax)
    )
      return false;
  }
  if (active(s.genders) && !s.genders.includes(customer.gender)) return false;
  if (active(s.loyaltyTiers) && !s.loyaltyTiers.includes(customer.loyaltyTier)) return false;
  if (active(s.jobTitles) && !s.jobTitles.includes(customer.jobTitle)) return false;
  if (active(s.industries) && !s.industries.includes(customer.industry)) return false;
  if (active(s.interests) && !customer.interests.some((i) => s.interests!.includes(i)))
    return false;
  if (
    active(s.storeIds) &&
    (customer.homeStoreId == null || !s.storeIds.includes(customer.homeStoreId))
  )
    return false;
  if (s.minSpend != null && !(customer.totalSpend >= s.minSpend)) return false;
  if (s.maxSpend != null && !(customer.totalSpend <= s.maxSpend)) return false;
  if (s.consentedOnly === true && !customer.consent) return false;
  if (s.lapsedDays != null || s.activeWithinDays != null) {
    const days = daysSinceLastPurchase(customer.lastPurchaseAt, at);
    if (s.lapsedDays != null && days !== null && days < s.lapsedDays) return false;
    if (s.activeWithinDays != null && (days === null || days > s.activeWithinDays)) return false;
  }
  return true;
}

/**
 * One text per meaning of a segment, for cache keys and ETags: empty fields dropped, lists sorted and deduplicated,
 * fields in schema order. '' when the segment filters nothing.
 * @example segmentKey({ loyaltyTiers: ['silver', 'gold'], ageMin: 25, genders: [] }) // '{"ageMin":25,"loyaltyTiers":["gold","silver"]}'
 */
export function segmentKey(segment: Segment | undefined): string {
  if (!segment) return '';
  const canonical: Record<string, unknown> = {};
  for (const field of SEGMENT_FIELDS) {
    const value = segment[field];
    if (value == null || value === false) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) canonical[field] = [...new Set(value)].sort();
    } else canonical[field] = value;
  }
  return Object.keys(canonical).length ? JSON.stringify(canonical) : '';
}

const SEGMENT_FIELDS = [
  'ageMin',
  'ageMax',
  'genders',
  'jobTitles',
  'industries',
  'interests',
  'loyaltyTiers',
  'lapsedDays',
  'activeWithinDays',
  'minSpend',
  'maxSpend',
  'storeIds',
  'consentedOnly',
  'rfmCells',
  'minAvgBasket',
  'maxAvgBasket',
  'priceSensitivities',
  'productCategories',
  'categoriesWithinDays',
  'firstPurchaseWithinDays',
] as const satisfies readonly (keyof Segment)[];

/** Whether who is in the segment changes from one day to the next (it counts days since the last purchase). */
export function segmentDependsOnDay(segment: Segment | undefined): boolean {
  return (
    segment?.lapsedDays != null ||
    segment?.activeWithinDays != null ||
    segment?.firstPurchaseWithinDays != null ||
    (segment?.categoriesWithinDays != null && (segment.productCategories?.length ?? 0) > 0)
  );
}
