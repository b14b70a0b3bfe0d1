// Class breaks for a choropleth: natural breaks (Ckmeans, the optimal 1-D k-means that refines Jenks) or quantiles,
// from simple-statistics. Kept beside the service rather than in server/domain, which imports only zod, Turf and h3.
import { ckmeans, quantile } from 'simple-statistics';

export type ClassMethod = 'ckmeans' | 'quantile';

/**
 * Ascending breaks [min, b1, …, max] for at most `classes` classes (fewer when there are fewer distinct values).
 * @example classBreaks([1, 2, 3, 10, 11, 12], 'ckmeans', 2) // [1, 10, 12]
 */
export function classBreaks(
  values: readonly number[],
  method: ClassMethod,
  classes: number,
): number[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const distinct = new Set(sorted).size;
  const k = Math.min(classes, distinct);
  if (k <= 1) return [min, max];
  const inner =
    method === 'ckmeans'
      ? ckmeans(sorted, k)
          .slice(1)
          .map((cluster) => cluster[0]!)
      : quantile(
          sorted,
          Array.from({ length: k - 1 }, (_, c) => (c + 1) / k),
        );
  // Quantiles of skewed data repeat (many zeros): a repeated break would make an empty class.
  const breaks = [min, ...inner.filter((b) => b > min && b < max), max];
  return breaks.filter((b, i) => i === 0 || b > breaks[i - 1]!);
}
