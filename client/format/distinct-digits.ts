// How many decimals a set of figures shown together needs: as few as keep different values different (0.06 %,
// 0.11 % and 0.13 % must not all read "0.1 %"), and enough that a small non-zero value does not read as 0. One
// answer per set, so every figure of a chart or a table column carries the same number of decimals.

export interface DistinctDigitsOptions {
  /** Fewest decimals (default 0). */
  min?: number;
  /** Most decimals (default 3): past that, differences are noise for a reader. */
  max?: number;
  /** Multiplies each value before it is shown: 100 for Intl's `style: 'percent'`, which shows 0.0011 as 0.11 %. */
  scale?: number;
  /** Significant digits the smallest non-zero value keeps (default 1): 0.004 % shows as 0.004 %, not 0 %. */
  significant?: number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * The smallest number of fraction digits (between `min` and `max`) at which the distinct values stay distinct and the
 * smallest non-zero one keeps its significant digits. Nulls, NaN and infinities are ignored.
 * @example distinctDigits([0.06, 0.11, 0.13]) // 2
 * @example distinctDigits([0.0006, 0.0011, 0.0013], { scale: 100 }) // 2 (0.06 %, 0.11 %, 0.13 %)
 * @example distinctDigits([12, 40, 7]) // 0
 * @example distinctDigits([0.25, 0.5], { scale: 100 }) // 0 (25 %, 50 %)
 */
export function distinctDigits(
  values: readonly (number | null | undefined)[],
  { min = 0, max = 3, scale = 1, significant = 1 }: DistinctDigitsOptions = {},
): number {
  const shown = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .map((v) => v * scale);
  const distinct = new Set(shown).size;
  const smallest = shown.reduce(
    (least, v) => (v !== 0 && Math.abs(v) < least ? Math.abs(v) : least),
    Infinity,
  );
  // Decimals that give the smallest non-zero value its significant digits (0.06 needs 2 for one, 0.004 needs 3).
  const floor =
    smallest < 1 ? Math.floor(-Math.log10(smallest)) + significant : Number.NEGATIVE_INFINITY;
  for (let digits = min; digits < max; digits++) {
    if (digits < floor) continue;
    if (new Set(shown.map((v) => round(v, digits))).size === distinct) return digits;
  }
  return Math.max(min, max);
}

/**
 * Intl options that show every value of the set with the same decimals (see distinctDigits).
 * @example formatNumber(locale, share, { style: 'percent', ...distinctFraction(shares, { scale: 100 }) })
 */
export function distinctFraction(
  values: readonly (number | null | undefined)[],
  options: DistinctDigitsOptions = {},
): Pick<Intl.NumberFormatOptions, 'minimumFractionDigits' | 'maximumFractionDigits'> {
  const digits = distinctDigits(values, options);
  return { minimumFractionDigits: digits, maximumFractionDigits: digits };
}
