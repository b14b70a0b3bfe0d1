// Travel times on a tiny hand-made street network: which junctions a walk, a ride and a drive reach, and when.
import { describe, expect, it } from 'vitest';
import { naiveReachSeconds } from '../../server/domain/routing/naive-reach.js';
import { reachSeconds } from '../../server/domain/routing/reach.js';
import { reachedPoints } from '../../server/domain/routing/reached-points.js';
import { buildStreetGraph, nearestNode } from '../../server/domain/routing/street-graph.js';
import { speedsByClass } from '../../server/domain/routing/travel-modes.js';

//  1 ──400 m── 2 ──400 m── 3
//  │ 600 m primary          │ 300 m
//  4 ─────────1000 m─────── 5        6 (an island: no street reaches it)
const nodes = [
  { id: 1, lng: 13.4, lat: 52.5 },
  { id: 2, lng: 13.4059, lat: 52.5 },
  { id: 3, lng: 13.4118, lat: 52.5 },
  { id: 4, lng: 13.4, lat: 52.4946 },
  { id: 5, lng: 13.4118, lat: 52.4973 },
  { id: 6, lng: 13.5, lat: 52.6 },
];
const edges = [
  { from: 1, to: 2, lengthMeters: 400, streetClass: 'residential' as const },
  { from: 2, to: 3, lengthMeters: 400, streetClass: 'residential' as const },
  { from: 1, to: 4, lengthMeters: 600, streetClass: 'primary' as const },
  { from: 3, to: 5, lengthMeters: 300, streetClass: 'residential' as const },
  { from: 4, to: 5, lengthMeters: 1000, streetClass: 'residential' as const },
  // An edge naming a junction that does not exist is skipped, not a crash.
  { from: 5, to: 99, lengthMeters: 50, streetClass: 'residential' as const },
];
const graph = buildStreetGraph(nodes, edges);
const walk = speedsByClass('walk');
const at = (seconds: Float64Array, id: number) => seconds[nodes.findIndex((n) => n.id === id)];
/** 4.8 km/h is 0.75 s per metre. */
const walkSeconds = (meters: number) => meters * 0.75;

describe('travel times on a street network', () => {
  it('a 10-minute walk from junction 1 reaches 2, 3 and 4 at their walking times, and not 5', () => {
    const seconds = reachSeconds(graph, { start: 0, budgetSeconds: 600, speeds: walk });
    expect(at(seconds, 1)).toBe(0);
    expect(at(seconds, 2)).toBeCloseTo(walkSeconds(400), 6);
    expect(at(seconds, 3)).toBeCloseTo(walkSeconds(800), 6);
    expect(at(seconds, 4)).toBeCloseTo(walkSeconds(600), 6);
    // 1100 m either way round: 825 s, beyond 600.
    expect(at(seconds, 5)).toBe(Infinity);
    expect(at(seconds, 6)).toBe(Infinity);
  });

  it('takes the shorter way round: 5 is 1100 m from 1 via 2 and 3, not 1600 m via 4', () => {
    const seconds = reachSeconds(graph, { start: 0, budgetSeconds: 3600, speeds: walk });
    expect(at(seconds, 5)).toBeCloseTo(walkSeconds(1100), 6);
  });

  it('a drive goes faster on the main road than on side streets', () => {
    const drive = speedsByClass('drive');
    const seconds = reachSeconds(graph, { start: 0, budgetSeconds: 3600, speeds: drive });
    const perMeterPrimary = at(seconds, 4)! / 600;
    const perMeterResidential = at(seconds, 2)! / 400;
    expect(perMeterPrimary).toBeLessThan(perMeterResidential);
  });

  it('counts the walk from the clicked point to the first junction', () => {
    const seconds = reachSeconds(graph, {
      start: 0,
      startSeconds: 100,
      budgetSeconds: 400,
      speeds: walk,
    });
    expect(at(seconds, 2)).toBeCloseTo(100 + walkSeconds(400), 6);
    expect(at(seconds, 4)).toBe(Infinity);
  });

  it('agrees with the textbook Dijkstra on every junction and budget', () => {
    for (const budget of [100, 300, 600, 900, 3600])
      for (let start = 0; start < nodes.length; start++) {
        const options = { start, budgetSeconds: budget, speeds: walk };
        expect([...reachSeconds(graph, options)]).toEqual([...naiveReachSeconds(graph, options)]);
      }
  });

  it('snaps a point to its nearest junction and says how far it is', () => {
    const snapped = nearestNode(graph, [13.4001, 52.5]);
    expect(snapped?.node).toBe(0);
    expect(snapped?.meters).toBeGreaterThan(5);
    expect(snapped?.meters).toBeLessThan(8);
  });

  it('covers a partly reached street only as far as the time allows', () => {
    const budgetSeconds = walkSeconds(600);
    const seconds = reachSeconds(graph, { start: 0, budgetSeconds, speeds: walk });
    const points = reachedPoints(graph, {
      seconds,
      budgetSeconds,
      speeds: walk,
      origin: [13.4, 52.5],
      walkOffMeters: 0,
    });
    // Along 1 → 2 → 3 (east), the walk ends 600 m out: 200 m short of junction 3.
    const east = points.filter(([, y]) => Math.abs(y!) < 1).map(([x]) => x!);
    expect(Math.max(...east)).toBeGreaterThan(590);
    expect(Math.max(...east)).toBeLessThan(610);
  });
});
