// A 95 % interval for the difference of two groups' mean (revenue per customer, treated minus holdout): a seeded
// percentile bootstrap, each group resampled with replacement on its own; for groups with very many buyers, the
// normal interval the bootstrap converges to (a resampling there would cost more than the whole answer may take).
import { binomial, seededRandom, type Random } from './random.js';
import { Z_95, type Interval95 } from './intervals.js';

export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * Values drawn by all resamples together, above which the normal interval is used: about 20 ms of drawing. With
 * 1,000 resamples that is 2,000 buyers in the two groups together; the mean of that many values is normal to well
 * within the bootstrap's own resampling noise.
 */
export const BOOTSTRAP_MAX_DRAWS = 2_000_000;

/**
 * Draws left for the intervals of one answer. An answer with many groups (a campaign's areas and stores) shares one
 * budget, so its resampling costs at most BOOTSTRAP_MAX_DRAWS however many groups it has.
 */
export interface DrawBudget {
  remaining: number;
}

export const drawBudget = (draws = BOOTSTRAP_MAX_DRAWS): DrawBudget => ({ remaining: draws });

export interface Interval95Method extends Interval95 {
  method: 'bootstrap' | 'normal';
}

/** A group's values: how many, and the non-zero ones (most customers spend nothing in a window; a zero adds nothing). */
export interface Sample {
  n: number;
  nonZero: Float64Array;
  sum: number;
  sumOfSquares: number;
}

export function sampleOf(values: ArrayLike<number>): Sample {
  const nonZero: number[] = [];
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) continue;
    nonZero.push(v);
    sum += v;
    sumOfSquares += v * v;
  }
  return { n: values.length, nonZero: Float64Array.from(nonZero), sum, sumOfSquares };
}

/**
 * The sum of n values drawn with replacement from the sample. Of n uniform draws, the number landing on a non-zero
 * value is Binomial(n, k / n), and those land uniformly among the k non-zero values: so only they are drawn.
 */
function resampledSum(sample: Sample, random: Random): number {
  const k = sample.nonZero.length;
  if (k === 0) return 0;
  const draws = binomial(random, sample.n, k / sample.n);
  let sum = 0;
  for (let i = 0; i < draws; i++) sum += sample.nonZero[Math.floor(random.next() * k)]!;
  return sum;
}

/** The value at quantile q of sorted values, interpolated linearly between neighbours (type 7, as R and NumPy). */
export function quantile(sorted: Float64Array, q: number): number {
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

const mean = (s: Sample) => s.sum / s.n;
/** The variance of a sample mean under resampling: the plug-in variance (divided by n, as the bootstrap's) over n. */
const varianceOfMean = (s: Sample) => (s.sumOfSquares / s.n - mean(s) ** 2) / s.n;

/**
 * 95 % interval of mean(a) − mean(b): percentile bootstrap, deterministic for a seed, or the normal interval
 * (difference ± 1.96 standard errors) when resampling would draw more values than the budget has left (by default
 * a budget of BOOTSTRAP_MAX_DRAWS for this interval alone). A bootstrap takes its draws from the budget.
 * @example meanDifferenceInterval(sampleOf([10, 0, 20]), sampleOf([0, 0, 5]), { seed: 1 }) // { low, high, method: 'bootstrap' }
 */
export function meanDifferenceInterval(
  a: Sample,
  b: Sample,
  {
    seed,
    resamples = BOOTSTRAP_RESAMPLES,
    budget = drawBudget(),
  }: { seed: number; resamples?: number; budget?: DrawBudget },
): Interval95Method {
  if (a.n === 0 || b.n === 0)
    throw new RangeError('meanDifferenceInterval: both groups need members');
  const draws = resamples * (a.nonZero.length + b.nonZero.length);
  if (draws > budget.remaining) {
    const difference = mean(a) - mean(b);
    const se = Math.sqrt(varianceOfMean(a) + varianceOfMean(b));
    return { low: difference - Z_95 * se, high: difference + Z_95 * se, method: 'normal' };
  }
  budget.remaining -= draws;
  const random = seededRandom(seed);
  const differences = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++)
    differences[r] = resampledSum(a, random) / a.n - resampledSum(b, random) / b.n;
  differences.sort();
  return {
    low: quantile(differences, 0.025),
    high: quantile(differences, 0.975),
    method: 'bootstrap',
  };
}
