// GET /api/customers' body: a page of customers in a bounding box as GeoJSON features, with the cursor of the next
// page. Built the same way on the main thread and in a pool worker (audience/pool.ts), which answers its JSON text:
// reading, building and serialising a page of 200 customers is several milliseconds a busy event loop cannot spare.
import type { Db } from '../../db/connection.js';
import { pageCustomers, type CustomerPageQuery } from '../../db/repos/customers.js';
import type { Customer } from '../../domain/schemas/customer.js';
import { encodeCursor } from '../../domain/cursor.js';
import type { AudiencePool } from '../audience/pool.js';
import type { IndexColumns } from './columns.js';

export function customerToFeature({ location, ...properties }: Customer) {
  return {
    type: 'Feature' as const,
    id: properties.id,
    geometry: { type: 'Point' as const, coordinates: location },
    properties,
  };
}

export function customerPageBody(db: Db, query: CustomerPageQuery) {
  const page = pageCustomers(db, query);
  return {
    type: 'FeatureCollection' as const,
    features: page.customers.map(customerToFeature),
    ...(page.lastSeq === null ? {} : { nextCursor: encodeCursor(page.lastSeq) }),
  };
}

/** The page's JSON text: from the pool when its workers read the database, else built here. */
export function customerPageText(
  { db, pool, columns }: { db: Db; pool: AudiencePool | null; columns: () => IndexColumns },
  query: CustomerPageQuery,
): Promise<string> {
  if (pool?.readsDatabase) return pool.run({ kind: 'page', query }, columns());
  return Promise.resolve(JSON.stringify(customerPageBody(db, query)));
}
