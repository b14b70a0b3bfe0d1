// After an import commits: the in-memory customer index, the map tiles and the caches over neighbourhoods follow it,
// so the map, audiences, comparisons and white space show the new data at once.
import type { Db } from '../../db/connection.js';
import type { ImportKind } from '../../domain/import/fields.js';
import { forgetResidents } from '../audience/white-space.js';
import { invalidateCityExtent } from '../areas/extent.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import { customersWithSeqByIds } from '../../db/repos/customers.js';
import type { CustomerTiles } from '../customers/tiles.js';

export function refreshAfterImport(deps: {
  db: Db;
  customerIndex: CustomerIndex;
  customerTiles: CustomerTiles;
}): (kind: ImportKind, ids: string[]) => void {
  return (kind, ids) => {
    if (kind === 'customers') {
      // One query per batch, not two per customer (CustomerIndex.upsertFromDb): a batch is thousands of rows.
      deps.customerIndex.upsert(customersWithSeqByIds(deps.db, ids));
      deps.customerTiles.invalidate();
    } else if (kind === 'stores') deps.customerTiles.invalidate();
    else if (kind === 'boundaries') {
      invalidateCityExtent(deps.db);
      forgetResidents(deps.db);
    }
  };
}
