// RFM: recency, frequency and monetary value scored 1–5 by quintiles over the workspace's buyers, and the familiar
// named cells. Scores: 5 is the best fifth (most recent, most purchases, most spend). Cells follow the common
// R × FM grid (FM = the mean of F and M, rounded half up), with "lost" split from hibernating at R = FM = 1:
//
//        FM:  1               2                 3                 4          5
//   R 5      new             potential loyalist potential loyalist champions  champions
//   R 4      promising       potential loyalist potential loyalist loyal      loyal
//   R 3      about to sleep  about to sleep    need attention    loyal      loyal
//   R 2      hibernating     hibernating       at risk           at risk    can't lose
//   R 1      lost            hibernating       at risk           at risk    can't lose
import type { RfmCell } from './schemas/segment.js';

/** Four cut values per measure; a value scores 1 + the number of cuts it exceeds. */
export interface RfmThresholds {
  /** Last purchase day (UTC day number): later is more recent. */
  recency: readonly number[];
  /** Purchases. */
  frequency: readonly number[];
  /** Total spend. */
  monetary: readonly number[];
}

const GRID: readonly (readonly RfmCell[])[] = [
  // R 1 … 5, each FM 1 … 5
  ['lost', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
];

/**
 * The cut values (20th, 40th, 60th, 80th percentile, nearest rank) of a measure over the buyers; `values` is sorted
 * in place. Empty → no cuts (everyone scores 1).
 * @example quintileCuts(Float64Array.of(5, 1, 4, 2, 3)) // [1, 2, 3, 4]
 */
export function quintileCuts(values: Float64Array | Int32Array): number[] {
  const n = values.length;
  if (n === 0) return [];
  values.sort();
  return [1, 2, 3, 4].map((k) => values[Math.max(0, Math.ceil((k * n) / 5) - 1)] as number);
}

/**
 * 1–5: one more than the number of cuts the value exceeds (ties with a cut score the lower fifth).
 * @example quintileScore(3.5, [1, 2, 3, 4]) // 4
 */
export function quintileScore(value: number, cuts: readonly number[]): number {
  let score = 1;
  for (const cut of cuts) if (value > cut) score++;
  return score;
}

/**
 * The named cell of R, F and M scores (1–5 each).
 * @example rfmCell(5, 5, 4) // 'champions'
 * @example rfmCell(1, 1, 1) // 'lost'
 * @example rfmCell(1, 1, 2) // 'hibernating' (FM 1.5 rounds up to 2)
 */
export function rfmCell(r: number, f: number, m: number): RfmCell {
  const fm = (f + m + 1) >> 1;
  return GRID[r - 1]![fm - 1]!;
}

/**
 * A buyer's cell: their scores against the workspace's thresholds. Null for someone who never bought.
 * @example rfmCellOf({ lastDay: 20_400, visits: 12, spend: 300 }, thresholds) // 'loyal'
 */
export function rfmCellOf(
  buyer: { lastDay: number | null; visits: number; spend: number },
  t: RfmThresholds,
): RfmCell | null {
  if (buyer.lastDay === null || buyer.visits <= 0) return null;
  return rfmCell(
    quintileScore(buyer.lastDay, t.recency),
    quintileScore(buyer.visits, t.frequency),
    quintileScore(buyer.spend, t.monetary),
  );
}

/** Cell of every (R, F, M) at index (r − 1)·25 + (f − 1)·5 + (m − 1), for scans that look a cell up per row. */
export const RFM_CELL_TABLE: readonly RfmCell[] = Array.from({ length: 125 }, (_, i) =>
  rfmCell(Math.floor(i / 25) + 1, (Math.floor(i / 5) % 5) + 1, (i % 5) + 1),
);
