// A campaign's results from its parts: live hours of its activations, redemptions by day, the conversion rate, and lift
// of the treated group's purchase rate over the holdout's. Pure: the service reads the rows, these do the arithmetic.
import { hideSmallBuckets, isSmallGroup } from '../privacy.js';
import type { CampaignResults } from '../schemas/campaign-results.js';
import { DAY_MS, purchaseDay } from '../segment.js';

export interface Interval {
  startedAt: string;
  /** null while open: counted up to `now`. */
  endedAt: string | null;
}

/**
 * Hours the offer was live, summed over every interval (an interval per area: two areas live at once count twice);
 * open intervals run to `now`.
 * @example liveHours([{ startedAt: '2026-11-24T07:00:00Z', endedAt: '2026-11-24T08:30:00Z' }], now) // 1.5
 */
export function liveHours(intervals: readonly Interval[], now: Date): number {
  let ms = 0;
  for (const i of intervals)
    ms += Math.max(
      0,
      (i.endedAt === null ? now.getTime() : Date.parse(i.endedAt)) - Date.parse(i.startedAt),
    );
  return ms / 3_600_000;
}

/**
 * The UTC days on which an interval was live (inclusive day numbers since 1970-01-01), merged where they touch:
 * purchases are known by date only, so a purchase counts as during the campaign when its date is such a day.
 */
export function liveDays(intervals: readonly Interval[], now: Date): [number, number][] {
  const spans = intervals
    .map((i): [number, number] => [
      Math.floor(Date.parse(i.startedAt) / DAY_MS),
      Math.floor((i.endedAt === null ? now.getTime() : Date.parse(i.endedAt)) / DAY_MS),
    ])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Whether a last-purchase date (YYYY-MM-DD) falls on one of the live days. */
export function purchasedDuring(
  lastPurchaseAt: string | null,
  days: readonly [number, number][],
): boolean {
  const day = purchaseDay(lastPurchaseAt);
  return day !== null && days.some(([from, to]) => day >= from && day <= to);
}

export interface RedemptionFact {
  amount: number;
  redeemedAt: string;
  customerId: string | null;
}

/** Redemptions per UTC day, oldest first. Revenue is rounded to cents (sums of floats drift). */
export function redemptionsByDay(
  redemptions: readonly RedemptionFact[],
): { day: string; count: number; revenue: number }[] {
  const days = new Map<string, { count: number; revenue: number }>();
  for (const r of redemptions) {
    const day = new Date(r.redeemedAt).toISOString().slice(0, 10);
    const d = days.get(day) ?? { count: 0, revenue: 0 };
    d.count++;
    d.revenue += r.amount;
    days.set(day, d);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, d]) => ({ day, count: d.count, revenue: cents(d.revenue) }));
}

export const cents = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * Who converted: each distinct customer of the treated audience who redeemed, plus each redemption that names no
 * customer (a till without a loyalty card; it cannot be told apart, so it counts once per redemption). Redemptions by
 * customers outside the treated audience (held out, out of scope, or unknown here) do not count.
 */
export function conversions(
  redemptions: readonly RedemptionFact[],
  treated: ReadonlySet<string>,
): number {
  const customers = new Set<string>();
  let anonymous = 0;
  for (const r of redemptions) {
    if (r.customerId === null) anonymous++;
    else if (treated.has(r.customerId)) customers.add(r.customerId);
  }
  return customers.size + anonymous;
}

/** part / whole, or null when there is no whole. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/**
 * Lift of the treated group over the holdout: treatedRate / holdoutRate − 1; null when either is unknown or the holdout
 * rate is 0 (no baseline to compare with).
 * @example lift(0.3, 0.2) // 0.5 (50 % more purchases among those offered)
 */
export function lift(treatedRate: number | null, holdoutRate: number | null): number | null {
  if (treatedRate === null || holdoutRate === null || holdoutRate === 0) return null;
  return treatedRate / holdoutRate - 1;
}

/** What GET /api/campaigns/:id/results answers: the schema's shape. */
export type { CampaignResults };

/** The counts of people behind the rates: a rate over a group below k hides, and so does one whose numerator is 1 … k − 1. */
export interface ResultNumerators {
  conversions: number;
  treatedPurchased: number;
  heldOutPurchased: number;
}

/**
 * What aggregate-only roles see: customer counts below k as null, redemptions of 1 … k − 1 hidden with their revenue,
 * days of redemptions only where no day's few can be read off (hideSmallBuckets), and every rate over, or counting,
 * a small group as null (and lift built on one). The answer names k.
 */
export function suppressSmallResults<R extends Omit<CampaignResults, 'measures'>>(
  r: R,
  n: ResultNumerators,
  k: number,
): R {
  const belowK = (count: number | null) => count === null || count < k;
  const count = (value: number | null) => (belowK(value) ? null : value);
  const treatedSmall = belowK(r.audience.treated);
  const holdoutSmall = belowK(r.holdout.customers) || isSmallGroup(n.heldOutPurchased, k);
  const treatedRateSmall = treatedSmall || isSmallGroup(n.treatedPurchased, k);
  const redemptionsSmall = r.redemptions.count === null || isSmallGroup(r.redemptions.count, k);
  return {
    ...r,
    audience: {
      count: count(r.audience.count),
      consented: count(r.audience.consented),
      treated: count(r.audience.treated),
      holdout: count(r.audience.holdout),
    },
    redemptions: redemptionsSmall
      ? { count: null, revenue: null, byDay: [] }
      : { ...r.redemptions, byDay: hideSmallBuckets(r.redemptions.byDay, k) },
    conversionRate: treatedSmall || isSmallGroup(n.conversions, k) ? null : r.conversionRate,
    holdout: {
      percent: r.holdout.percent,
      customers: count(r.holdout.customers),
      purchasedRate: holdoutSmall ? null : r.holdout.purchasedRate,
    },
    treatedPurchasedRate: treatedRateSmall ? null : r.treatedPurchasedRate,
    lift: treatedRateSmall || holdoutSmall ? null : r.lift,
    minGroupSize: k,
  };
}
