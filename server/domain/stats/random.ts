// A seeded pseudo-random source for resampling: the same seed gives the same draws, so a bootstrap interval is the
// same on every request. mulberry32 (Tommy Ettinger's public-domain generator): 32-bit state, fast, good enough for
// resampling (not for secrets).

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal() {
      const u = 1 - next(); // (0, 1]: log(0) would be −∞
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/**
 * How many of n draws succeed with probability p: exact by waiting times (Devroye 1986, X.4.3, "second waiting time
 * method": geometric gaps between successes, O(np) work) while the expected count of the rarer outcome is below
 * 200; beyond that the normal approximation (skewness below 0.07 there), whose error is far below a resampling's own
 * noise. The waiting times cost a logarithm per success, as much as the resampling's own draws, so the bound is low.
 */
export function binomial(random: Random, n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(random, n, 1 - p);
  const mean = n * p;
  if (mean >= 200) {
    const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * random.normal());
    return Math.min(n, Math.max(0, x));
  }
  const logQ = Math.log(1 - p);
  let successes = 0;
  let drawn = 0;
  for (;;) {
    drawn += Math.floor(Math.log(1 - random.next()) / logQ) + 1;
    if (drawn > n) return successes;
    successes++;
  }
}
