// Bar chart maths, kept apart from the component so scaling and labels are unit-tested.

export interface ChartInput {
  key: string;
  count: number;
}

export interface ChartRow {
  key: string;
  label: string;
  count: number;
  /** Bar length as a percentage of the longest bar (0–100); a non-zero count always shows at least a sliver. */
  lengthPct: number;
  /** Share of `total` (0–1), or null without a total. */
  share: number | null;
}

/** Shortest visible bar, so a count of 1 next to 10,000 is still seen to be there. */
export const MIN_BAR_PCT = 1.5;

/**
 * Bars scaled to the largest count (not to the total, so small breakdowns still fill the width).
 * @example chartRows([{ key: 'gold', count: 5 }, { key: 'none', count: 20 }], { total: 25, labelFor: (k) => k })
 * // [{ key: 'gold', label: 'gold', count: 5, lengthPct: 25, share: 0.2 }, { key: 'none', …, lengthPct: 100, share: 0.8 }]
 */
export function chartRows(
  buckets: readonly ChartInput[],
  { total, labelFor, hideEmpty = false }: { total?: number; labelFor: (key: string) => string; hideEmpty?: boolean },
): ChartRow[] {
  const rows = hideEmpty ? buckets.filter((b) => b.count > 0) : buckets;
  const max = rows.reduce((m, b) => Math.max(m, b.count), 0);
  return rows.map((b) => ({
    key: b.key,
    label: labelFor(b.key),
    count: b.count,
    lengthPct: max > 0 && b.count > 0 ? Math.max(MIN_BAR_PCT, (b.count / max) * 100) : 0,
    share: total && total > 0 ? b.count / total : null,
  }));
}
