// GET /api/customers' body: a page of customers in a bounding box as GeoJSON features, with the cursor of the next
// page. Built the same way on the main thread and in a pool worker (audience/pool.ts), which answers its JSON text:
// reading, building and serialising a page of 200 customers is several milliseconds a busy event loop cannot spare.
import { bboxPolygon } from '@turf/turf';
import type { Db } from '../../db/connection.js';
import { pageCustomers, pageOfSeqs, type CustomerPageQuery } from '../../db/repos/customers.js';
import type { Bbox } from '../../domain/bbox.js';
import { prepareAreaGrid } from '../../domain/geometry/area-grid.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { Customer } from '../../domain/schemas/customer.js';
import { encodeCursor } from '../../domain/cursor.js';
import type { AudiencePool } from '../audience/pool.js';
import { compileSegment, type CompiledFilter } from '../audience/filter.js';
import { matchingSeqs } from '../audience/scan.js';
import type { IndexColumns } from './columns.js';
import type { CustomerIndex } from './customer-index.js';

export function customerToFeature({ location, ...properties }: Customer) {
  return {
    type: 'Feature' as const,
    id: properties.id,
    geometry: { type: 'Point' as const, coordinates: location },
    properties,
  };
}

/** The index's columns and the page's store filter compiled for them: what a page inside a box is found with. */
export interface PageIndex {
  columns: IndexColumns;
  filter: CompiledFilter;
}

/** The store filter of a page compiled for the index; every other field lets everyone through. */
export function pageFilter(
  index: Pick<CustomerIndex, 'dictionaries' | 'columns' | 'rfmThresholds'>,
  storeIds: string[] | null | undefined,
  at: Date,
): CompiledFilter {
  return compileSegment(
    storeIds ? { storeIds } : {},
    index.dictionaries,
    index.columns.words,
    at,
    () => index.rfmThresholds(),
  );
}

/**
 * A page inside a box: the index's cells under the box give the seqs of the customers in it, in order, and the page's
 * rows are then read by primary key. The R-tree query this replaces read every customer in the box and sorted them
 * all to return fifty (most of the mix benchmark's customer page, issue 21). Edges count as inside, as they do there.
 */
function pageInBox(db: Db, found: PageIndex, bbox: Bbox, afterSeq: number, limit: number) {
  const box = bboxPolygon(bbox).geometry as AreaGeometry;
  const seqs = matchingSeqs(found.columns, prepareAreaGrid(box), found.filter);
  const first = firstAbove(seqs, afterSeq);
  return pageOfSeqs(db, Array.from(seqs.subarray(first, first + limit + 1)), limit);
}

/** The index of the first value above `value` in ascending `sorted` (its length when there is none): a binary search. */
function firstAbove(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The page's body; with `found`, a page inside a box is found in the index (pageInBox). */
export function customerPageBody(db: Db, query: CustomerPageQuery, found?: PageIndex) {
  const page =
    query.bbox && found
      ? pageInBox(db, found, query.bbox, query.afterSeq, query.limit)
      : pageCustomers(db, query);
  return {
    type: 'FeatureCollection' as const,
    features: page.customers.map(customerToFeature),
    ...(page.lastSeq === null ? {} : { nextCursor: encodeCursor(page.lastSeq) }),
  };
}

/** The page's JSON text: from the pool when its workers read the database, else built here. */
export function customerPageText(
  { db, pool, index, at }: { db: Db; pool: AudiencePool | null; index: CustomerIndex; at: Date },
  query: CustomerPageQuery,
): Promise<string> {
  const filter = pageFilter(index, query.storeIds, at);
  if (pool?.readsDatabase) return pool.run({ kind: 'page', query, filter }, index.columns);
  return Promise.resolve(
    JSON.stringify(customerPageBody(db, query, { columns: index.columns, filter })),
  );
}
