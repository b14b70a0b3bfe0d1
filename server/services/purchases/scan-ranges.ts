// The row ranges a measure's scans read: the period before with the window, the window with the follow-up, and the
// window alone. Each scan reads only its own days; at a million customers these scans are most of an answer's time.
import {
  scanDays,
  type MeasureWindow,
  type PurchaseColumns,
} from '../../domain/campaigns/purchase-facts.js';
import type { PurchaseHistory, PurchaseRange } from './purchase-history.js';

export interface ScanRanges {
  columns: PurchaseColumns;
  storeIds: readonly string[];
  /** The period before and the window: sums and first days. */
  beforeAndWindow: PurchaseRange['rows'];
  /** The window and the retention follow-up: days to the next purchase. */
  followUp: PurchaseRange['rows'];
  /** The window alone: totals. */
  window: PurchaseRange['rows'];
}

/**
 * Three ranges of one copy of the history. A copy swapped in between the calls (a reload finished meanwhile) would
 * mix two copies, so then every scan reads the whole span of the one copy taken last.
 */
export function scanRanges(purchases: PurchaseHistory, w: MeasureWindow): ScanRanges {
  const [from, to] = scanDays(w);
  const before = purchases.range(from, w.end);
  const followUp = purchases.range(w.start, to);
  const window = purchases.range(w.start, w.end);
  if (followUp.columns === before.columns && window.columns === before.columns)
    return {
      columns: before.columns,
      storeIds: window.storeIds,
      beforeAndWindow: before.rows,
      followUp: followUp.rows,
      window: window.rows,
    };
  const all = purchases.range(from, to);
  return {
    columns: all.columns,
    storeIds: all.storeIds,
    beforeAndWindow: all.rows,
    followUp: all.rows,
    window: all.rows,
  };
}
