// Buying behaviour per compared area over a window (default the last 90 days against the 90 before): conversion (the
// share of the area's customers who bought), 30-day retention of those buyers, and sales growth; each also as an index
// against the average of the compared areas (100 = average).
import { groupMeasures, type CountedMeasures } from '../../domain/campaigns/measures.js';
import { memberFacts, type MeasureWindow } from '../../domain/campaigns/purchase-facts.js';
import { isoDate } from '../../domain/campaigns/trends.js';
import { isSmallGroup } from '../../domain/privacy.js';
import type { AreaBehaviour, CompareWindow } from '../../domain/schemas/area-compare.js';
import type { PurchaseHistory } from '../purchases/purchase-history.js';
import { scanRanges } from '../purchases/scan-ranges.js';

const DAY_MS = 86_400_000;

export function compareWindow(days: number, at: Date): { w: MeasureWindow; window: CompareWindow } {
  const today = Math.floor(at.getTime() / DAY_MS);
  const w = { start: today - days + 1, end: today, today };
  return {
    w,
    window: {
      days,
      from: isoDate(w.start),
      to: isoDate(w.end),
      beforeFrom: isoDate(w.start - days),
      beforeTo: isoDate(w.start - 1),
    },
  };
}

/**
 * The measures of each area's customers (seqs) over the window. One scan for all areas: the facts of every customer in
 * any of them, then each area's group by index (areas may share customers). A scan per area read the window and the
 * period before (180 days by default, ~2.5 M rows at ten million purchases) once for each of up to eight areas.
 */
function measuresOf(
  purchases: PurchaseHistory,
  areaSeqs: readonly Float64Array[],
  w: MeasureWindow,
): CountedMeasures[] {
  let maxSeq = -1;
  for (const seqs of areaSeqs) for (const seq of seqs) maxSeq = Math.max(maxSeq, seq);
  const memberOf = new Int32Array(maxSeq + 1).fill(-1);
  let members = 0;
  for (const seqs of areaSeqs)
    for (const seq of seqs) if (memberOf[seq]! < 0) memberOf[seq] = members++;
  const scan = scanRanges(purchases, w);
  const facts = memberFacts(
    scan.columns,
    scan.beforeAndWindow,
    memberOf,
    members,
    w,
    scan.followUp,
  );
  return areaSeqs.map((seqs) =>
    groupMeasures(
      facts,
      Int32Array.from(seqs, (seq) => memberOf[seq]!),
      w,
    ),
  );
}

/** value / mean of the non-null values × 100; null when the value or the mean is missing or the mean is 0. */
export function indexToAverage(values: readonly (number | null)[]): (number | null)[] {
  const known = values.filter((v): v is number => v !== null);
  const mean = known.reduce((s, v) => s + v, 0) / known.length;
  return values.map((v) => (v === null || !(mean > 0) ? null : (v / mean) * 100));
}

/**
 * Conversion, retention and growth per area with their indices against the set's average. One scan of the window's
 * purchases for every area (see measuresOf), in a turn of the event loop of its own.
 */
export async function areaBehaviours(
  purchases: PurchaseHistory,
  areaSeqs: readonly Float64Array[],
  w: MeasureWindow,
  k: number | null,
): Promise<AreaBehaviour[]> {
  // A turn of its own: the history lives on this thread, and the one scan for every area is the answer's main cost.
  await new Promise((resolve) => setImmediate(resolve));
  const figures = [];
  for (const m of measuresOf(purchases, areaSeqs, w)) {
    const r30 = m.retention[0]!;
    const hidden = (people: number) => k !== null && (m.customers < k || isSmallGroup(people, k));
    figures.push({
      conversion: hidden(m.converted) ? null : m.conversion,
      retention: hidden(r30.retained) || (k !== null && r30.eligible < k) ? null : r30.rate,
      growth: k !== null && m.customers < k ? null : m.growth,
    });
  }
  const conversion = indexToAverage(figures.map((f) => f.conversion));
  const retention = indexToAverage(figures.map((f) => f.retention));
  // Growth can be negative: its index compares the during/before ratios (1 + growth), which are never below 0.
  const growth = indexToAverage(figures.map((f) => (f.growth === null ? null : 1 + f.growth)));
  return figures.map((f, i) => ({
    ...f,
    conversionIndex: conversion[i]!,
    retentionIndex: retention[i]!,
    growthIndex: growth[i]!,
  }));
}
