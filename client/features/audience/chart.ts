// Bar chart maths, kept apart from the component so scaling and labels are unit-tested.

export interface ChartInput {
  key: string;
  /** null: fewer than the minimum group size (hidden from this user). */
  count: number | null;
}

export interface ChartRow {
  key: string;
  label: string;
  /** null when hidden: the bar is drawn hatched up to the minimum group size, never as zero. */
  count: number | null;
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
  {
    total,
    labelFor,
    hideEmpty = false,
    minGroupSize,
  }: {
    total?: number | null;
    labelFor: (key: string) => string;
    hideEmpty?: boolean;
    minGroupSize?: number | undefined;
  },
): ChartRow[] {
  // Hidden buckets stay: they may hold anyone from 0 to k - 1 customers.
  const rows = hideEmpty ? buckets.filter((b) => b.count === null || b.count > 0) : buckets;
  const max = rows.reduce((m, b) => Math.max(m, b.count ?? minGroupSize ?? 0), 0);
  return rows.map((b) => {
    // A hidden bucket's bar reaches to where k would be: "somewhere below this".
    const length = b.count ?? minGroupSize ?? 0;
    return {
      key: b.key,
      label: labelFor(b.key),
      count: b.count,
      lengthPct: max > 0 && length > 0 ? Math.max(MIN_BAR_PCT, (length / max) * 100) : 0,
      share: b.count !== null && total && total > 0 ? b.count / total : null,
    };
  });
}
