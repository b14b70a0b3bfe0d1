// The ids seen so far in one import file, for reporting duplicates: a 64-bit fingerprint per id in an open-addressing
// table of typed arrays, 8 bytes a slot. A Set of the id strings held ~100 bytes each: 10 million purchase ids
// took a gigabyte of the import's memory. Two different ids share a fingerprint with a chance of about n²/2⁶⁴
// (3 in a million for 10 million ids), and then the second would be reported as a duplicate.

/** FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A second, independent 32-bit hash (multiply-rotate with murmur3's finaliser); never 0, which marks a free slot. */
function mix(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

export class IdSet {
  private low = new Uint32Array(1 << 12);
  private high = new Uint32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the id; false when it (or an id with its fingerprint) was there already. */
  add(id: string): boolean {
    // At most three quarters full: probes stay short, and 10 million ids take 2²⁴ slots (128 MB).
    if ((this.count + 1) * 4 > this.high.length * 3) this.grow();
    const added = this.place(fnv1a(id), mix(id));
    if (added) this.count++;
    return added;
  }

  has(id: string): boolean {
    const a = fnv1a(id);
    const b = mix(id);
    const mask = this.high.length - 1;
    for (let slot = a & mask; this.high[slot] !== 0; slot = (slot + 1) & mask)
      if (this.low[slot] === a && this.high[slot] === b) return true;
    return false;
  }

  private place(a: number, b: number): boolean {
    const mask = this.high.length - 1;
    let slot = a & mask;
    for (; this.high[slot] !== 0; slot = (slot + 1) & mask)
      if (this.low[slot] === a && this.high[slot] === b) return false;
    this.low[slot] = a;
    this.high[slot] = b;
    return true;
  }

  private grow(): void {
    const { low, high } = this;
    this.low = new Uint32Array(high.length * 2);
    this.high = new Uint32Array(high.length * 2);
    for (let i = 0; i < high.length; i++) if (high[i] !== 0) this.place(low[i]!, high[i]!);
  }
}
