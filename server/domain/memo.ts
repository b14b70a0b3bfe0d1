// A pure function's answers kept by key, up to a bound, then dropped whole: for keys a server meets again and again
// (a till's secret, a caller's view, a route's path), where an eviction policy would cost more than it saves.

/**
 * `compute` answered once per key while fewer than `maxEntries` keys are kept; a full memo starts over.
 * `compute` must be pure and must not answer undefined.
 * @example const hashOf = memoised((secret: string) => sha256(secret), 10_000);
 */
export function memoised<K, V>(compute: (key: K) => V, maxEntries: number): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      if (kept.size >= maxEntries) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
