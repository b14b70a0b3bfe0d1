// The exact sign of a·b − c·d for doubles, so "on the edge" is decided without rounding error.
// Dekker's product splitting and Knuth's two-sum, as in Shewchuk's robust predicates (public domain),
// which point-in-polygon-hao (Turf's booleanPointInPolygon) uses for the same decision.

const SPLITTER = 134_217_729; // 2^27 + 1

/** The rounding error of a·b, so that a·b = fl(a·b) + error exactly. */
function productError(a: number, b: number, p: number): number {
  let c = SPLITTER * a;
  const ahi = c - (c - a);
  const alo = a - ahi;
  c = SPLITTER * b;
  const bhi = c - (c - b);
  const blo = b - bhi;
  return alo * blo - (p - ahi * bhi - alo * bhi - ahi * blo);
}

/**
 * Sign (−1, 0, 1) of a·b − c·d computed exactly (for finite products well inside the double range).
 * @example crossSign(0.1, 0.3, 0.3, 0.1) // 0
 */
export function crossSign(a: number, b: number, c: number, d: number): number {
  const p = a * b;
  const q = c * d;
  const det = p - q;
  // Fast path: the rounded difference is far larger than any rounding error could be.
  const bound = 3.3306690738754716e-16 * (Math.abs(p) + Math.abs(q));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  // Exact: a·b − c·d = (p − q) + pe − qe, summed as a non-overlapping expansion; its largest part has the sign.
  const pe = productError(a, b, p);
  const qe = productError(c, d, q);
  let parts = twoSum(p, -q);
  parts = grow(parts, pe);
  parts = grow(parts, -qe);
  for (let i = parts.length - 1; i >= 0; i--) {
    const v = parts[i] as number;
    if (v !== 0) return v > 0 ? 1 : -1;
  }
  return 0;
}

/** [low, high] with a + b = high + low exactly. */
function twoSum(a: number, b: number): number[] {
  const x = a + b;
  const bv = x - a;
  const av = x - bv;
  return [a - av + (b - bv), x];
}

/** Adds b to an expansion (increasing magnitude, non-overlapping); Shewchuk's Grow-Expansion. */
function grow(e: number[], b: number): number[] {
  const out: number[] = [];
  let q = b;
  for (const component of e) {
    const [low, high] = twoSum(q, component) as [number, number];
    out.push(low);
    q = high;
  }
  out.push(q);
  return out;
}
