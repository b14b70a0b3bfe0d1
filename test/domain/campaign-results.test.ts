// The arithmetic of campaign results: live hours, live days, purchases during them, conversions and lift.
import { describe, expect, it } from 'vitest';
import {
  conversions,
  lift,
  liveDays,
  liveHours,
  purchasedDuring,
  rate,
  redemptionsByDay,
  suppressSmallResults,
  type CampaignResults,
} from '../../server/domain/campaigns/results.js';
import { hideSmallBuckets } from '../../server/domain/privacy.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('campaign results', () => {
  it('sums interval lengths in hours, an open one up to now', () => {
    expect(
      liveHours(
        [
          { startedAt: '2026-11-24T07:00:00Z', endedAt: '2026-11-24T08:30:00Z' },
          { startedAt: '2026-11-26T10:00:00Z', endedAt: null },
        ],
        now,
      ),
    ).toBe(3.5);
    expect(liveHours([], now)).toBe(0);
  });

  it('turns intervals into UTC days, merging ones that touch, and counts a purchase on such a day', () => {
    const days = liveDays(
      [
        { startedAt: '2026-11-20T23:00:00Z', endedAt: '2026-11-21T01:00:00Z' },
        { startedAt: '2026-11-22T07:00:00Z', endedAt: '2026-11-22T08:00:00Z' },
        { startedAt: '2026-11-25T07:00:00Z', endedAt: null },
      ],
      now,
    );
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    expect(days).toEqual([
      [day('2026-11-20'), day('2026-11-22')],
      [day('2026-11-25'), day('2026-11-26')],
    ]);
    expect(purchasedDuring('2026-11-21', days)).toBe(true);
    expect(purchasedDuring('2026-11-23', days)).toBe(false);
    expect(purchasedDuring('2026-11-26', days)).toBe(true);
    expect(purchasedDuring(null, days)).toBe(false);
  });

  it('counts distinct treated customers who redeemed plus anonymous redemptions; others not', () => {
    const r = (customerId: string | null) => ({
      amount: 1,
      redeemedAt: '2026-11-24T08:00:00Z',
      customerId,
    });
    expect(
      conversions(
        [r('a'), r('a'), r('b'), r(null), r(null), r('held-out')],
        new Set(['a', 'b', 'c']),
      ),
    ).toBe(4);
  });

  it('groups redemptions by UTC day with revenue in cents', () => {
    expect(
      redemptionsByDay([
        { amount: 0.1, redeemedAt: '2026-11-25T00:30:00+01:00', customerId: null },
        { amount: 0.2, redeemedAt: '2026-11-24T09:00:00Z', customerId: null },
        { amount: 5, redeemedAt: '2026-11-25T09:00:00Z', customerId: null },
      ]),
    ).toEqual([
      { day: '2026-11-24', count: 2, revenue: 0.3 },
      { day: '2026-11-25', count: 1, revenue: 5 },
    ]);
  });

  it('lift is the treated rate over the holdout rate minus one; null without a baseline', () => {
    expect(lift(0.3, 0.2)).toBeCloseTo(0.5, 12);
    expect(lift(0.1, 0.2)).toBeCloseTo(-0.5, 12);
    expect(lift(0.3, 0)).toBeNull();
    expect(lift(0.3, null)).toBeNull();
    expect(rate(1, 0)).toBeNull();
  });

  it('hides buckets below k, and as many more as it takes that total minus the shown ones reveals no small group', () => {
    const day = (name: string, count: number) => ({ day: name, count });
    expect(hideSmallBuckets([day('a', 12), day('b', 40)], 10)).toEqual([
      day('a', 12),
      day('b', 40),
    ]);
    // 3 hidden alone would be the total minus 52: the smallest shown day goes with it.
    expect(hideSmallBuckets([day('a', 3), day('b', 12), day('c', 40)], 10)).toEqual([day('c', 40)]);
    // Hidden days adding up to k or more are safe as they are.
    expect(hideSmallBuckets([day('a', 6), day('b', 5), day('c', 40)], 10)).toEqual([day('c', 40)]);
    expect(hideSmallBuckets([day('a', 1), day('b', 1)], 10)).toEqual([]);
  });

  it('shows aggregate roles no redemptions, conversions or purchasers in groups of 1 to k − 1', () => {
    const full: Omit<CampaignResults, 'measures'> = {
      campaignId: 'c',
      at: now.toISOString(),
      audience: { count: 400, consented: 300, treated: 320, holdout: 80 },
      activations: { count: 2, liveHours: 5 },
      redemptions: {
        count: 1,
        revenue: 9.5,
        byDay: [{ day: '2026-11-24', count: 1, revenue: 9.5 }],
      },
      conversionRate: 1 / 320,
      holdout: { percent: 20, customers: 80, purchasedRate: 20 / 80 },
      treatedPurchasedRate: 3 / 320,
      lift: 3 / 320 / (20 / 80) - 1,
    };
    const shown = suppressSmallResults(
      full,
      { conversions: 1, treatedPurchased: 3, heldOutPurchased: 20 },
      10,
    );
    expect(shown.redemptions).toEqual({ count: null, revenue: null, byDay: [] });
    expect(shown.conversionRate).toBeNull();
    expect(shown.treatedPurchasedRate).toBeNull();
    expect(shown.lift).toBeNull();
    expect(shown.holdout).toEqual({ percent: 20, customers: 80, purchasedRate: 0.25 });
    expect(shown.audience).toEqual(full.audience);
    expect(shown.minGroupSize).toBe(10);

    // None at all is no one's secret: nothing redeemed yet reads as 0.
    const none = suppressSmallResults(
      { ...full, redemptions: { count: 0, revenue: 0, byDay: [] }, conversionRate: 0 },
      { conversions: 0, treatedPurchased: 30, heldOutPurchased: 20 },
      10,
    );
    expect(none.redemptions).toEqual({ count: 0, revenue: 0, byDay: [] });
    expect(none.conversionRate).toBe(0);
  });
});
