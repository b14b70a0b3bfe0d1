// A small least-recently-used cache of response bodies (serialised JSON, encoded tiles), bounded by entries and bytes.
// Keys carry the data versions they were built from (data-versions.ts), so a write never needs to clear it: new keys
// take over and the old entries age out.

export interface BodyCache<V extends string | Uint8Array> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

const bytesOf = (value: string | Uint8Array) =>
  typeof value === 'string' ? value.length * 2 : value.byteLength;

export function createBodyCache<V extends string | Uint8Array>(limits: {
  maxEntries: number;
  maxBytes: number;
}): BodyCache<V> {
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest first.
  const entries = new Map<string, V>();
  let bytes = 0;
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      const size = bytesOf(value);
      if (size > limits.maxBytes) return;
      const old = entries.get(key);
      if (old !== undefined) {
        bytes -= bytesOf(old);
        entries.delete(key);
      }
      entries.set(key, value);
      bytes += size;
      for (const [oldest, v] of entries) {
        if (entries.size <= limits.maxEntries && bytes <= limits.maxBytes) break;
        entries.delete(oldest);
        bytes -= bytesOf(v);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
