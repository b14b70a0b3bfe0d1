// Raw tallies by code → the Audience the API answers: every age band, lapsed bucket, gender and tier in order,
// the top ten job titles, industries and interests.
import { ageBands, lapsedBuckets, type Audience } from '../../domain/schemas/audience.js';
import { genders, loyaltyTiers } from '../../domain/schemas/customer.js';
import type { AudienceCounts } from './scan.js';
import type { Dictionaries } from '../customers/customer-index.js';

const TOP = 10;

const inOrder = (keys: readonly string[], counts: Uint32Array) =>
  keys.map((key, k) => ({ key, count: counts[k] ?? 0 }));

function top(values: readonly string[], counts: Uint32Array) {
  const buckets: { key: string; count: number }[] = [];
  for (let k = 0; k < values.length; k++) {
    const count = counts[k] ?? 0;
    if (count > 0) buckets.push({ key: values[k] as string, count });
  }
  return buckets
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, TOP);
}

/** Cents, so sums of floating-point money do not print as 1234.5600000001. */
const money = (v: number) => Math.round(v * 100) / 100;

export function toAudience(counts: AudienceCounts, dictionaries: Dictionaries, at: Date): Audience {
  return {
    count: counts.count,
    consented: counts.consented,
    revenue: {
      total: money(counts.revenue),
      avgSpend: counts.count === 0 ? 0 : money(counts.revenue / counts.count),
    },
    breakdown: {
      ageBands: inOrder(ageBands, counts.ageBands),
      genders: inOrder(genders, counts.genders),
      loyaltyTiers: inOrder(loyaltyTiers, counts.loyaltyTiers),
      lapsed: inOrder(lapsedBuckets, counts.lapsed),
      jobTitles: top(dictionaries.jobs.values, counts.jobs),
      industries: top(dictionaries.industries.values, counts.industries),
      interests: top(dictionaries.interests.values, counts.interests),
    },
    asOf: at.toISOString(),
  };
}
