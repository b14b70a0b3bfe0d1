// The textbook Dijkstra the bench measures reach.ts against: every step scans all nodes for the nearest unsettled
// one (no heap, no budget cut-off until the scan). Kept for the bench and as a cross-check in tests, never for serving.
import type { ReachOptions } from './reach.js';
import type { StreetGraph } from './street-graph.js';

/** Same answer as reachSeconds (Infinity beyond the budget), in O(nodes²). */
export function naiveReachSeconds(graph: StreetGraph, options: ReachOptions): Float64Array {
  const n = graph.ids.length;
  const seconds = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  if (options.start < 0 || options.start >= n) return seconds;
  seconds[options.start] = options.startSeconds ?? 0;
  for (;;) {
    let node = -1;
    for (let i = 0; i < n; i++)
      if (!done[i] && seconds[i]! < Infinity && (node < 0 || seconds[i]! < seconds[node]!))
        node = i;
    if (node < 0) break;
    done[node] = 1;
    for (let k = graph.offsets[node]!; k < graph.offsets[node + 1]!; k++) {
      const next = graph.targets[k]!;
      const arrive = seconds[node]! + graph.lengthsMeters[k]! / options.speeds[graph.classes[k]!]!;
      if (arrive < seconds[next]!) seconds[next] = arrive;
    }
  }
  for (let i = 0; i < n; i++) if (seconds[i]! > options.budgetSeconds) seconds[i] = Infinity;
  return seconds;
}
