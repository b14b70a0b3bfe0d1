// Travel-time areas on the demo city's street network (issue 20): a 15-minute walk isochrone end to end (≤ 100 ms),
// and the one-to-all search inside it against a textbook Dijkstra that scans every node for the next one (no heap)
// and against graphology-shortest-path's Dijkstra (whole graph, paths kept), all in the same run and checked to
// reach the same junctions. Graph build time is reported from the SQLite tables, as the server builds it.
// BENCH_ISO_ORIGINS (default 20) sets how many origins are timed; a smoke run takes 3.
import Graph from 'graphology';
import shortestPath from 'graphology-shortest-path';
import { closeDatabase, openDatabase } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { insertStreets } from '../server/db/repos/streets.js';
import { generateDemoStreets } from '../server/demo/generate.js';
import { naiveReachSeconds } from '../server/domain/routing/naive-reach.js';
import { reachSeconds } from '../server/domain/routing/reach.js';
import { nearestNode, type StreetGraph } from '../server/domain/routing/street-graph.js';
import { speedsByClass } from '../server/domain/routing/travel-modes.js';
import { streetGraphOf } from '../server/services/routing/graph-cache.js';
import { offlineIsochrone } from '../server/services/routing/offline-engine.js';
import type { BenchResult } from './run.js';

const MINUTES = 15;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

/** Origins spread over the network: every k-th junction with enough streets around it. */
function originsOf(graph: StreetGraph, count: number): number[] {
  const picked: number[] = [];
  const step = Math.max(1, Math.floor(graph.ids.length / (count + 1)));
  for (let i = step; picked.length < count && i < graph.ids.length; i += step)
    if (graph.offsets[i + 1]! - graph.offsets[i]! >= 3) picked.push(i);
  return picked;
}

function graphologyOf(graph: StreetGraph, speeds: Float64Array) {
  const g = new Graph({ type: 'undirected', multi: true });
  for (let i = 0; i < graph.ids.length; i++) g.addNode(String(i));
  for (let a = 0; a < graph.ids.length; a++)
    for (let k = graph.offsets[a]!; k < graph.offsets[a + 1]!; k++) {
      const b = graph.targets[k]!;
      if (b > a)
        g.addEdge(String(a), String(b), {
          seconds: graph.lengthsMeters[k]! / speeds[graph.classes[k]!]!,
        });
    }
  return g;
}

export async function run(): Promise<BenchResult[]> {
  const origins = Number(process.env.BENCH_ISO_ORIGINS ?? 20);
  const db = openDatabase(':memory:');
  migrate(db);
  const network = generateDemoStreets(42);
  db.transaction(() => insertStreets(db, network))();
  const build = time(() => streetGraphOf(db));
  const { graph } = build.value;
  closeDatabase(db);
  process.stderr.write(
    `  network: ${graph.ids.length} junctions, ${graph.targets.length / 2} street segments\n`,
  );

  const speeds = speedsByClass('walk');
  const budgetSeconds = MINUTES * 60;
  const starts = originsOf(graph, origins);
  const iso: number[] = [];
  const heap: number[] = [];
  const naive: number[] = [];
  const library: number[] = [];
  const g = graphologyOf(graph, speeds);
  let reached = 0;
  // One untimed run first, so the figures are for a warmed-up server rather than the JIT's first pass.
  if (starts[0] !== undefined)
    offlineIsochrone(graph, {
      mode: 'walk',
      minutes: MINUTES,
      origin: [graph.lng[starts[0]]!, graph.lat[starts[0]]!],
    });
  for (const start of starts) {
    const origin: [number, number] = [graph.lng[start]!, graph.lat[start]!];
    if (nearestNode(graph, origin)?.node !== start) continue;
    iso.push(time(() => offlineIsochrone(graph, { mode: 'walk', minutes: MINUTES, origin })).ms);
    const fast = time(() => reachSeconds(graph, { start, budgetSeconds, speeds }));
    const slow = time(() => naiveReachSeconds(graph, { start, budgetSeconds, speeds }));
    heap.push(fast.ms);
    naive.push(slow.ms);
    for (let i = 0; i < graph.ids.length; i++)
      if (fast.value[i] !== slow.value[i] && Math.abs(fast.value[i]! - slow.value[i]!) > 1e-6)
        throw new Error(`heap and naive Dijkstra disagree at junction ${i} from ${start}`);
    reached += fast.value.filter((s) => s <= budgetSeconds).length;
    library.push(time(() => shortestPath.dijkstra.singleSource(g, String(start), 'seconds')).ms);
  }
  const n = iso.length;
  return [
    { name: 'isochrone: graph build (SQLite → arrays)', value: build.ms, unit: 'ms' },
    {
      name: `isochrone: ${MINUTES}-min walk, end to end (median of ${n})`,
      value: median(iso),
      unit: 'ms',
      target: '≤ 100 ms',
    },
    { name: 'isochrone: junctions reached (mean)', value: reached / Math.max(1, n), unit: '' },
    { name: 'isochrone: search, bounded Dijkstra + heap', value: median(heap), unit: 'ms' },
    { name: 'isochrone: search, naive Dijkstra (baseline)', value: median(naive), unit: 'ms' },
    {
      name: 'isochrone: search, graphology dijkstra.singleSource',
      value: median(library),
      unit: 'ms',
    },
    {
      name: 'isochrone: naive ÷ heap (speed-up)',
      value: median(naive) / Math.max(median(heap), 1e-3),
      unit: '×',
    },
  ];
}
