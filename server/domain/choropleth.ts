// Choropleth values: one figure per region (a neighbourhood or an H3 hexagon) from what its customers add up to,
// and which regions hold too few customers to show as numbers (the minimum group size).
import { isSmallGroup } from './privacy.js';

export const CHOROPLETH_METRICS = [
  'penetration',
  'customers',
  'revenue',
  'averageSpend',
  'segmentShare',
] as const;
export type ChoroplethMetric = (typeof CHOROPLETH_METRICS)[number];

/** What one region adds up to. */
export interface RegionTally {
  /** Customers the caller may see who live there. */
  customers: number;
  /** Their spend. */
  revenue: number;
  /** Of those, the customers in the segment in force (all of them without one). */
  inSegment: number;
  /** People living there (neighbourhood population, spread over hexagons by area). */
  residents: number;
}

/**
 * The region's figure, or null when it has none (no residents for penetration, no customers for an average).
 * @example metricValue('averageSpend', { customers: 4, revenue: 200, inSegment: 4, residents: 900 }) // 50
 */
export function metricValue(metric: ChoroplethMetric, t: RegionTally): number | null {
  switch (metric) {
    case 'customers':
      return t.customers;
    case 'revenue':
      return t.revenue;
    case 'averageSpend':
      return t.customers > 0 ? t.revenue / t.customers : null;
    case 'penetration':
      return t.residents > 0 ? t.customers / t.residents : null;
    case 'segmentShare':
      return t.customers > 0 ? t.inSegment / t.customers : null;
  }
}

/**
 * Whether the region is a small group: 1 to k − 1 customers, or (for the segment's share) 1 to k − 1 of them in the
 * segment. Such regions are hatched for everyone and carry no figure for aggregate-only roles.
 */
export function isSmallRegion(metric: ChoroplethMetric, t: RegionTally, k: number): boolean {
  return (
    isSmallGroup(t.customers, k) || (metric === 'segmentShare' && isSmallGroup(t.inSegment, k))
  );
}

/**
 * The class of a value given ascending breaks [min, b1, …, max]: 0 for [min, b1), the last for [b_last, max].
 * @example classOf(7, [0, 5, 10, 20]) // 1
 */
export function classOf(value: number, breaks: readonly number[]): number {
  const classes = Math.max(1, breaks.length - 1);
  for (let c = 1; c < classes; c++) if (value < breaks[c]!) return c - 1;
  return classes - 1;
}
