// Fitting λ and α to the home stores customers actually chose, by maximum likelihood. The Huff model is a
// conditional logit with features ln A_j (weight α) and −ln d_ij (weight λ), so its log-likelihood is concave and
// Newton's method with step halving finds the maximum in a handful of steps. Choices come aggregated: n_ij customers
// of place i chose store j.
import { huffProbabilities, type HuffInputs, type HuffParams } from './model.js';

export interface HuffFit {
  params: HuffParams;
  logLikelihood: number;
  /** Log-likelihood of "every store equally likely", the baseline pseudo-R² compares against. */
  nullLogLikelihood: number;
  /** McFadden's pseudo-R²: 1 − LL / LL₀; 0.2–0.4 is already a good fit for choice models. */
  pseudoR2: number;
  /** False when every store has the same attractiveness: α cannot be learnt and stays at its start. */
  attractivenessIdentified: boolean;
  iterations: number;
  /** Customers whose choices were fitted. */
  choices: number;
}

export const PARAM_BOUNDS = {
  decay: [0, 10],
  attractivenessWeight: [0, 5],
} as const satisfies Record<keyof HuffParams, readonly [number, number]>;

const START: HuffParams = { decay: 1.5, attractivenessWeight: 1 };
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-9;

const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));

/** Σ n_ij ln P_ij. */
export function huffLogLikelihood(
  inputs: HuffInputs,
  choices: Float64Array,
  params: HuffParams,
  p = huffProbabilities(inputs, params),
): number {
  let ll = 0;
  for (let k = 0; k < choices.length; k++) if (choices[k]! > 0) ll += choices[k]! * Math.log(p[k]!);
  return ll;
}

/** Gradient and Hessian of the log-likelihood in (α, λ). */
function derivatives(inputs: HuffInputs, choices: Float64Array, p: Float64Array) {
  const { stores, logDistance, logAttractiveness } = inputs;
  let [ga, gl, haa, hal, hll] = [0, 0, 0, 0, 0];
  for (let i = 0; i < inputs.places; i++) {
    const row = i * stores;
    let total = 0;
    let meanA = 0;
    let meanL = 0;
    for (let j = 0; j < stores; j++) {
      total += choices[row + j]!;
      meanA += p[row + j]! * logAttractiveness[j]!;
      meanL -= p[row + j]! * logDistance[row + j]!;
    }
    if (total === 0) continue;
    for (let j = 0; j < stores; j++) {
      const a = logAttractiveness[j]! - meanA;
      const l = -logDistance[row + j]! - meanL;
      const n = choices[row + j]!;
      ga += n * a;
      gl += n * l;
      const w = total * p[row + j]!;
      haa -= w * a * a;
      hal -= w * a * l;
      hll -= w * l * l;
    }
  }
  return { ga, gl, haa, hal, hll };
}

/** The Newton step (Δα, Δλ); a coordinate without curvature (α with equal attractiveness) does not move. */
function newtonStep({ ga, gl, haa, hal, hll }: ReturnType<typeof derivatives>): [number, number] {
  const det = haa * hll - hal * hal;
  if (Math.abs(det) > 1e-12 * (haa * hll + 1e-300) && haa < 0 && hll < 0)
    return [-(hll * ga - hal * gl) / det, -(haa * gl - hal * ga) / det];
  return [haa < -1e-12 ? -ga / haa : 0, hll < -1e-12 ? -gl / hll : 0];
}

/**
 * The λ and α that make the observed choices most likely, with how well they fit.
 * @example calibrateHuff(inputs, choices).params // { decay: 1.9, attractivenessWeight: 1.1 }
 */
export function calibrateHuff(inputs: HuffInputs, choices: Float64Array): HuffFit {
  let params = { ...START };
  let p = huffProbabilities(inputs, params);
  let ll = huffLogLikelihood(inputs, choices, params, p);
  let iterations = 0;
  const varies = inputs.logAttractiveness.some((v) => v !== inputs.logAttractiveness[0]);
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const [da, dl] = newtonStep(derivatives(inputs, choices, p));
    let improved = false;
    // Step halving: the full Newton step may overshoot (or leave the bounds) far from the optimum.
    for (let scale = 1; scale > 1e-6; scale /= 2) {
      const next = {
        decay: clamp(params.decay + scale * dl, PARAM_BOUNDS.decay),
        attractivenessWeight: varies
          ? clamp(params.attractivenessWeight + scale * da, PARAM_BOUNDS.attractivenessWeight)
          : params.attractivenessWeight,
      };
      const q = huffProbabilities(inputs, next);
      const nextLl = huffLogLikelihood(inputs, choices, next, q);
      if (nextLl >= ll) {
        const gain = nextLl - ll;
        [params, p, ll, improved] = [next, q, nextLl, gain > TOLERANCE * Math.max(1, Math.abs(ll))];
        break;
      }
    }
    if (!improved) break;
  }
  let choiceCount = 0;
  let nullLl = 0;
  for (let i = 0; i < inputs.places; i++) {
    let total = 0;
    for (let j = 0; j < inputs.stores; j++) total += choices[i * inputs.stores + j]!;
    choiceCount += total;
    nullLl -= total * Math.log(inputs.stores);
  }
  return {
    params,
    logLikelihood: ll,
    nullLogLikelihood: nullLl,
    pseudoR2: nullLl < 0 ? 1 - ll / nullLl : 0,
    attractivenessIdentified: varies,
    iterations,
    choices: choiceCount,
  };
}
