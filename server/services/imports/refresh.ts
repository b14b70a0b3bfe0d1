// After an import commits: the in-memory customer index, the map tiles and the caches over neighbourhoods follow it,
// so the map, audiences, comparisons and white space show the new data at once.
import type { Db } from '../../db/connection.js';
import type { ImportKind } from '../../domain/import/fields.js';
import { forgetResidents } from '../audience/white-space.js';
import { invalidateCityExtent } from '../areas/extent.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import type { CustomerTiles } from '../customers/tiles.js';
import type { Written } from './pipeline.js';

export function refreshAfterImport(deps: {
  db: Db;
  customerIndex: CustomerIndex;
  customerTiles: CustomerTiles;
}): (kind: ImportKind, written: Written) => void {
  return (kind, written) => {
    if (kind === 'customers') {
      // The batch's own records with their seqs: no read back of thousands of rows.
      deps.customerIndex.upsert(written.customers ?? [], { bulk: true });
      if (written.final) deps.customerIndex.settle();
      deps.customerTiles.invalidate();
    } else if (kind === 'purchases') {
      // Their behaviour and summary moved with the purchases (in the same transaction); the index re-reads them.
      const ids = [...new Set(written.customerIds ?? [])];
      if (ids.length) deps.customerIndex.upsertFromDb(ids, { bulk: true });
      if (written.final) deps.customerIndex.settle();
      if (ids.length) deps.customerTiles.invalidate();
    } else if (kind === 'stores') deps.customerTiles.invalidate();
    else if (kind === 'boundaries') {
      invalidateCityExtent(deps.db);
      forgetResidents(deps.db);
    }
  };
}
