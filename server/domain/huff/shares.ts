// Expected against actual share per store: what the fitted model predicts from where customers live, next to the
// home stores they chose.
import type { HuffInputs } from './model.js';

export interface StoreShare {
  /** Customers the model expects to choose the store. */
  expected: number;
  /** Customers who did (home store). */
  actual: number;
  expectedShare: number;
  actualShare: number;
}

/**
 * Per store, from P (places × stores) and the observed choices n (places × stores).
 * @example storeShares(inputs, probabilities, choices)[0].expectedShare // 0.42
 */
export function storeShares(
  inputs: Pick<HuffInputs, 'places' | 'stores'>,
  probabilities: Float64Array,
  choices: Float64Array,
): StoreShare[] {
  const { places, stores } = inputs;
  const expected = new Float64Array(stores);
  const actual = new Float64Array(stores);
  let total = 0;
  for (let i = 0; i < places; i++) {
    const row = i * stores;
    let people = 0;
    for (let j = 0; j < stores; j++) people += choices[row + j]!;
    total += people;
    for (let j = 0; j < stores; j++) {
      expected[j]! += people * probabilities[row + j]!;
      actual[j]! += choices[row + j]!;
    }
  }
  return Array.from(expected, (e, j) => ({
    expected: e,
    actual: actual[j]!,
    expectedShare: total > 0 ? e / total : 0,
    actualShare: total > 0 ? actual[j]! / total : 0,
  }));
}
