// Bar chart maths, kept apart from the component so scaling and labels are unit-tested.

export interface ChartInput {
  key: string;
  /** null: fewer than the minimum group size (hidden from this user). */
  count: number | null;
  /** The whole city's share of the group (0–1); absent or null when unknown or hidden. */
  cityShare?: number | null | undefined;
  /** Area share ÷ city share × 100; absent or null when unknown. */
  index?: number | null | undefined;
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
  cityShare: number | null;
  index: number | null;
  /** Where the city's share would put the bar (same scale as lengthPct), or null without one. */
  cityPct: number | null;
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
  // The city's share as the count the area would have were it like the city: the tick sits on the bars' scale.
  const asInCity = (b: ChartInput) => (b.cityShare != null && total ? b.cityShare * total : null);
  const max = rows.reduce((m, b) => Math.max(m, b.count ?? minGroupSize ?? 0, asInCity(b) ?? 0), 0);
  return rows.map((b) => {
    // A hidden bucket's bar reaches to where k would be: "somewhere below this".
    const length = b.count ?? minGroupSize ?? 0;
    const expected = asInCity(b);
    return {
      key: b.key,
      label: labelFor(b.key),
      count: b.count,
      lengthPct: max > 0 && length > 0 ? Math.max(MIN_BAR_PCT, (length / max) * 100) : 0,
      share: b.count !== null && total && total > 0 ? b.count / total : null,
      cityShare: b.cityShare ?? null,
      index: b.index ?? null,
      cityPct: expected !== null && max > 0 ? (expected / max) * 100 : null,
    };
  });
}

/**
 * Rows by index, highest first ("over-represented here" on top); rows without an index keep their order at the end.
 * @example byIndex([{ key: 'a', index: 90 }, { key: 'b', index: null }, { key: 'c', index: 140 }]) // c, a, b
 */
export function byIndex<R extends { index: number | null }>(rows: readonly R[]): R[] {
  return rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => (b.row.index ?? -Infinity) - (a.row.index ?? -Infinity) || a.order - b.order)
    .map(({ row }) => row);
}

/** How far from the city an index is worth pointing out: ±20 points (120 and over, 80 and under). */
export const INDEX_NOTABLE = 20;

/** `over` / `under` when an index is notably above or below the city's, `even` otherwise, null without one. */
export function indexTone(index: number | null): 'over' | 'under' | 'even' | null {
  if (index === null) return null;
  if (index >= 100 + INDEX_NOTABLE) return 'over';
  if (index <= 100 - INDEX_NOTABLE) return 'under';
  return 'even';
}
