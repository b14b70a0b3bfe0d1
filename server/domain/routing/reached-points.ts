// The reachable part of a street network as points, in local metres around an origin: sampled along every reached
// street (partly reached ones up to where the time runs out), each widened by the few metres one can still walk
// off the street to a door. A concave hull around them is the travel-time area (services/routing/isochrone-polygon.ts).
import { metersPerDegree, type StreetGraph } from './street-graph.js';
import { WALK_METERS_PER_SECOND } from './travel-modes.js';

export interface ReachedPointsOptions {
  seconds: Float64Array;
  budgetSeconds: number;
  speeds: Float64Array;
  /** The local metric frame's origin ([lng, lat]); points come back as metres east and north of it. */
  origin: readonly [number, number];
  /** Spacing of samples along a street. */
  stepMeters?: number;
  /** The farthest one walks off a street with time to spare (front gardens, courtyards, squares). */
  walkOffMeters?: number;
}

export interface LocalFrame {
  toLocal: (lng: number, lat: number) => [number, number];
  toLngLat: (x: number, y: number) => [number, number];
}

/** An equirectangular frame in metres around an origin: distortion stays below 0.1 % across a city. */
export function localFrame([lng0, lat0]: readonly [number, number]): LocalFrame {
  const scale = metersPerDegree(lat0);
  return {
    toLocal: (lng, lat) => [(lng - lng0) * scale.lng, (lat - lat0) * scale.lat],
    toLngLat: (x, y) => [lng0 + x / scale.lng, lat0 + y / scale.lat],
  };
}

/**
 * Points covering the reached streets, in metres around `origin`.
 * @example reachedPoints(graph, { seconds, budgetSeconds: 900, speeds, origin: [13.4, 52.5] }).length // > 0
 */
export function reachedPoints(graph: StreetGraph, options: ReachedPointsOptions): number[][] {
  const { seconds, budgetSeconds, speeds } = options;
  const step = options.stepMeters ?? 40;
  const walkOff = options.walkOffMeters ?? 50;
  const frame = localFrame(options.origin);
  const points: number[][] = [];
  /** A sample at (x, y) on a street heading (ux, uy), with `spare` seconds left: itself and both sides. */
  const add = (x: number, y: number, ux: number, uy: number, spare: number) => {
    const off = Math.min(walkOff, spare * WALK_METERS_PER_SECOND);
    points.push([x, y]);
    if (off > 1) points.push([x - uy * off, y + ux * off], [x + uy * off, y - ux * off]);
  };
  for (let a = 0; a < graph.ids.length; a++) {
    const at = seconds[a]!;
    if (!(at <= budgetSeconds)) continue;
    const [ax, ay] = frame.toLocal(graph.lng[a]!, graph.lat[a]!);
    add(ax, ay, 1, 0, budgetSeconds - at);
    for (let k = graph.offsets[a]!; k < graph.offsets[a + 1]!; k++) {
      const b = graph.targets[k]!;
      // A street reached from both ends is covered from its lower-numbered end only.
      if (seconds[b]! <= budgetSeconds && b < a) continue;
      const [bx, by] = frame.toLocal(graph.lng[b]!, graph.lat[b]!);
      const length = Math.hypot(bx - ax, by - ay) || 1;
      const ux = (bx - ax) / length;
      const uy = (by - ay) / length;
      const speed = speeds[graph.classes[k]!]!;
      const stored = graph.lengthsMeters[k]!;
      // Travel along the stored length, drawn along the straight segment between the junctions.
      const drawnPerStored = length / stored;
      const bothEnds = seconds[b]! <= budgetSeconds;
      const reachMeters = bothEnds ? stored : Math.min(stored, (budgetSeconds - at) * speed);
      for (let s = 0; ; s = Math.min(s + step, reachMeters)) {
        const spare = bothEnds
          ? budgetSeconds - Math.min(at + s / speed, seconds[b]! + (stored - s) / speed)
          : budgetSeconds - at - s / speed;
        add(ax + ux * s * drawnPerStored, ay + uy * s * drawnPerStored, ux, uy, spare);
        if (s >= reachMeters) break;
      }
    }
  }
  return points;
}
