// Travel times in the Huff model: minutes become ln minutes with a one-minute floor, and a pair without a route counts
// as three times the longest trip found (or four hours when nothing has a route).
import { describe, expect, it } from 'vitest';
import { logTravelMinutes, NO_ROUTE_FACTOR } from '../../server/domain/huff/travel-costs.js';

describe('logTravelMinutes', () => {
  it('keeps minutes, floors the ones at the door, and puts pairs without a route far beyond the longest trip', () => {
    const out = logTravelMinutes(Float64Array.of(0.2, 12, Number.NaN, 8));
    expect([...out].map(Math.exp)).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(12, 12),
      expect.closeTo(12 * NO_ROUTE_FACTOR, 12),
      expect.closeTo(8, 12),
    ]);
  });

  it('counts every pair four hours away when the engine found no route at all', () => {
    expect([...logTravelMinutes(Float64Array.of(Number.NaN, Number.NaN))].map(Math.exp)).toEqual([
      expect.closeTo(240, 9),
      expect.closeTo(240, 9),
    ]);
  });
});
