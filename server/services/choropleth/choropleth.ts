// Choropleths for the caller: each region's customers, spend and segment members tallied in one pass over the index
// (a store manager's stores only), turned into the chosen figure, classed, and small groups hatched — and, for
// aggregate-only roles, stripped of their figure (breaks are then computed without them, so no break reveals one).
// Answers are kept per (level, resolution, metric, method, classes, segment, scope) until the index changes.
import { cellToBoundary } from 'h3-js';
import type { Db } from '../../db/connection.js';
import { readPrivacySettings } from '../../db/repos/settings.js';
import { classOf, isSmallRegion, metricValue, type RegionTally } from '../../domain/choropleth.js';
import type { Principal } from '../../domain/permissions.js';
import type { ChoroplethAnswer, ChoroplethQuery } from '../../domain/schemas/choropleth.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { dayOf, segmentDependsOnDay, segmentKey } from '../../domain/segment.js';
import { compileSegment } from '../audience/filter.js';
import { rowMatcher } from '../audience/scan.js';
import { audienceViewFor } from '../audience/viewer.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import { classBreaks } from './breaks.js';
import { hexagonRegionCodes, neighbourhoodCodes, type RegionCodes } from './regions.js';

type Indexed = Pick<CustomerIndex, 'columns' | 'changes' | 'dictionaries' | 'rfmThresholds'>;

export interface Tallies {
  customers: Float64Array;
  revenue: Float64Array;
  inSegment: Float64Array;
}

/** One pass over the rows: customers the scope keeps, their spend, and those the segment keeps too. */
export function tallyRegions(
  index: Indexed,
  regions: RegionCodes,
  scope: Segment,
  segment: Segment | null,
  at: Date,
): Tallies {
  const c = index.columns;
  const n = regions.ids.length;
  const tallies = {
    customers: new Float64Array(n),
    revenue: new Float64Array(n),
    inSegment: new Float64Array(n),
  };
  const inScope = rowMatcher(
    c,
    compileSegment(scope, index.dictionaries, c.words, at, () => index.rfmThresholds()),
  );
  const inSegment = segment
    ? rowMatcher(
        c,
        compileSegment(segment, index.dictionaries, c.words, at, () => index.rfmThresholds()),
      )
    : null;
  for (let row = 0; row < regions.rows; row++) {
    const code = regions.codeOfRow[row]!;
    if (code < 0 || !inScope(row)) continue;
    tallies.customers[code]! += 1;
    tallies.revenue[code]! += c.spend[row]!;
    if (!inSegment || inSegment(row)) tallies.inSegment[code]! += 1;
  }
  return tallies;
}

const MAX_CACHED = 32;
const caches = new WeakMap<object, Map<string, ChoroplethAnswer>>();

export function choropleth(
  db: Db,
  index: Indexed,
  query: Omit<ChoroplethQuery, 'segment'> & { segment?: Segment },
  principal: Principal,
  at: Date,
): ChoroplethAnswer {
  const view = audienceViewFor(db, principal);
  const k = readPrivacySettings(db).minGroupSize;
  const suppressed = view.k !== null;
  // The segment narrowed to the caller's stores; without one, the scope alone (everyone they may see).
  const scope = view.segment(undefined) ?? {};
  const segment = segmentKey(query.segment) ? view.segment(query.segment)! : null;
  const day = segment && segmentDependsOnDay(segment) ? `@${dayOf(at)}` : '';
  const resolution = query.level === 'h3' ? query.resolution : null;
  const key = [
    index.changes,
    index.columns.generation,
    query.level,
    resolution,
    query.metric,
    query.method,
    query.classes,
    segmentKey(scope),
    segment ? segmentKey(segment) + day : '',
    suppressed ? k : '',
  ].join('|');
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const kept = cache.get(key);
  if (kept) return kept;

  const regions =
    query.level === 'h3'
      ? hexagonRegionCodes(db, index, query.resolution)
      : neighbourhoodCodes(db, index);
  const tallies = tallyRegions(index, regions, scope, segment, at);
  const rows = regions.ids.map((id, code) => {
    const tally: RegionTally = {
      customers: tallies.customers[code]!,
      revenue: tallies.revenue[code]!,
      inSegment: tallies.inSegment[code]!,
      residents: regions.residents[code]!,
    };
    const small = isSmallRegion(query.metric, tally, k);
    const value = small && suppressed ? null : metricValue(query.metric, tally);
    return { id, code, small, value };
  });
  const breaks = classBreaks(
    rows.flatMap((r) => (r.value === null ? [] : [r.value])),
    query.method,
    query.classes,
  );
  const answer: ChoroplethAnswer = {
    type: 'FeatureCollection',
    features: rows.map(({ id, code, small, value }) => {
      const hood = regions.boundaries?.[code];
      return {
        type: 'Feature',
        geometry: hood
          ? hood.geometry
          : { type: 'Polygon', coordinates: [cellToBoundary(id, true) as [number, number][]] },
        properties: {
          id,
          ...(hood ? { name: hood.name } : {}),
          value,
          class: value === null || breaks.length === 0 ? null : classOf(value, breaks),
          small,
        },
      };
    }),
    metric: query.metric,
    level: query.level,
    resolution,
    method: query.method,
    breaks,
    minGroupSize: k,
    suppressed,
  };
  // Older index versions are never asked for again; a few dozen entries cover the choices in use.
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, answer);
  return answer;
}
