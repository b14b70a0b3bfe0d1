// RFM scoring by quintiles and the named cells, and the behaviour segment fields, on hand-made customers whose
// cells and matches were worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  quintileCuts,
  quintileScore,
  rfmCell,
  rfmCellOf,
  RFM_CELL_TABLE,
} from '../../server/domain/rfm.js';
import {
  averageBasket,
  matchesBehaviour,
  priceSensitivity,
  type CustomerBehaviour,
} from '../../server/domain/behaviour.js';
import { rfmCells } from '../../server/domain/schemas/segment.js';
import { purchaseDay } from '../../server/domain/segment.js';

describe('quintile scores', () => {
  it('cuts at the 20th, 40th, 60th and 80th percentile by nearest rank', () => {
    expect(quintileCuts(Float64Array.of(5, 1, 4, 2, 3))).toEqual([1, 2, 3, 4]);
    // Ten values: ranks 2, 4, 6, 8.
    expect(quintileCuts(Float64Array.of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1))).toEqual([2, 4, 6, 8]);
    expect(quintileCuts(new Float64Array(0))).toEqual([]);
  });

  it('scores one more than the cuts a value exceeds; a tie with a cut takes the lower fifth', () => {
    const cuts = [2, 4, 6, 8];
    expect([1, 2, 3, 4, 5, 8, 9].map((v) => quintileScore(v, cuts))).toEqual([1, 1, 2, 2, 3, 4, 5]);
    // Many buyers with one purchase: equal cuts put them all in the first fifth.
    expect(quintileScore(1, [1, 1, 2, 5])).toBe(1);
    expect(quintileScore(2, [1, 1, 2, 5])).toBe(3);
  });
});

describe('RFM cells', () => {
  it('names the familiar cells of the R × FM grid', () => {
    expect(rfmCell(5, 5, 5)).toBe('champions');
    expect(rfmCell(5, 4, 3)).toBe('champions'); // FM (4 + 3) / 2 = 3.5 rounds up to 4
    expect(rfmCell(4, 4, 4)).toBe('loyal');
    expect(rfmCell(3, 5, 5)).toBe('loyal');
    expect(rfmCell(5, 2, 3)).toBe('potential_loyalist');
    expect(rfmCell(5, 1, 1)).toBe('new');
    expect(rfmCell(4, 1, 1)).toBe('promising');
    expect(rfmCell(3, 3, 3)).toBe('need_attention');
    expect(rfmCell(3, 1, 2)).toBe('about_to_sleep');
    expect(rfmCell(2, 3, 4)).toBe('at_risk');
    expect(rfmCell(1, 5, 5)).toBe('cant_lose');
    expect(rfmCell(2, 2, 1)).toBe('hibernating');
    expect(rfmCell(1, 1, 1)).toBe('lost');
  });

  it('reaches every named cell and no other', () => {
    expect(new Set(RFM_CELL_TABLE)).toEqual(new Set(rfmCells));
    expect(RFM_CELL_TABLE[4 * 25 + 4 * 5 + 4]).toBe('champions');
    expect(RFM_CELL_TABLE[0]).toBe('lost');
  });

  it("places a buyer by the workspace's cuts and gives a never-bought customer no cell", () => {
    const today = purchaseDay('2026-11-23')!;
    const thresholds = {
      recency: [today - 200, today - 90, today - 30, today - 7],
      frequency: [1, 2, 4, 10],
      monetary: [20, 50, 120, 400],
    };
    // Bought yesterday (R 5), 12 times (F 5), 500 € (M 5).
    expect(rfmCellOf({ lastDay: today - 1, visits: 12, spend: 500 }, thresholds)).toBe('champions');
    // A year ago (R 1), 12 times, 500 €: someone to win back.
    expect(rfmCellOf({ lastDay: today - 365, visits: 12, spend: 500 }, thresholds)).toBe(
      'cant_lose',
    );
    // Last week exactly at the cut (R 4), once (F 1), 15 € (M 1).
    expect(rfmCellOf({ lastDay: today - 7, visits: 1, spend: 15 }, thresholds)).toBe('promising');
    expect(rfmCellOf({ lastDay: null, visits: 0, spend: 0 }, thresholds)).toBeNull();
  });
});

describe('behaviour segment fields', () => {
  const at = new Date('2026-11-23T12:00:00Z');
  const rfm = { recency: [0, 0, 0, 0], frequency: [1, 2, 3, 4], monetary: [10, 20, 30, 40] };
  const bargainHunter = {
    customer: { visits: 10, totalSpend: 75, lastPurchaseAt: '2026-11-20' },
    behaviour: {
      discounted: 6,
      firstPurchaseAt: '2026-11-01T09:00:00.000Z',
      categories: { coffee: '2026-11-20T08:00:00.000Z', pastry: '2026-08-01T08:00:00.000Z' },
    } satisfies CustomerBehaviour,
  };
  const regular = {
    customer: { visits: 4, totalSpend: 260, lastPurchaseAt: '2025-06-01' },
    behaviour: {
      discounted: 0,
      firstPurchaseAt: '2024-01-10T09:00:00.000Z',
      categories: { bikes: '2025-06-01T10:00:00.000Z' },
    } satisfies CustomerBehaviour,
  };
  const summaryOnly = {
    customer: { visits: 5, totalSpend: 100, lastPurchaseAt: '2026-10-01' },
    behaviour: null,
  };
  const people = { bargainHunter, regular, summaryOnly };
  const who = (segment: Parameters<typeof matchesBehaviour>[2]) =>
    Object.entries(people)
      .filter(([, p]) => matchesBehaviour(p.customer, p.behaviour, segment, { at, rfm }))
      .map(([name]) => name);

  it('price sensitivity is the share of discounted purchases: low < 20 %, medium < 50 %, high', () => {
    expect(priceSensitivity(1, 10)).toBe('low');
    expect(priceSensitivity(2, 10)).toBe('medium');
    expect(priceSensitivity(5, 10)).toBe('high');
    expect(priceSensitivity(0, 0)).toBeNull();
    expect(who({ priceSensitivities: ['high'] })).toEqual(['bargainHunter']);
    // A summary-only customer has no purchase rows to tell.
    expect(who({ priceSensitivities: ['low', 'medium', 'high'] })).toEqual([
      'bargainHunter',
      'regular',
    ]);
  });

  it('average basket is spend over purchases, inclusive at both ends', () => {
    expect(averageBasket(bargainHunter.customer)).toBe(7.5);
    expect(who({ minAvgBasket: 7.5, maxAvgBasket: 20 })).toEqual(['bargainHunter', 'summaryOnly']);
    expect(who({ minAvgBasket: 60 })).toEqual(['regular']);
  });

  it('categories bought within N days, or ever', () => {
    expect(who({ productCategories: ['coffee'], categoriesWithinDays: 3 })).toEqual([
      'bargainHunter',
    ]);
    expect(who({ productCategories: ['pastry'], categoriesWithinDays: 30 })).toEqual([]);
    expect(who({ productCategories: ['pastry', 'bikes'] })).toEqual(['bargainHunter', 'regular']);
  });

  it('first purchase within N days finds new customers', () => {
    expect(who({ firstPurchaseWithinDays: 22 })).toEqual(['bargainHunter']);
    expect(who({ firstPurchaseWithinDays: 21 })).toEqual([]);
  });

  it('RFM cells use the summary, so summary-only customers have one too', () => {
    // Everyone bought after day 0: R 5. bargainHunter F 5 (10 > 4), M 5 (75 > 40) → champions;
    // regular F 4, M 5 → FM 5 → champions; summaryOnly F 5, M 5 → champions.
    expect(who({ rfmCells: ['champions'] })).toEqual(['bargainHunter', 'regular', 'summaryOnly']);
    expect(who({ rfmCells: ['lost'] })).toEqual([]);
  });
});
