// "What if we open here?": the share a new store would take, and from whom. In the Huff model a newcomer takes the
// same fraction f_i = A_new^α d_i,new^−λ / (Σ_k A_k^α d_ik^−λ + A_new^α d_i,new^−λ) of every existing store's
// customers in place i (the model's proportional substitution), so each store loses f_i of the customers — and of
// the spend — it actually has there.
import type { HuffInputs, HuffParams } from './model.js';

export interface WhatIfOutcome {
  /** Customers the new store is predicted to take. */
  customers: number;
  /** Its share of all customers. */
  share: number;
  /** Spend of the customers it takes. */
  revenue: number;
  /** Per existing store (in the inputs' order): customers and revenue it would lose. */
  losses: { customers: number; revenue: number }[];
}

/**
 * @param newLogDistance ln d from each place to the new site (same distance function and minimum as the inputs).
 * @param choices customers per place × store (their home stores); `spend` the same customers' spend.
 * @example whatIfOpen(inputs, fit.params, { logDistance, attractiveness: 3 }, choices, spend).share // 0.12
 */
export function whatIfOpen(
  inputs: HuffInputs,
  params: HuffParams,
  site: { logDistance: Float64Array; attractiveness: number },
  choices: Float64Array,
  spend: Float64Array,
): WhatIfOutcome {
  const { stores, logDistance, logAttractiveness } = inputs;
  const { decay, attractivenessWeight: alpha } = params;
  const uNewBase = alpha * Math.log(site.attractiveness);
  const losses = Array.from({ length: stores }, () => ({ customers: 0, revenue: 0 }));
  let taken = 0;
  let revenue = 0;
  let everyone = 0;
  for (let i = 0; i < inputs.places; i++) {
    const row = i * stores;
    const uNew = uNewBase - decay * site.logDistance[i]!;
    let max = uNew;
    for (let j = 0; j < stores; j++)
      max = Math.max(max, alpha * logAttractiveness[j]! - decay * logDistance[row + j]!);
    let sum = Math.exp(uNew - max);
    for (let j = 0; j < stores; j++)
      sum += Math.exp(alpha * logAttractiveness[j]! - decay * logDistance[row + j]! - max);
    const f = Math.exp(uNew - max) / sum;
    for (let j = 0; j < stores; j++) {
      const n = choices[row + j]!;
      everyone += n;
      losses[j]!.customers += n * f;
      losses[j]!.revenue += spend[row + j]! * f;
      taken += n * f;
      revenue += spend[row + j]! * f;
    }
  }
  return { customers: taken, share: everyone > 0 ? taken / everyone : 0, revenue, losses };
}
