// Campaign measures on a hand-computed fixture: conversion, retention, growth and revenue per customer for treated
// and held-out customers, and the lift's 95 % intervals (Newcombe's hybrid score interval, a seeded bootstrap).
import { describe, expect, it } from 'vitest';
import {
  groupMeasures,
  measureGroup,
  proportionLift,
} from '../../server/domain/campaigns/measures.js';
import {
  memberFacts,
  NO_DAY,
  type PurchaseColumns,
} from '../../server/domain/campaigns/purchase-facts.js';
import {
  drawBudget,
  meanDifferenceInterval,
  sampleOf,
} from '../../server/domain/stats/bootstrap.js';
import { newcombeDifference, wilson } from '../../server/domain/stats/intervals.js';
import { binomial, seededRandom } from '../../server/domain/stats/random.js';

/** Purchases as [day, customer seq, amount]; the store does not matter here. */
function columns(rows: [number, number, number][]): PurchaseColumns {
  return {
    day: Int32Array.from(rows.map((r) => r[0])),
    customer: Int32Array.from(rows.map((r) => r[1])),
    amount: Float64Array.from(rows.map((r) => r[2])),
    store: new Int32Array(rows.length),
  };
}

// Window: days 100–109 (ten days), so the period before is 90–99; today is day 300.
const w = { start: 100, end: 109, today: 300 };
// Treated: customers 0–3; held out: 4–5. Customer 6 is not in the audience; −1 is an erased customer's purchase.
const purchases = columns([
  [95, 0, 10], // before
  [100, 0, 20], // first in window
  [120, 0, 5], // again 20 days later: retained at 30, 60, 90
  [105, 1, 30], // first in window
  [170, 1, 10], // again 65 days later: retained at 90 only
  [92, 2, 40], // before only: not converted
  [101, 4, 10], // held out, first in window
  [200, 4, 10], // 99 days later: past the 90-day follow-up
  [98, 5, 20], // held out, before only
  [103, 6, 1000], // not a member
  [103, -1, 500], // nobody's
]);
const memberOf = Int32Array.from([0, 1, 2, 3, 4, 5, -1]);
const facts = memberFacts(purchases, [[0, purchases.day.length]], memberOf, 6, w);

describe('campaign measures from purchases', () => {
  it('reads each member’s revenue before and during, first day in the window and days to the next purchase', () => {
    expect([...facts.revenueBefore]).toEqual([10, 0, 40, 0, 0, 20]);
    expect([...facts.revenueDuring]).toEqual([20, 30, 0, 0, 10, 0]);
    expect([...facts.firstDay]).toEqual([100, 105, NO_DAY, NO_DAY, 101, NO_DAY]);
    expect([...facts.daysToNext]).toEqual([20, 65, NO_DAY, NO_DAY, NO_DAY, NO_DAY]);
  });

  it('computes conversion, retention, growth and revenue per customer by hand', () => {
    const treated = groupMeasures(facts, Int32Array.from([0, 1, 2, 3]), w);
    // 2 of 4 bought in the window; of those 2, one came back within 30 and 60 days, both within 90.
    // Revenue before 10 + 40 = 50, during 20 + 30 = 50: growth 50 / 50 − 1 = 0; per customer 50 / 4 = 12.5.
    expect(treated).toEqual({
      customers: 4,
      converted: 2,
      conversion: 0.5,
      retention: [
        { days: 30, eligible: 2, retained: 1, rate: 0.5 },
        { days: 60, eligible: 2, retained: 1, rate: 0.5 },
        { days: 90, eligible: 2, retained: 2, rate: 1 },
      ],
      revenueBefore: 50,
      revenueDuring: 50,
      growth: 0,
      revenuePerCustomer: 12.5,
    });
    const holdout = groupMeasures(facts, Int32Array.from([4, 5]), w);
    // 1 of 2 converted, never came back in 90 days; before 20, during 10: growth −50 %; per customer 5.
    expect(holdout).toMatchObject({
      customers: 2,
      converted: 1,
      conversion: 0.5,
      revenueBefore: 20,
      revenueDuring: 10,
      growth: -0.5,
      revenuePerCustomer: 5,
    });
    expect(holdout.retention.map((r) => [r.eligible, r.retained])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it('counts a customer as eligible for retention only once the follow-up has passed', () => {
    const early = groupMeasures(facts, Int32Array.from([0, 1]), { ...w, today: 140 });
    // First purchases on days 100 and 105: 30 days have passed for both by day 140, 60 days for neither.
    expect(early.retention.map((r) => r.eligible)).toEqual([2, 0, 0]);
    expect(early.retention[1]!.rate).toBeNull();
  });

  it('draws no conclusion from a holdout of two, and says why', () => {
    const g = measureGroup(
      facts,
      { key: 'all', treated: Int32Array.from([0, 1, 2, 3]), holdout: Int32Array.from([4, 5]) },
      w,
      'cmp',
    );
    expect(g.lift.conversion).toMatchObject({
      difference: 0,
      conclusion: 'none',
      reason: 'holdout-too-small',
    });
    expect(g.lift.revenuePerCustomer).toMatchObject({
      difference: 7.5,
      conclusion: 'none',
      reason: 'holdout-too-small',
    });
    expect(g.lift.growthPoints).toBe(0.5);
    const none = measureGroup(
      facts,
      { key: 'all', treated: Int32Array.from([0, 1]), holdout: new Int32Array(0) },
      w,
      'cmp',
    );
    expect(none.lift.conversion).toBeNull();
    expect(none.lift.revenuePerCustomer).toBeNull();
  });
});

describe('Newcombe’s hybrid score interval for a difference of proportions', () => {
  it('matches the worked examples of Newcombe (1998), table II, method 10', () => {
    // By hand for (a) 56/70 − 48/80, z = 1.95996, z² = 3.84146:
    //   Wilson 56/70: centre 0.8 + z²/140 = 0.827439, spread z·√(0.16/70 + z²/19600) = 0.097641, ÷ (1 + z²/70 =
    //     1.054878): l1 = 0.691830, u1 = 0.876955.
    //   Wilson 48/80: centre 0.6 + z²/160 = 0.624009, spread z·√(0.24/80 + z²/25600) = 0.110006, ÷ 1.048018:
    //     l2 = 0.490455, u2 = 0.700382.
    //   L = 0.2 − √((0.8 − 0.691834)² + (0.700382 − 0.6)²) = 0.2 − 0.147569 = 0.052431
    //   U = 0.2 + √((0.876953 − 0.8)² + (0.6 − 0.490455)²) = 0.2 + 0.133873 = 0.333873
    // Newcombe prints 0.0524 to 0.3339.
    expect(wilson(56, 70).low).toBeCloseTo(0.69183, 5);
    expect(wilson(48, 80).high).toBeCloseTo(0.700382, 5);
    const a = newcombeDifference(56, 70, 48, 80);
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    // (b) 9/10 − 3/10: 0.1705 to 0.8090; (c) 6/7 − 2/7: 0.0582 to 0.8062; (d) 5/56 − 0/29: −0.0381 to 0.1926.
    const b = newcombeDifference(9, 10, 3, 10);
    expect([b.low, b.high].map((v) => v.toFixed(4))).toEqual(['0.1705', '0.8090']);
    const c = newcombeDifference(6, 7, 2, 7);
    expect([c.low, c.high].map((v) => v.toFixed(4))).toEqual(['0.0582', '0.8062']);
    const d = newcombeDifference(5, 56, 0, 29);
    expect([d.low, d.high].map((v) => v.toFixed(4))).toEqual(['-0.0381', '0.1926']);
  });

  it('concludes "higher" only when the whole interval is above zero', () => {
    expect(proportionLift(56, 70, 48, 80)).toMatchObject({
      conclusion: 'higher',
      reason: null,
      method: 'newcombe',
    });
    expect(proportionLift(48, 80, 56, 70)).toMatchObject({ conclusion: 'lower', reason: null });
    // 40/80 − 36/80 = 0.05: the interval spans zero.
    expect(proportionLift(40, 80, 36, 80)).toMatchObject({
      conclusion: 'none',
      reason: 'interval-spans-zero',
    });
    expect(proportionLift(40, 80, 3, 10)).toMatchObject({
      conclusion: 'none',
      reason: 'holdout-too-small',
    });
    expect(proportionLift(5, 10, 30, 80)).toMatchObject({
      conclusion: 'none',
      reason: 'treated-too-small',
    });
  });
});

describe('revenue per customer: a seeded percentile bootstrap', () => {
  // Treated: 40 of 100 spent 25 (mean 10); held out: 20 of 100 spent 25 (mean 5). Difference 5.
  const treated = sampleOf([...Array<number>(40).fill(25), ...Array<number>(60).fill(0)]);
  const holdout = sampleOf([...Array<number>(20).fill(25), ...Array<number>(80).fill(0)]);

  it('gives the same interval for the same seed, around the difference, near the normal interval', () => {
    const one = meanDifferenceInterval(treated, holdout, { seed: 7 });
    expect(one).toEqual(meanDifferenceInterval(treated, holdout, { seed: 7 }));
    expect(one.method).toBe('bootstrap');
    // Standard error by hand: √(25²·0.4·0.6/100 + 25²·0.2·0.8/100) = √(1.5 + 1) = 1.5811; ± 1.96 SE = ± 3.099.
    expect(one.low).toBeGreaterThan(5 - 3.099 - 0.6);
    expect(one.low).toBeLessThan(5 - 3.099 + 0.6);
    expect(one.high).toBeGreaterThan(5 + 3.099 - 0.6);
    expect(one.high).toBeLessThan(5 + 3.099 + 0.6);
  });

  it('switches to the normal interval when resampling would draw too many values', () => {
    const many = sampleOf([...Array<number>(4000).fill(25), ...Array<number>(6000).fill(0)]);
    const fewer = sampleOf([...Array<number>(2000).fill(25), ...Array<number>(8000).fill(0)]);
    const interval = meanDifferenceInterval(many, fewer, { seed: 1 });
    // 10 − 5 ± 1.959964 · √(25²·0.24/10⁴ + 25²·0.16/10⁴) = 5 ± 1.959964 · 0.158114 = 5 ± 0.309898.
    expect(interval.method).toBe('normal');
    expect(interval.low).toBeCloseTo(4.690102, 5);
    expect(interval.high).toBeCloseTo(5.309898, 5);
  });

  it('spends one budget across the intervals of an answer, then falls back to the normal interval', () => {
    // Each interval here draws 1,000 resamples × 60 buyers = 60,000 values: a budget of 100,000 pays for one.
    const budget = drawBudget(100_000);
    const first = meanDifferenceInterval(treated, holdout, { seed: 7, budget });
    expect(first).toEqual(meanDifferenceInterval(treated, holdout, { seed: 7 }));
    expect(budget.remaining).toBe(40_000);
    const second = meanDifferenceInterval(treated, holdout, { seed: 7, budget });
    expect(second.method).toBe('normal');
    expect(second.low).toBeCloseTo(5 - 3.099, 2);
    expect(budget.remaining).toBe(40_000);
  });

  it('draws binomial counts with the right mean, by waiting times and by the normal approximation', () => {
    const random = seededRandom(3);
    for (const [n, p] of [
      [1000, 0.05],
      [1_000_000, 0.3],
      [500, 0.9],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < 400; i++) sum += binomial(random, n, p);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(sum / 400 - n * p)).toBeLessThan((4 * sd) / Math.sqrt(400));
    }
  });
});
