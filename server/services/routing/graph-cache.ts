// The street graph of a workspace, built once and kept until its streets change (a demo reseeded or removed):
// every request compares a cheap signature of the street tables with the one the graph was built from.
import type { Db } from '../../db/connection.js';
import { loadRoutingNetwork, streetNetworkSignature } from '../../db/repos/streets.js';
import { buildStreetGraph, type StreetGraph } from '../../domain/routing/street-graph.js';

interface Cached {
  signature: string;
  graph: StreetGraph;
  buildMs: number;
}

const cache = new WeakMap<Db, Cached>();

/** The workspace's graph and how long building it took (0 when it came from the cache). */
export function streetGraphOf(db: Db): { graph: StreetGraph; buildMs: number } {
  const signature = streetNetworkSignature(db);
  const hit = cache.get(db);
  if (hit?.signature === signature) return { graph: hit.graph, buildMs: 0 };
  const started = performance.now();
  const network = loadRoutingNetwork(db);
  const graph = buildStreetGraph(network.nodes, network.edges);
  const buildMs = performance.now() - started;
  cache.set(db, { signature, graph, buildMs });
  return { graph, buildMs };
}
