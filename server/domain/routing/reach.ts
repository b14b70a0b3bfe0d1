// One-to-all travel times from a start node, stopped at a time budget: Dijkstra with a binary heap over the
// graph's arrays. Nodes beyond the budget are never settled, so a 15-minute walk touches only its own few hundred.
import type { StreetGraph } from './street-graph.js';

export interface ReachOptions {
  start: number;
  /** Seconds already spent before the start node (walking to it from the clicked point). */
  startSeconds?: number;
  budgetSeconds: number;
  /** Metres per second by street class code (travel-modes.ts speedsByClass). */
  speeds: Float64Array;
}

/**
 * Seconds to each node within the budget; Infinity for the rest.
 * @example reachSeconds(graph, { start: 0, budgetSeconds: 900, speeds: speedsByClass('walk') })[0] // 0
 */
export function reachSeconds(graph: StreetGraph, options: ReachOptions): Float64Array {
  const { start, budgetSeconds, speeds } = options;
  const seconds = new Float64Array(graph.ids.length).fill(Infinity);
  const startSeconds = options.startSeconds ?? 0;
  if (start < 0 || start >= graph.ids.length || startSeconds > budgetSeconds) return seconds;
  const heap = new MinHeap();
  seconds[start] = startSeconds;
  heap.push(start, startSeconds);
  const done = new Uint8Array(graph.ids.length);
  while (heap.size > 0) {
    const node = heap.popNode();
    if (done[node]) continue;
    done[node] = 1;
    const here = seconds[node]!;
    for (let k = graph.offsets[node]!; k < graph.offsets[node + 1]!; k++) {
      const next = graph.targets[k]!;
      if (done[next]) continue;
      const arrive = here + graph.lengthsMeters[k]! / speeds[graph.classes[k]!]!;
      if (arrive <= budgetSeconds && arrive < seconds[next]!) {
        seconds[next] = arrive;
        heap.push(next, arrive);
      }
    }
  }
  return seconds;
}

/** A binary min-heap of (node, key) with lazy deletion: a node may sit in it more than once; stale copies are skipped. */
class MinHeap {
  private nodes: number[] = [];
  private keys: number[] = [];
  get size() {
    return this.nodes.length;
  }
  push(node: number, key: number) {
    const { nodes, keys } = this;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      nodes[i] = nodes[parent]!;
      keys[i] = keys[parent]!;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }
  popNode(): number {
    const { nodes, keys } = this;
    const top = nodes[0]!;
    const lastNode = nodes.pop()!;
    const lastKey = keys.pop()!;
    const n = nodes.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      nodes[i] = nodes[child]!;
      keys[i] = keys[child]!;
      i = child;
    }
    nodes[i] = lastNode;
    keys[i] = lastKey;
    return top;
  }
}
