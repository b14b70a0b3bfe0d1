// A street network as compact arrays (compressed sparse rows), built once and routed many times: every street
// segment is walkable both ways, so each edge is stored twice, once from each end.
import type { StreetClass } from '../schemas/streets.js';

export interface GraphNodeInput {
  id: number;
  lng: number;
  lat: number;
}
export interface GraphEdgeInput {
  from: number;
  to: number;
  lengthMeters: number;
  streetClass: StreetClass;
}

export const STREET_CLASS_CODE: Record<StreetClass, number> = {
  primary: 0,
  secondary: 1,
  residential: 2,
};

export interface StreetGraph {
  /** The stored node id of each index. */
  ids: Int32Array;
  lng: Float64Array;
  lat: Float64Array;
  /** Edges leaving node i are `offsets[i]` up to `offsets[i + 1]` in the arrays below. */
  offsets: Int32Array;
  targets: Int32Array;
  lengthsMeters: Float64Array;
  /** STREET_CLASS_CODE of each half-edge, for speeds that depend on the street. */
  classes: Uint8Array;
}

/**
 * Builds the graph; edges naming an unknown node are skipped (a half-written network must not crash routing).
 * @example buildStreetGraph(nodes, edges).offsets.length // nodes.length + 1
 */
export function buildStreetGraph(nodes: GraphNodeInput[], edges: GraphEdgeInput[]): StreetGraph {
  const index = new Map<number, number>();
  const ids = new Int32Array(nodes.length);
  const lng = new Float64Array(nodes.length);
  const lat = new Float64Array(nodes.length);
  nodes.forEach((n, i) => {
    index.set(n.id, i);
    ids[i] = n.id;
    lng[i] = n.lng;
    lat[i] = n.lat;
  });
  const usable = edges.filter(
    (e) => index.has(e.from) && index.has(e.to) && e.from !== e.to && e.lengthMeters > 0,
  );
  const degree = new Int32Array(nodes.length + 1);
  for (const e of usable) {
    degree[index.get(e.from)! + 1]!++;
    degree[index.get(e.to)! + 1]!++;
  }
  const offsets = new Int32Array(nodes.length + 1);
  for (let i = 1; i <= nodes.length; i++) offsets[i] = offsets[i - 1]! + degree[i]!;
  const fill = offsets.slice(0, nodes.length);
  const total = offsets[nodes.length]!;
  const targets = new Int32Array(total);
  const lengthsMeters = new Float64Array(total);
  const classes = new Uint8Array(total);
  const put = (from: number, to: number, e: GraphEdgeInput) => {
    const slot = fill[from]!++;
    targets[slot] = to;
    lengthsMeters[slot] = e.lengthMeters;
    classes[slot] = STREET_CLASS_CODE[e.streetClass];
  };
  for (const e of usable) {
    const a = index.get(e.from)!;
    const b = index.get(e.to)!;
    put(a, b, e);
    put(b, a, e);
  }
  return { ids, lng, lat, offsets, targets, lengthsMeters, classes };
}

export const nodeCount = (graph: StreetGraph) => graph.ids.length;

/** Metres per degree of longitude and latitude around a latitude (equirectangular, fine within a city). */
export function metersPerDegree(lat: number): { lng: number; lat: number } {
  return { lng: 111_320 * Math.cos((lat * Math.PI) / 180), lat: 110_574 };
}

/**
 * The node nearest to a point and how far it is, by a plain scan (a few thousand nodes take well under a
 * millisecond); null for an empty graph.
 */
export function nearestNode(
  graph: StreetGraph,
  [lng, lat]: readonly [number, number],
): { node: number; meters: number } | null {
  const scale = metersPerDegree(lat);
  let best = -1;
  let bestSq = Infinity;
  for (let i = 0; i < graph.ids.length; i++) {
    const dx = (graph.lng[i]! - lng) * scale.lng;
    const dy = (graph.lat[i]! - lat) * scale.lat;
    const sq = dx * dx + dy * dy;
    if (sq < bestSq) {
      bestSq = sq;
      best = i;
    }
  }
  return best < 0 ? null : { node: best, meters: Math.sqrt(bestSq) };
}
