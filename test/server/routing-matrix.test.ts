// The travel-time matrix in blocks: every source × target pair asked exactly once, in blocks no larger than the
// engine allows, stitched back into place; the engines' answers parsed into minutes, NaN where there is no route.
import { describe, expect, it } from 'vitest';
import { batchedMatrix, type MatrixQuery } from '../../server/services/routing/matrix.js';
import { parseValhallaMatrix } from '../../server/services/routing/valhalla-matrix.js';
import { parseOpenRouteServiceMatrix } from '../../server/services/routing/openrouteservice-matrix.js';

const points = (n: number, x: number): [number, number][] =>
  Array.from({ length: n }, (_, i) => [x, i]);

describe('batchedMatrix', () => {
  it('asks for every pair once in blocks of at most maxPairs and puts each answer in its place', async () => {
    const blocks: MatrixQuery[] = [];
    // A block's "minutes" encode the pair: source y × 100 + target y.
    const out = await batchedMatrix(
      async (q) => {
        blocks.push(q);
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return Float64Array.from(q.sources.flatMap((s) => q.targets.map((t) => s[1] * 100 + t[1])));
      },
      { mode: 'drive', sources: points(23, 0), targets: points(7, 1) },
      { maxPairs: 20, concurrency: 3 },
    );
    expect(blocks.every((b) => b.sources.length * b.targets.length <= 20)).toBe(true);
    expect(blocks.reduce((n, b) => n + b.sources.length * b.targets.length, 0)).toBe(23 * 7);
    for (let i = 0; i < 23; i++)
      for (let j = 0; j < 7; j++) expect(out[i * 7 + j]).toBe(i * 100 + j);
  });

  it('splits the targets too when there are more of them than maxPairs', async () => {
    const sizes: number[] = [];
    const out = await batchedMatrix(
      async (q) => {
        sizes.push(q.sources.length * q.targets.length);
        return new Float64Array(q.sources.length * q.targets.length).fill(1);
      },
      { mode: 'walk', sources: points(3, 0), targets: points(50, 1) },
      { maxPairs: 16, concurrency: 2 },
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16);
    expect([...out].every((m) => m === 1)).toBe(true);
  });
});

describe('engine answers', () => {
  it("reads Valhalla's sources_to_targets in seconds into minutes, null as no route", () => {
    const body = {
      sources_to_targets: [
        [
          { from_index: 0, to_index: 0, time: 120, distance: 1.2 },
          { from_index: 0, to_index: 1, time: null, distance: null },
        ],
      ],
      units: 'kilometers',
    };
    const out = parseValhallaMatrix(body, 1, 2);
    expect(out[0]).toBe(2);
    expect(out[1]).toBeNaN();
    expect(() => parseValhallaMatrix({}, 1, 2)).toThrow(/not a travel-time matrix/);
  });

  it("reads openrouteservice's durations in seconds into minutes, null as no route", () => {
    const out = parseOpenRouteServiceMatrix({ durations: [[null, 90]] }, 1, 2);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBe(1.5);
    expect(() => parseOpenRouteServiceMatrix({ durations: [[1]] }, 1, 2)).toThrow(/row 0/);
  });
});
