// Seeded pseudo-random numbers, so the same seed always yields the same demo workspace, byte for byte.

/** A deterministic random source; every method draws from the same stream. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter, public domain, as in PractRand), seeded by
 * splitmix32 so that neighbouring seeds give unrelated streams. Fast, 128-bit state, no Math.random.
 * @example createRandom(42).int(1, 6) // always the same die roll for seed 42
 */
export function createRandom(seed: number): Random {
  let s = hashString(String(seed));
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm-up: the first outputs of sfc32 are still correlated with the seed words.
  for (let i = 0; i < 12; i++) next();
  let spare = NaN;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    normal: () => {
      // Box–Muller gives two independent normals per pair of uniforms; keep the second for the next call.
      if (!Number.isNaN(spare)) {
        const value = spare;
        spare = NaN;
        return value;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - next())); // 1 - u keeps the logarithm finite
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick() from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** A seed for one part of the generator, so adding draws to one part never shifts another. */
export function deriveSeed(seed: number, label: string): number {
  return hashString(`${seed}:${label}`);
}

/** Cumulative sums of non-negative weights, for {@link pickWeighted}. */
export function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += Math.max(0, w);
    sums[i] = total;
  });
  return sums;
}

/** Index drawn in proportion to the weights behind `sums` (binary search). */
export function pickWeighted(sums: Float64Array, random: Random): number {
  const target = random.next() * (sums[sums.length - 1] ?? 0);
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sums[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** 32-bit FNV-1a followed by a murmur3 finaliser. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
