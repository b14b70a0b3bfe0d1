// Choropleth figures and classes: each metric from a region's tally, small groups by the minimum group size, values
// classed by breaks, and natural breaks and quantiles on data with clear groups and with repeats.
import { describe, expect, it } from 'vitest';
import { classOf, isSmallRegion, metricValue } from '../../server/domain/choropleth.js';
import { classBreaks } from '../../server/services/choropleth/breaks.js';

const tally = { customers: 40, revenue: 2000, inSegment: 10, residents: 800 };

describe('choropleth values', () => {
  it('computes each metric from the tally', () => {
    expect(metricValue('customers', tally)).toBe(40);
    expect(metricValue('revenue', tally)).toBe(2000);
    expect(metricValue('averageSpend', tally)).toBe(50);
    expect(metricValue('penetration', tally)).toBe(0.05);
    expect(metricValue('segmentShare', tally)).toBe(0.25);
    expect(metricValue('averageSpend', { ...tally, customers: 0, revenue: 0 })).toBeNull();
    expect(metricValue('penetration', { ...tally, residents: 0 })).toBeNull();
  });

  it('calls a region small with 1 to k − 1 customers, or segment members for the share', () => {
    expect(isSmallRegion('customers', { ...tally, customers: 9 }, 10)).toBe(true);
    expect(isSmallRegion('customers', { ...tally, customers: 0 }, 10)).toBe(false);
    expect(isSmallRegion('customers', tally, 10)).toBe(false);
    expect(isSmallRegion('segmentShare', { ...tally, inSegment: 3 }, 10)).toBe(true);
    expect(isSmallRegion('revenue', { ...tally, inSegment: 3 }, 10)).toBe(false);
  });

  it('classes values by breaks, the maximum in the last class', () => {
    const breaks = [0, 5, 10, 20];
    expect([0, 4.9, 5, 9, 10, 20].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('class breaks', () => {
  it('finds the natural groups with ckmeans', () => {
    expect(classBreaks([1, 2, 3, 10, 11, 12, 30, 31], 'ckmeans', 3)).toEqual([1, 10, 30, 31]);
  });

  it('cuts at quantiles, dropping repeated breaks', () => {
    // Three inner quartiles between the minimum and the maximum.
    const breaks = classBreaks([1, 2, 3, 4, 5, 6, 7, 8], 'quantile', 4);
    expect(breaks[0]).toBe(1);
    expect(breaks.at(-1)).toBe(8);
    expect(breaks).toHaveLength(5);
    // Mostly zeros: the quantile breaks repeat 0 and collapse into one class boundary.
    expect(classBreaks([0, 0, 0, 0, 0, 0, 5, 9], 'quantile', 4)).toEqual([0, 9]);
  });

  it('makes no more classes than distinct values', () => {
    expect(classBreaks([4, 4, 4], 'ckmeans', 5)).toEqual([4, 4]);
    expect(classBreaks([], 'quantile', 5)).toEqual([]);
  });
});
