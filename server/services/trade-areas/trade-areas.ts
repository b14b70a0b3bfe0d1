// A store's primary and secondary trade areas from where its home customers live (server/domain/trade-area.ts),
// as this caller may see them: a store manager only for their own stores, aggregate-only roles with counts below the
// minimum group size hidden. Cells never leave the server one by one: each tier is dissolved into one area first.
import type { Db } from '../../db/connection.js';
import { findStore } from '../../db/repos/stores.js';
import { areaKm2 } from '../../domain/geometry/measure.js';
import type { Principal } from '../../domain/permissions.js';
import type { TradeAreaAnswer, TradeAreaQuery } from '../../domain/schemas/trade-area.js';
import {
  countHomesByCell,
  dissolveCells,
  rankCells,
  tradeTiers,
  type TradeTier,
} from '../../domain/trade-area.js';
import { audienceViewFor, namedK } from '../audience/viewer.js';
import { ROWS } from '../customers/columns.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import { ServiceError } from '../errors.js';

/** Home locations of the store's living customers, read from the in-memory index. */
function homesOf(index: CustomerIndex, storeId: string): { lng: Float64Array; lat: Float64Array } {
  const code = index.dictionaries.stores.find(storeId);
  if (code === undefined) return { lng: new Float64Array(0), lat: new Float64Array(0) };
  const c = index.columns;
  const rows = Atomics.load(c.meta, ROWS);
  const wanted = code + 1;
  let n = 0;
  for (let i = 0; i < rows; i++) if (c.alive[i] && c.store[i] === wanted) n++;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < rows; i++)
    if (c.alive[i] && c.store[i] === wanted) {
      lng[k] = c.lng[i]!;
      lat[k++] = c.lat[i]!;
    }
  return { lng, lat };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function storeTradeAreas(
  deps: { db: Db; customerIndex: CustomerIndex },
  storeId: string,
  query: TradeAreaQuery,
  principal: Principal,
): TradeAreaAnswer {
  const store = findStore(deps.db, storeId);
  const view = audienceViewFor(deps.db, principal);
  if (!store || (view.storeIds !== null && !view.storeIds.includes(storeId)))
    throw new ServiceError('not-found', 'No such store among yours', [
      { field: 'params.id', code: 'unknown_store', message: 'unknown store' },
    ]);
  const homes = homesOf(deps.customerIndex, storeId);
  const cells = countHomesByCell({ store: store.location, resolution: query.resolution, ...homes });
  const { total, primary, secondary } = tradeTiers(
    rankCells(cells, query.rankBy),
    query.primary,
    query.secondary,
  );
  const hiddenTotal = view.hideCount(total);
  let cumulative = 0;
  const describe = (tier: 'primary' | 'secondary', part: TradeTier) => {
    cumulative += part.customers;
    const geometry = dissolveCells(part.cells.map((c) => c.cell));
    const customers = view.hideCount(part.customers);
    const shown = customers !== null && hiddenTotal !== null && total > 0;
    return {
      tier,
      geometry,
      customers,
      sharePercent: shown ? round((100 * part.customers) / total, 1) : null,
      cumulativePercent: shown ? round((100 * cumulative) / total, 1) : null,
      cells: part.cells.length,
      areaKm2: geometry ? round(areaKm2(geometry), 4) : 0,
    };
  };
  return {
    storeId,
    homeCustomers: hiddenTotal,
    primaryPercent: query.primary,
    secondaryPercent: query.secondary,
    rankBy: query.rankBy,
    resolution: query.resolution,
    tiers: [describe('primary', primary), describe('secondary', secondary)],
    ...namedK(view),
  };
}
