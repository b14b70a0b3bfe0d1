// The Huff model on a fixture small enough to work by hand (two places, three stores, distances given by a table
// through the distance seam), calibration recovering known λ and α from choices drawn from the model, and "what if
// we open here?" on the same fixture.
import { describe, expect, it } from 'vitest';
import { calibrateHuff } from '../../server/domain/huff/calibrate.js';
import { huffInputs, huffProbabilities, type HuffStore } from '../../server/domain/huff/model.js';
import { storeShares } from '../../server/domain/huff/shares.js';
import { whatIfOpen } from '../../server/domain/huff/what-if.js';

// Places sit at x = 0 and 1, stores A, B, C at x = 10, 11, 12; the table gives the km between them.
const KM: Record<number, number[]> = { 0: [1, 2, 4], 1: [4, 1, 2] };
const tableKm = (from: [number, number], to: [number, number]) => KM[from[0]]![to[0] - 10]!;
const places: [number, number][] = [
  [0, 0],
  [1, 0],
];
const stores: HuffStore[] = [
  { location: [10, 0], attractiveness: 2 },
  { location: [11, 0], attractiveness: 1 },
  { location: [12, 0], attractiveness: 4 },
];
const inputs = huffInputs({ places, stores, distance: tableKm });
const params = { decay: 2, attractivenessWeight: 1 };

describe('Huff probabilities', () => {
  it('match the arithmetic done by hand', () => {
    // λ = 2, α = 1, so each store pulls A / d².
    // Place 0: A 2/1² = 2, B 1/2² = 0.25, C 4/4² = 0.25; sum 2.5 → 0.8, 0.1, 0.1.
    // Place 1: A 2/4² = 0.125, B 1/1² = 1, C 4/2² = 1; sum 2.125 → 1/17, 8/17, 8/17.
    const p = huffProbabilities(inputs, params);
    const expected = [0.8, 0.1, 0.1, 1 / 17, 8 / 17, 8 / 17];
    expected.forEach((e, k) => expect(p[k]).toBeCloseTo(e, 12));
  });

  it('weigh attractiveness by α: with α = 0 only distance counts', () => {
    // Place 0: 1/1, 1/4, 1/16; sum 21/16 → 16/21, 4/21, 1/21.
    const p = huffProbabilities(inputs, { decay: 2, attractivenessWeight: 0 });
    expect([p[0], p[1], p[2]].map((v) => v! * 21)).toEqual([
      expect.closeTo(16, 10),
      expect.closeTo(4, 10),
      expect.closeTo(1, 10),
    ]);
  });

  it('give expected against actual share per store', () => {
    // Place 0 has 10 customers (8 A, 2 B), place 1 has 17 (1 A, 8 B, 8 C): 27 in all.
    // Expected A = 10·0.8 + 17·(1/17) = 9, B = 10·0.1 + 17·(8/17) = 9, C = 1 + 8 = 9.
    const choices = Float64Array.from([8, 2, 0, 1, 8, 8]);
    const shares = storeShares(inputs, huffProbabilities(inputs, params), choices);
    expect(shares.map((s) => s.expected)).toEqual([
      expect.closeTo(9, 10),
      expect.closeTo(9, 10),
      expect.closeTo(9, 10),
    ]);
    expect(shares.map((s) => s.actual)).toEqual([9, 10, 8]);
    expect(shares[1]!.actualShare).toBeCloseTo(10 / 27, 12);
    expect(shares[2]!.expectedShare).toBeCloseTo(1 / 3, 12);
  });
});

/** Mulberry32: a small seeded generator, so the synthetic choices are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Huff calibration', () => {
  it('recovers the λ and α that generated the choices', () => {
    const random = seeded(20);
    // 300 places and 12 stores of attractiveness 1–5 over a city of about 20 × 20 km.
    const city = (): [number, number] => [13.25 + random() * 0.3, 52.4 + random() * 0.18];
    const synthPlaces = Array.from({ length: 300 }, city);
    const synthStores = Array.from({ length: 12 }, (_, j) => ({
      location: city(),
      attractiveness: 1 + (j % 5),
    }));
    const synth = huffInputs({ places: synthPlaces, stores: synthStores });
    const truth = { decay: 1.7, attractivenessWeight: 0.8 };
    const p = huffProbabilities(synth, truth);
    const choices = new Float64Array(p.length);
    for (let i = 0; i < synth.places; i++) {
      for (let person = 0; person < 150; person++) {
        let u = random();
        let j = 0;
        while (j < synth.stores - 1 && (u -= p[i * synth.stores + j]!) > 0) j++;
        choices[i * synth.stores + j]! += 1;
      }
    }
    const fit = calibrateHuff(synth, choices);
    expect(fit.params.decay).toBeCloseTo(truth.decay, 1);
    expect(fit.params.attractivenessWeight).toBeCloseTo(truth.attractivenessWeight, 1);
    expect(fit.attractivenessIdentified).toBe(true);
    expect(fit.choices).toBe(300 * 150);
    expect(fit.logLikelihood).toBeGreaterThan(fit.nullLogLikelihood);
    expect(fit.pseudoR2).toBeGreaterThan(0);
    expect(fit.pseudoR2).toBeLessThan(1);
    // The maximum: nudging either parameter lowers the likelihood.
    const at = (d: number, a: number) =>
      huffProbabilities(synth, { decay: d, attractivenessWeight: a });
    const ll = (q: Float64Array) =>
      choices.reduce((s, n, k) => s + (n ? n * Math.log(q[k]!) : 0), 0);
    const best = ll(at(fit.params.decay, fit.params.attractivenessWeight));
    for (const [dd, da] of [
      [0.05, 0],
      [-0.05, 0],
      [0, 0.05],
      [0, -0.05],
    ])
      expect(ll(at(fit.params.decay + dd!, fit.params.attractivenessWeight + da!))).toBeLessThan(
        best,
      );
  });

  it('leaves α alone when every store is equally attractive, and still fits λ', () => {
    const equal = huffInputs({
      places,
      stores: stores.map((s) => ({ ...s, attractiveness: 3 })),
      distance: tableKm,
    });
    // Everyone picks the nearest store: the fit drives λ up to make distance decisive.
    const fit = calibrateHuff(equal, Float64Array.from([10, 0, 0, 0, 10, 0]));
    expect(fit.attractivenessIdentified).toBe(false);
    expect(fit.params.attractivenessWeight).toBe(1);
    expect(fit.params.decay).toBeGreaterThan(5);
  });
});

describe('what if we open here', () => {
  it('takes the same fraction of every store in a place, in customers and spend', () => {
    // A new store of attractiveness 1, 1 km from place 0 and 2 km from place 1 (λ = 2, α = 1):
    // place 0: pull 1 against the others' 2.5 → takes f0 = 1 / 3.5 = 2/7;
    // place 1: pull 1/4 against 2.125 → takes f1 = 0.25 / 2.375 = 2/19.
    const site = { logDistance: Float64Array.from([Math.log(1), Math.log(2)]), attractiveness: 1 };
    const choices = Float64Array.from([6, 1, 0, 0, 5, 3]);
    const spend = Float64Array.from([600, 50, 0, 0, 250, 300]);
    const outcome = whatIfOpen(inputs, params, site, choices, spend);
    // A loses 6·2/7 = 12/7 customers (600·2/7 in spend); B 1·2/7 + 5·2/19; C 3·2/19.
    expect(outcome.losses[0]!.customers).toBeCloseTo(12 / 7, 12);
    expect(outcome.losses[0]!.revenue).toBeCloseTo(1200 / 7, 10);
    expect(outcome.losses[1]!.customers).toBeCloseTo(2 / 7 + 10 / 19, 12);
    expect(outcome.losses[1]!.revenue).toBeCloseTo(100 / 7 + 500 / 19, 10);
    expect(outcome.losses[2]!.customers).toBeCloseTo(6 / 19, 12);
    // It takes 14/7 + 16/19 customers of 15, and all the spend the others lose.
    expect(outcome.customers).toBeCloseTo(2 + 16 / 19, 12);
    expect(outcome.share).toBeCloseTo((2 + 16 / 19) / 15, 12);
    expect(outcome.revenue).toBeCloseTo(1200 / 7 + 100 / 7 + 500 / 19 + 600 / 19, 10);
  });
});
