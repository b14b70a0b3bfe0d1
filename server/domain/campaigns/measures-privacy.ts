// What aggregate-only roles see of campaign measures and trends: a group below the minimum group size k shows
// nothing, a count of 1 … k − 1 people (converted, retained) hides with its rate, and a lift built on anything
// hidden is hidden too. Mirrors suppressSmallResults for the older figures.
import { isSmallGroup } from '../privacy.js';
import type {
  CampaignMeasures,
  GroupMeasures,
  MeasuredGroup,
  Trends,
} from '../schemas/campaign-measures.js';

function hideGroup(g: GroupMeasures, k: number): GroupMeasures {
  if (g.customers === null || g.customers < k)
    return {
      customers: null,
      converted: null,
      conversion: null,
      retention: g.retention.map((r) => ({ ...r, eligible: null, retained: null, rate: null })),
      revenueBefore: null,
      revenueDuring: null,
      growth: null,
      revenuePerCustomer: null,
    };
  const smallConverted = g.converted === null || isSmallGroup(g.converted, k);
  return {
    ...g,
    converted: smallConverted ? null : g.converted,
    conversion: smallConverted ? null : g.conversion,
    retention: g.retention.map((r) =>
      r.eligible === null || r.eligible < k || r.retained === null || isSmallGroup(r.retained, k)
        ? {
            ...r,
            eligible: r.eligible !== null && r.eligible >= k ? r.eligible : null,
            retained: null,
            rate: null,
          }
        : r,
    ),
  };
}

function hideMeasured(g: MeasuredGroup, k: number): MeasuredGroup {
  const treated = hideGroup(g.treated, k);
  const holdout = hideGroup(g.holdout, k);
  const both = treated.customers !== null && holdout.customers !== null;
  return {
    ...g,
    treated,
    holdout,
    lift: {
      conversion:
        both && treated.conversion !== null && holdout.conversion !== null
          ? g.lift.conversion
          : null,
      retention: g.lift.retention.map((r, i) => ({
        days: r.days,
        lift:
          treated.retention[i]?.rate != null && holdout.retention[i]?.rate != null ? r.lift : null,
      })),
      revenuePerCustomer: both ? g.lift.revenuePerCustomer : null,
      growthPoints: both ? g.lift.growthPoints : null,
    },
  };
}

export function hideSmallMeasures(m: CampaignMeasures, k: number): CampaignMeasures {
  const fewPurchases = m.totals.purchases === null || m.totals.purchases < k;
  return {
    ...m,
    overall: hideMeasured(m.overall, k),
    byArea: m.byArea.map((g) => hideMeasured(g, k)),
    byStore: m.byStore.map((g) => hideMeasured(g, k)),
    totals: fewPurchases
      ? { purchases: null, revenue: null, unlinked: null }
      : {
          ...m.totals,
          unlinked:
            m.totals.unlinked !== null && isSmallGroup(m.totals.unlinked, k)
              ? null
              : m.totals.unlinked,
        },
  };
}

/** Weeks with fewer than k buyers show nothing; cohorts below k and cells counting 1 … k − 1 people are hidden. */
export function hideSmallTrends(t: Trends, k: number, cohortCounts: number[][]): Trends {
  return {
    ...t,
    weeks: t.weeks.map((w) =>
      w.customers === null || w.customers < k
        ? { week: w.week, purchases: null, customers: null, revenue: null }
        : w,
    ),
    cohorts: t.cohorts.map((c, i) =>
      c.customers === null || c.customers < k
        ? { month: c.month, customers: null, retained: c.retained.map(() => null) }
        : {
            ...c,
            retained: c.retained.map((share, j) =>
              isSmallGroup(cohortCounts[i]?.[j] ?? 0, k) ? null : share,
            ),
          },
    ),
    minGroupSize: k,
  };
}
