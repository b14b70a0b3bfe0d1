// The decimals a set of figures needs: distinct values stay distinct, small ones keep a significant digit, no more
// digits than that (and never more than the maximum), the same decimals for the whole set.
import { describe, expect, it } from 'vitest';
import { distinctDigits, distinctFraction } from '../../client/format/distinct-digits';

const percent = (locale: string, values: number[]) => {
  const options = { style: 'percent' as const, ...distinctFraction(values, { scale: 100 }) };
  return values.map((v) => new Intl.NumberFormat(locale, options).format(v));
};

describe('distinctDigits', () => {
  it('tells 0.06 %, 0.11 % and 0.13 % apart instead of reading "0.1 %" three times', () => {
    expect(distinctDigits([0.0006, 0.0011, 0.0013], { scale: 100 })).toBe(2);
    expect(percent('en', [0.0006, 0.0011, 0.0013])).toEqual(['0.06%', '0.11%', '0.13%']);
    expect(percent('de', [0.0006, 0.0011, 0.0013])).toEqual([
      '0,06\u00a0%',
      '0,11\u00a0%',
      '0,13\u00a0%',
    ]);
  });

  it('uses no decimals when whole numbers already differ, and the same decimals for every value', () => {
    expect(distinctDigits([12, 40, 7])).toBe(0);
    expect(distinctDigits([0.25, 0.5, 0.75], { scale: 100 })).toBe(0);
    expect(percent('en', [0.25, 0.125])).toEqual(['25%', '13%']);
    expect(percent('en', [0.125, 0.134, 0.5])).toEqual(['12.5%', '13.4%', '50.0%']);
    expect(distinctDigits([3.14, 3.16, 10])).toBe(1);
    expect(distinctDigits([3.14, 3.15, 10])).toBe(2);
    expect(distinctDigits([3.1, 4.2])).toBe(0);
  });

  it('gives the smallest non-zero value a significant digit, so it never reads as 0', () => {
    expect(distinctDigits([0.004, 0.5])).toBe(3);
    expect(distinctDigits([0.04, 25])).toBe(2);
    expect(distinctDigits([0.04, 25], { significant: 2 })).toBe(3);
    expect(distinctDigits([0, 1, 2])).toBe(0);
  });

  it('stops at the maximum however close two values are, and respects the minimum', () => {
    expect(distinctDigits([1.00001, 1.00002])).toBe(3);
    expect(distinctDigits([1.00001, 1.00002], { max: 1 })).toBe(1);
    expect(distinctDigits([1, 2], { min: 1 })).toBe(1);
  });

  it('ignores what is not a number, and equal values need nothing to tell them apart', () => {
    expect(distinctDigits([null, undefined, Number.NaN, 5, 5])).toBe(0);
    expect(distinctDigits([])).toBe(0);
    expect(distinctDigits([-0.05, 0.05])).toBe(2);
  });
});
