// White space for the caller: every customer for owners and managers, their stores' customers for a store manager;
// per-hexagon customer counts below the minimum group size hidden from aggregate-only roles. Reads the customers'
// positions straight from SQLite on every request: about 3 s per million customers, on the event loop (see README).
import type { Db } from '../db/connection.js';
import { listBoundaries } from '../db/repos/boundaries.js';
import { readPrivacySettings } from '../db/repos/settings.js';
import { listStores } from '../db/repos/stores.js';
import type { Principal } from '../domain/permissions.js';
import { hidesSmallGroups, visibleStoreIds } from '../domain/privacy.js';
import type { WhiteSpaceAnswer, WhiteSpaceQuery } from '../domain/schemas/white-space.js';
import { whiteSpace } from '../domain/white-space.js';

function* customerPositions(db: Db, storeIds: string[] | null): Generator<[number, number]> {
  const rows = storeIds === null
    ? db.prepare('SELECT lng, lat FROM customers').raw().iterate()
    : db.prepare(`SELECT lng, lat FROM customers WHERE home_store_id IN (${storeIds.map(() => '?').join(',') || 'NULL'})`).raw().iterate(...storeIds);
  for (const row of rows) yield row as [number, number];
}

export function findWhiteSpace(db: Db, query: WhiteSpaceQuery, principal: Principal): WhiteSpaceAnswer {
  const result = whiteSpace(
    { neighbourhoods: listBoundaries(db), customers: customerPositions(db, visibleStoreIds(principal)), stores: listStores(db).map((s) => s.location) },
    query,
  );
  const k = hidesSmallGroups(principal) ? readPrivacySettings(db).minGroupSize : null;
  const cells = result.cells.map((c) => (k !== null && c.customers < k ? { ...c, customers: null, penetration: null } : c));
  return { ...result, cells, resolution: query.resolution, ...(k === null ? {} : { minGroupSize: k }) };
}
