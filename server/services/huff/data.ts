// What the Huff model is fitted on: the stores, the places (H3 hexagons where customers or residents live), ln d and
// ln A between them, and the customers of each place by home store with their spend. Built from the customer index's
// hexagon codes and kept until the customers, the stores or the neighbourhoods change.
import { cellToLatLng } from 'h3-js';
import type { Db } from '../../db/connection.js';
import { huffInputs, type DistanceFn, type HuffInputs } from '../../domain/huff/model.js';
import { residentsFor } from '../audience/white-space.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import { hexagonCodes } from '../customers/hexagon-codes.js';

export interface HuffStoreRow {
  id: string;
  name: string;
  brand: string;
  attractiveness: number;
  location: [number, number];
}

export interface HuffData {
  resolution: number;
  stores: HuffStoreRow[];
  /** H3 index per place (row of the matrices). */
  places: string[];
  centers: [number, number][];
  inputs: HuffInputs;
  /** Customers per place × store (their home store). */
  choices: Float64Array;
  /** Their spend per place × store. */
  spend: Float64Array;
}

export type HuffIndex = Pick<CustomerIndex, 'columns' | 'changes' | 'dictionaries'>;

export function readHuffStores(db: Db): HuffStoreRow[] {
  const rows = db
    .prepare(
      'SELECT id, name, brand, attractiveness, lng, lat FROM stores ORDER BY brand, name, id',
    )
    .all() as (Omit<HuffStoreRow, 'location'> & { lng: number; lat: number })[];
  return rows.map(({ lng, lat, ...store }) => ({ ...store, location: [lng, lat] }));
}

/** Customers and spend per hexagon × store, and the places: hexagons with customers first, then residents only. */
export function buildHuffData(
  index: HuffIndex,
  stores: HuffStoreRow[],
  residents: ReadonlyMap<string, number>,
  resolution: number,
  distance?: DistanceFn,
): HuffData {
  const codes = hexagonCodes(index, resolution);
  const c = index.columns;
  // Store dictionary code k is values[k − 1]; 0 is "no home store". → column of the matrices, or −1.
  const column = new Int32Array(index.dictionaries.stores.values.length + 1).fill(-1);
  const byId = new Map(stores.map((s, j) => [s.id, j]));
  index.dictionaries.stores.values.forEach((id, k) => (column[k + 1] = byId.get(id) ?? -1));

  // Codes in use become places; residents-only hexagons are added after them.
  const placeOfCode = new Int32Array(codes.cells.length).fill(-1);
  const places: string[] = [];
  for (let row = 0; row < codes.rows; row++) {
    const code = codes.codeOfRow[row]!;
    if (code >= 0 && placeOfCode[code] === -1 && column[c.store[row]!]! >= 0) {
      placeOfCode[code] = places.length;
      places.push(codes.cells[code]!);
    }
  }
  const seen = new Set(places);
  for (const [cell, people] of residents) if (people > 0 && !seen.has(cell)) places.push(cell);

  const J = stores.length;
  const choices = new Float64Array(places.length * J);
  const spend = new Float64Array(places.length * J);
  for (let row = 0; row < codes.rows; row++) {
    const code = codes.codeOfRow[row]!;
    const j = code >= 0 ? column[c.store[row]!]! : -1;
    if (j < 0) continue;
    const at = placeOfCode[code]! * J + j;
    choices[at]! += 1;
    spend[at]! += c.spend[row]!;
  }
  const centers = places.map((cell): [number, number] => {
    const [lat, lng] = cellToLatLng(cell);
    return [lng, lat];
  });
  const inputs = huffInputs({ places: centers, stores, ...(distance ? { distance } : {}) });
  return { resolution, stores, places, centers, inputs, choices, spend };
}

const caches = new WeakMap<
  object,
  Map<number, { key: string; residents: object; data: HuffData }>
>();

/** The data for the current customers, stores and neighbourhoods, rebuilt when any of them changed. */
export function huffDataFor(db: Db, index: HuffIndex, resolution: number): HuffData {
  const stores = readHuffStores(db);
  const residents = residentsFor(db, resolution);
  const key = `${index.changes}|${index.columns.generation}|${JSON.stringify(stores)}`;
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const kept = cache.get(resolution);
  if (kept && kept.key === key && kept.residents === residents) return kept.data;
  const data = buildHuffData(index, stores, residents, resolution);
  cache.set(resolution, { key, residents, data });
  return data;
}
