// Purchases over time for a set of customers: weekly purchases, buyers and revenue with the live periods of the
// offers shown there, and retention by month of first purchase. Shared by a campaign's page and an area's page.
import { cohorts, isoDate, weeklySeries } from '../../domain/campaigns/trends.js';
import { liveDays, type Interval } from '../../domain/campaigns/results.js';
import { hideSmallTrends } from '../../domain/campaigns/measures-privacy.js';
import type { Trends } from '../../domain/schemas/campaign-measures.js';
import type { PurchaseHistory } from './purchase-history.js';

const DAY_MS = 86_400_000;
/** Two years of weeks at most: a longer chart is too dense for a side panel. */
const MAX_WEEKS = 104;

export interface TrendsInput {
  purchases: PurchaseHistory;
  seqs: Iterable<number>;
  liveIntervals: readonly Interval[];
  /** First UTC day of the weekly series (clamped to MAX_WEEKS before `at`). */
  fromDay: number;
  at: Date;
  k: number | null;
}

export function purchaseTrends(input: TrendsInput): Trends {
  const today = Math.floor(input.at.getTime() / DAY_MS);
  const fromDay = Math.max(input.fromDay, today - MAX_WEEKS * 7 + 1);
  const seqs = [...input.seqs];
  const maxSeq = seqs.reduce((m, s) => Math.max(m, s), -1);
  const memberOf = new Int32Array(maxSeq + 1).fill(-1);
  seqs.forEach((seq, i) => (memberOf[seq] = i));
  // Cohorts need each member's first purchase on record: the whole history up to today.
  const all = input.purchases.range(-Infinity, today);
  const recent = input.purchases.range(fromDay, today);
  const cohort = cohorts(all.columns, all.rows, memberOf, seqs.length, today);
  const trends: Trends = {
    weeks: weeklySeries(recent.columns, recent.rows, memberOf, fromDay, today),
    livePeriods: liveDays(input.liveIntervals, input.at)
      .filter(([, to]) => to >= fromDay)
      .map(([from, to]) => ({ from: isoDate(Math.max(from, fromDay)), to: isoDate(to) })),
    cohorts: cohort.rows,
  };
  return input.k === null ? trends : hideSmallTrends(trends, input.k, cohort.counts);
}
