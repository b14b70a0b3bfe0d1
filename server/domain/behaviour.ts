// How a customer buys, as segments read it: RFM cell, average basket, price sensitivity, recent product categories
// and first purchase. The reference meaning; the customer index compiles the same rules into typed-array checks.
import { rfmCellOf, type RfmThresholds } from './rfm.js';
import type { Customer } from './schemas/customer.js';
import type { PriceSensitivity, Segment } from './schemas/segment.js';
import { dayOf, purchaseDay } from './segment.js';

/** What a customer's purchase rows add to their summary (visits, spend, last purchase); null without any rows. */
export interface CustomerBehaviour {
  /** Purchases made with a discount. */
  discounted: number;
  /** ISO instant of the first purchase. */
  firstPurchaseAt: string;
  /** Product category → ISO instant of its last purchase. */
  categories: Record<string, string>;
}

/** Discount shares from which a customer counts as medium and as high price sensitivity. */
export const MEDIUM_SHARE = 0.2;
export const HIGH_SHARE = 0.5;

/**
 * Low below 20 % of purchases with a discount, medium below 50 %, high from 50 %.
 * @example priceSensitivity(3, 10) // 'medium'
 */
export function priceSensitivity(discounted: number, visits: number): PriceSensitivity | null {
  if (visits <= 0) return null;
  const share = discounted / visits;
  return share >= HIGH_SHARE ? 'high' : share >= MEDIUM_SHARE ? 'medium' : 'low';
}

/**
 * Average basket: total spend over purchases, or null for someone who never bought.
 * @example averageBasket({ totalSpend: 90, visits: 12 }) // 7.5
 */
export function averageBasket(c: { totalSpend: number; visits: number }): number | null {
  return c.visits > 0 ? c.totalSpend / c.visits : null;
}

const used = <T>(list: readonly T[] | null | undefined): list is readonly T[] =>
  list != null && list.length > 0;

/** Whether a segment has a behaviour field set (those need the RFM thresholds or purchase rows). */
export function usesBehaviour(s: Segment): boolean {
  return (
    used(s.rfmCells) ||
    s.minAvgBasket != null ||
    s.maxAvgBasket != null ||
    used(s.priceSensitivities) ||
    used(s.productCategories) ||
    s.firstPurchaseWithinDays != null
  );
}

/**
 * The behaviour fields of a segment (the rest is inSegment's):
 * - `rfmCells`: the customer's cell against the workspace's thresholds; never-bought customers have none.
 * - `minAvgBasket` / `maxAvgBasket`: inclusive; never-bought customers never match.
 * - `priceSensitivities`, `productCategories`, `firstPurchaseWithinDays`: need purchase rows (behaviour).
 * - `productCategories` within `categoriesWithinDays` (inclusive; absent: ever): any of the categories.
 * @example matchesBehaviour(customer, behaviour, { rfmCells: ['champions'] }, { at, rfm })
 */
export function matchesBehaviour(
  customer: Pick<Customer, 'visits' | 'totalSpend' | 'lastPurchaseAt'>,
  behaviour: CustomerBehaviour | null,
  s: Segment,
  { at, rfm }: { at: Date; rfm: RfmThresholds },
): boolean {
  if (used(s.rfmCells)) {
    const cell = rfmCellOf(
      {
        lastDay: purchaseDay(customer.lastPurchaseAt),
        visits: customer.visits,
        spend: customer.totalSpend,
      },
      rfm,
    );
    if (cell === null || !s.rfmCells.includes(cell)) return false;
  }
  if (s.minAvgBasket != null || s.maxAvgBasket != null) {
    const basket = averageBasket(customer);
    if (
      basket === null ||
      (s.minAvgBasket != null && basket < s.minAvgBasket) ||
      (s.maxAvgBasket != null && basket > s.maxAvgBasket)
    )
      return false;
  }
  if (used(s.priceSensitivities)) {
    const level = behaviour ? priceSensitivity(behaviour.discounted, customer.visits) : null;
    if (level === null || !s.priceSensitivities.includes(level)) return false;
  }
  const today = dayOf(at);
  if (used(s.productCategories)) {
    const since = s.categoriesWithinDays != null ? today - s.categoriesWithinDays : -Infinity;
    const bought = s.productCategories.some((category) => {
      const last = purchaseDay(behaviour?.categories[category]);
      return last !== null && last >= since;
    });
    if (!bought) return false;
  }
  if (s.firstPurchaseWithinDays != null) {
    const first = purchaseDay(behaviour?.firstPurchaseAt);
    if (first === null || first < today - s.firstPurchaseWithinDays) return false;
  }
  return true;
}
