// 95 % confidence intervals for the lift of a treated group over a holdout: Newcombe's hybrid score interval for a
// difference of two proportions, built from each group's Wilson score interval. Pure arithmetic, no I/O.

/** The normal quantile for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Interval95 {
  low: number;
  high: number;
}

/**
 * Wilson's score interval for a proportion x / n (Wilson 1927): the proportions p whose score test at z does not
 * reject x / n. Unlike the Wald interval it stays inside [0, 1] and behaves at 0 and n.
 * @example wilson(56, 70) // { low: 0.6918, high: 0.8770 } (rounded)
 */
export function wilson(x: number, n: number, z = Z_95): Interval95 {
  if (!(n > 0)) throw new RangeError('wilson: n must be positive');
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
}

/**
 * Newcombe's hybrid score interval (Newcombe 1998, method 10) for p1 − p2 with p1 = x1 / n1, p2 = x2 / n2:
 * δ − √((p1 − l1)² + (u2 − p2)²) to δ + √((u1 − p1)² + (p2 − l2)²), where (l, u) are the groups' Wilson intervals.
 * @example newcombeDifference(56, 70, 48, 80) // { low: 0.0524, high: 0.3339 } (Newcombe 1998, table II, example a)
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number): Interval95 {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const w1 = wilson(x1, n1);
  const w2 = wilson(x2, n2);
  const delta = p1 - p2;
  return {
    low: delta - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: delta + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}
