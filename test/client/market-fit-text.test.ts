// The market-share panel's plain-language readings of the Huff fit.
import { describe, expect, it } from 'vitest';
import {
  fitQuality,
  pullAtTwiceTheDistance,
  pullOfTwiceTheAttractiveness,
} from '../../client/features/market/fit-text';

describe('Huff fit in words', () => {
  it('reads λ as the pull kept twice as far away, and α as the pull of twice the attractiveness', () => {
    expect(pullAtTwiceTheDistance(2)).toBe(0.25);
    expect(pullAtTwiceTheDistance(0)).toBe(1);
    expect(pullOfTwiceTheAttractiveness(1)).toBe(2);
    expect(pullOfTwiceTheAttractiveness(0)).toBe(1);
  });

  it("grades McFadden's pseudo-R² in the bands choice models use", () => {
    expect([0.05, 0.1, 0.19, 0.2, 0.39, 0.4, 0.7].map(fitQuality)).toEqual([
      'weak',
      'fair',
      'fair',
      'good',
      'good',
      'strong',
      'strong',
    ]);
  });
});
