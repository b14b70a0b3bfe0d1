// A segment's behaviour fields compiled for the index scan (same meaning as matchesBehaviour in the domain): RFM
// cells as a lookup by (R, F, M) scores against the workspace's cuts, average basket, price sensitivity, recent
// product categories and first purchase, each read from the customer's pre-aggregated columns.
import { HIGH_SHARE, MEDIUM_SHARE, usesBehaviour } from '../../domain/behaviour.js';
import { RFM_CELL_TABLE, type RfmThresholds } from '../../domain/rfm.js';
import { priceSensitivities, type Segment } from '../../domain/schemas/segment.js';
import {
  NEVER,
  unpackCategoryCode,
  unpackCategoryDay,
  type IndexColumns,
} from '../customers/columns.js';
import type { Dictionary } from '../customers/customer-index.js';

/** Plain numbers and typed arrays: posted to worker threads as is. */
export interface CompiledBehaviour {
  /** By (r − 1)·25 + (f − 1)·5 + (m − 1): 1 when that cell is chosen; null when RFM does not filter. */
  rfmOk: Uint8Array | null;
  /** Four cuts each, padded with +Infinity. */
  recencyCuts: Float64Array;
  frequencyCuts: Float64Array;
  monetaryCuts: Float64Array;
  minBasket: number;
  maxBasket: number;
  /** Bit 0 low, 1 medium, 2 high; 0 when price sensitivity does not filter. */
  sensitivityMask: number;
  /** By category code: 1 when chosen; null when categories do not filter. */
  categoryOk: Uint8Array | null;
  /** A chosen category's last day must be ≥ this. */
  categoryMinDay: number;
  /** firstDay must be ≥ this (−Infinity: unused). */
  firstDayMin: number;
}

const cuts = (values: readonly number[]) =>
  Float64Array.from([0, 1, 2, 3], (k) => values[k] ?? Infinity);

export function compileBehaviour(
  s: Segment,
  categories: Dictionary,
  atDay: number,
  rfm: () => RfmThresholds,
): CompiledBehaviour | null {
  if (!usesBehaviour(s)) return null;
  const cells = s.rfmCells?.length ? s.rfmCells : null;
  const t = cells ? rfm() : { recency: [], frequency: [], monetary: [] };
  let categoryOk: Uint8Array | null = null;
  if (s.productCategories?.length) {
    categoryOk = new Uint8Array(Math.max(1, categories.values.length));
    for (const key of s.productCategories) {
      const code = categories.find(key);
      if (code !== undefined) categoryOk[code] = 1;
    }
  }
  return {
    rfmOk: cells ? Uint8Array.from(RFM_CELL_TABLE, (cell) => (cells.includes(cell) ? 1 : 0)) : null,
    recencyCuts: cuts(t.recency),
    frequencyCuts: cuts(t.frequency),
    monetaryCuts: cuts(t.monetary),
    minBasket: s.minAvgBasket ?? -Infinity,
    maxBasket: s.maxAvgBasket ?? Infinity,
    sensitivityMask: (s.priceSensitivities ?? []).reduce(
      (m, level) => m | (1 << priceSensitivities.indexOf(level)),
      0,
    ),
    categoryOk,
    categoryMinDay: s.categoriesWithinDays != null ? atDay - s.categoriesWithinDays : -Infinity,
    firstDayMin: s.firstPurchaseWithinDays != null ? atDay - s.firstPurchaseWithinDays : -Infinity,
  };
}

const score = (v: number, c: Float64Array) =>
  1 + +(v > c[0]!) + +(v > c[1]!) + +(v > c[2]!) + +(v > c[3]!);

/** Whether row i passes the behaviour fields. */
export function behaviourMatches(c: IndexColumns, b: CompiledBehaviour, i: number): boolean {
  const visits = c.visits[i] as number;
  const spend = c.spend[i] as number;
  if (b.rfmOk !== null) {
    const day = c.lastDay[i] as number;
    if (visits === 0 || day === NEVER) return false;
    const r = score(day, b.recencyCuts);
    const f = score(visits, b.frequencyCuts);
    const m = score(spend, b.monetaryCuts);
    if (b.rfmOk[(r - 1) * 25 + (f - 1) * 5 + (m - 1)] !== 1) return false;
  }
  if (b.minBasket !== -Infinity || b.maxBasket !== Infinity) {
    if (visits === 0) return false;
    const basket = spend / visits;
    if (basket < b.minBasket || basket > b.maxBasket) return false;
  }
  const first = c.firstDay[i] as number;
  if (b.sensitivityMask !== 0) {
    if (first === NEVER || visits === 0) return false;
    const share = (c.discounted[i] as number) / visits;
    const level = share >= HIGH_SHARE ? 2 : share >= MEDIUM_SHARE ? 1 : 0;
    if (((b.sensitivityMask >> level) & 1) === 0) return false;
  }
  if (b.firstDayMin !== -Infinity && (first === NEVER || first < b.firstDayMin)) return false;
  if (b.categoryOk !== null) {
    const start = c.catStart[i] as number;
    const end = start + (c.catCount[i] as number);
    let found = false;
    for (let k = start; k < end && !found; k++) {
      const pair = c.catPairs[k] as number;
      found =
        b.categoryOk[unpackCategoryCode(pair)] === 1 && unpackCategoryDay(pair) >= b.categoryMinDay;
    }
    if (!found) return false;
  }
  return true;
}
