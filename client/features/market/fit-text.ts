// Plain-language readings of the fitted Huff parameters: what λ and α mean for a store, and how good a pseudo-R² is.

/** The pull a store keeps twice as far away: 2^−λ (λ = 2 keeps a quarter). */
export const pullAtTwiceTheDistance = (decay: number): number => 2 ** -decay;

/** How many times as many customers a store twice as attractive pulls: 2^α. */
export const pullOfTwiceTheAttractiveness = (weight: number): number => 2 ** weight;

export type FitQuality = 'weak' | 'fair' | 'good' | 'strong';

/**
 * McFadden's pseudo-R² in words. Choice models score far lower than a regression's R²: 0.2–0.4 already reads as an
 * excellent fit (McFadden 1979), so the bands sit lower than R² intuition would put them.
 * @example fitQuality(0.25) // 'good'
 */
export function fitQuality(pseudoR2: number): FitQuality {
  if (pseudoR2 < 0.1) return 'weak';
  if (pseudoR2 < 0.2) return 'fair';
  if (pseudoR2 < 0.4) return 'good';
  return 'strong';
}
