// The measures a campaign is judged by, for its treated group and its holdout, and the lift of one over the other
// with 95 % intervals: conversion, retention after 30/60/90 days, sales growth against the period before, revenue
// per customer. Pure: member facts in (purchase-facts.ts), figures out.
import type {
  GroupMeasures,
  Lift,
  MeasuredGroup,
  RetentionFigure,
} from '../schemas/campaign-measures.js';
import { meanDifferenceInterval, sampleOf, type DrawBudget } from '../stats/bootstrap.js';
import { newcombeDifference } from '../stats/intervals.js';
import { hash32 } from './holdout.js';
import { NO_DAY, RETENTION_DAYS, type MeasureWindow, type MemberFacts } from './purchase-facts.js';

/**
 * Fewer customers than this in either group's denominator and a lift draws no conclusion: the interval would be wide
 * enough to say nothing, and the normal approximations behind it are not to be trusted.
 */
export const MIN_CONCLUSIVE_GROUP = 30;

/** Group measures as computed: every count known (privacy may hide some later). */
export interface CountedMeasures extends GroupMeasures {
  customers: number;
  converted: number;
  retention: (RetentionFigure & { eligible: number; retained: number })[];
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const cents = (amount: number) => Math.round(amount * 100) / 100;

/** The measures of one group of members (indices into the facts). */
export function groupMeasures(
  facts: MemberFacts,
  members: Int32Array,
  w: MeasureWindow,
): CountedMeasures {
  let converted = 0;
  let before = 0;
  let during = 0;
  const eligible = RETENTION_DAYS.map(() => 0);
  const retained = RETENTION_DAYS.map(() => 0);
  for (const m of members) {
    before += facts.revenueBefore[m]!;
    during += facts.revenueDuring[m]!;
    const first = facts.firstDay[m]!;
    if (first === NO_DAY) continue;
    converted++;
    const next = facts.daysToNext[m]!;
    RETENTION_DAYS.forEach((days, i) => {
      // Only customers whose first purchase is at least `days` old can show whether they came back within them.
      if (first + days > w.today) return;
      eligible[i]!++;
      if (next !== NO_DAY && next <= days) retained[i]!++;
    });
  }
  const retention = RETENTION_DAYS.map((days, i) => ({
    days,
    eligible: eligible[i]!,
    retained: retained[i]!,
    rate: rate(retained[i]!, eligible[i]!),
  }));
  return {
    customers: members.length,
    converted,
    conversion: rate(converted, members.length),
    retention,
    revenueBefore: cents(before),
    revenueDuring: cents(during),
    growth: before > 0 ? during / before - 1 : null,
    revenuePerCustomer: members.length > 0 ? during / members.length : null,
  };
}

/** Why a lift says nothing yet, or null when its interval can be read. */
function tooSmall(treated: number, holdout: number): Lift['reason'] {
  if (holdout === 0) return 'no-holdout';
  if (holdout < MIN_CONCLUSIVE_GROUP) return 'holdout-too-small';
  if (treated < MIN_CONCLUSIVE_GROUP) return 'treated-too-small';
  return null;
}

/** A lift from its difference and interval: higher or lower only when the whole interval is on one side of zero. */
function verdict(
  difference: number,
  interval: { low: number; high: number },
  method: Lift['method'],
  small: Lift['reason'],
): Lift {
  const conclusion: Lift['conclusion'] =
    small !== null || (interval.low <= 0 && interval.high >= 0)
      ? 'none'
      : interval.low > 0
        ? 'higher'
        : 'lower';
  return {
    difference,
    low: interval.low,
    high: interval.high,
    method,
    conclusion,
    reason: small ?? (conclusion === 'none' ? 'interval-spans-zero' : null),
  };
}

/** Treated minus holdout for a proportion x / n, with Newcombe's hybrid score interval; null when a group is empty. */
export function proportionLift(x1: number, n1: number, x2: number, n2: number): Lift | null {
  if (n1 === 0 || n2 === 0) return null;
  return verdict(
    x1 / n1 - x2 / n2,
    newcombeDifference(x1, n1, x2, n2),
    'newcombe',
    tooSmall(n1, n2),
  );
}

/**
 * Treated and holdout measures of a group (the whole audience, an area's part, a store's part) and the lifts.
 * `seedKey` makes the bootstrap's draws the same on every request for the same campaign and group; `budget` is
 * the resampling draws the answer has left (see DrawBudget).
 */
export function measureGroup(
  facts: MemberFacts,
  group: { key: string; treated: Int32Array; holdout: Int32Array },
  w: MeasureWindow,
  seedKey: string,
  budget?: DrawBudget,
): MeasuredGroup {
  const treated = groupMeasures(facts, group.treated, w);
  const holdout = groupMeasures(facts, group.holdout, w);
  const spend = (members: Int32Array) =>
    sampleOf(Float64Array.from(members, (m) => facts.revenueDuring[m]!));
  let revenuePerCustomer: Lift | null = null;
  if (treated.customers > 0 && holdout.customers > 0) {
    const interval = meanDifferenceInterval(spend(group.treated), spend(group.holdout), {
      seed: hash32(`${seedKey}\u0000${group.key}`),
      budget,
    });
    revenuePerCustomer = verdict(
      treated.revenuePerCustomer! - holdout.revenuePerCustomer!,
      interval,
      interval.method,
      tooSmall(treated.customers, holdout.customers),
    );
  }
  return {
    key: group.key,
    treated,
    holdout,
    lift: {
      conversion: proportionLift(
        treated.converted,
        treated.customers,
        holdout.converted,
        holdout.customers,
      ),
      retention: RETENTION_DAYS.map((days, i) => ({
        days,
        lift: proportionLift(
          treated.retention[i]!.retained,
          treated.retention[i]!.eligible,
          holdout.retention[i]!.retained,
          holdout.retention[i]!.eligible,
        ),
      })),
      revenuePerCustomer,
      growthPoints:
        treated.growth === null || holdout.growth === null ? null : treated.growth - holdout.growth,
    },
  };
}
