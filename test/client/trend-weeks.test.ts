// The weekly chart's maths: which weeks had the offer live, and column heights with hidden weeks left out.
import { describe, expect, it } from 'vitest';
import { barHeights, weekWasLive } from '../../client/features/trends/weeks';

describe('weekly trend', () => {
  it('shades a week when any of its seven days was live', () => {
    const periods = [{ from: '2026-11-08', to: '2026-11-09' }]; // Sunday and Monday
    expect(weekWasLive('2026-11-02', periods)).toBe(true);
    expect(weekWasLive('2026-11-09', periods)).toBe(true);
    expect(weekWasLive('2026-11-16', periods)).toBe(false);
    expect(weekWasLive('2026-10-26', periods)).toBe(false);
  });

  it('scales columns to the tallest week and gives hidden weeks none', () => {
    expect(
      barHeights(
        [{ purchases: 2 }, { purchases: 8 }, { purchases: null }, { purchases: 0 }] as never,
        'purchases',
      ),
    ).toEqual([25, 100, null, 0]);
  });
});
