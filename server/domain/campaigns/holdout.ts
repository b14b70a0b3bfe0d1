// The holdout: a stable random share of a campaign's audience that is never offered, to measure lift against. Pure and
// without node:crypto (the client may import the domain): FNV-1a over the ids, mixed with murmur3's finaliser.

/**
 * FNV-1a 32-bit of a string's UTF-16 code units, then murmur3's fmix32 so nearby ids spread over the whole range
 * (plain FNV-1a leaves the high bits of short, similar ids clustered).
 * @example hash32('a') // 0..2³²−1, the same on every run
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Where a customer falls for a campaign, in [0, 1): the same on every call, independent between campaigns. */
export function holdoutBucket(campaignId: string, customerId: string): number {
  // The separator keeps ("ab", "c") and ("a", "bc") apart.
  return hash32(`${campaignId}\u0000${customerId}`) / 2 ** 32;
}

/**
 * Whether a customer is in the campaign's holdout: their bucket is below holdoutPercent / 100. 0 % holds nobody out.
 * @example inHoldout('cmp-1', 'C-000042', 20) // true for about one customer in five, always the same ones
 */
export function inHoldout(campaignId: string, customerId: string, holdoutPercent: number): boolean {
  if (!(holdoutPercent > 0)) return false;
  return holdoutBucket(campaignId, customerId) < holdoutPercent / 100;
}
