// What the Huff model is fitted on: the stores, the places (H3 hexagons where customers or residents live), ln d and
// ln A between them, and the customers of each place by home store with their spend. Built from the customer index's
// hexagon codes and kept until the customers, the stores or the neighbourhoods change. d is straight-line km, or the
// minutes by car from the routing engine's matrix when one is configured.
import { cellToLatLng } from 'h3-js';
import type { Db } from '../../db/connection.js';
import { huffInputs, type DistanceFn, type HuffInputs } from '../../domain/huff/model.js';
import { logTravelMinutes } from '../../domain/huff/travel-costs.js';
import type { HuffMeasure } from '../../domain/schemas/huff.js';
import { residentsFor } from '../audience/white-space.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import {
  hexagonCodes,
  type HexagonCodes,
  type HexagonCodesSource,
} from '../customers/hexagon-codes.js';
import type { HuffTravel } from './travel-times.js';

export interface HuffStoreRow {
  id: string;
  name: string;
  brand: string;
  attractiveness: number;
  location: [number, number];
}

export interface HuffData {
  resolution: number;
  /** What d is: straight-line km, or minutes by a mode from an engine. */
  measure: HuffMeasure;
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
  codes: HexagonCodes = hexagonCodes(index, resolution),
): HuffData {
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
  return {
    resolution,
    measure: { kind: 'distance' },
    stores,
    places,
    centers,
    inputs,
    choices,
    spend,
  };
}

/** The same data with ln d replaced by ln minutes from the engine's matrix. */
export async function withTravelTimes(data: HuffData, travel: HuffTravel): Promise<HuffData> {
  const minutes = await travel.minutes(
    data.centers,
    data.stores.map((s) => s.location),
  );
  return {
    ...data,
    measure: { kind: 'travel-time', mode: travel.mode, engine: travel.matrix.engine },
    inputs: { ...data.inputs, logDistance: logTravelMinutes(minutes) },
  };
}

export interface HuffSources {
  /** Hexagon codes off the event loop (the worker pool); computed inline when absent. */
  hexagons?: HexagonCodesSource | undefined;
  /** Travel times from the routing engine; straight-line distance when null or absent. */
  travel?: HuffTravel | null | undefined;
}

const caches = new WeakMap<
  object,
  Map<string, { key: string; residents: object; data: Promise<HuffData> }>
>();

/**
 * The data for the current customers, stores and neighbourhoods, rebuilt when any of them changed. Requests that
 * arrive while it is built wait for the same build; a failed build (the engine down) is not kept.
 */
export function huffDataFor(
  db: Db,
  index: HuffIndex,
  resolution: number,
  { hexagons, travel }: HuffSources = {},
): Promise<HuffData> {
  const stores = readHuffStores(db);
  const residents = residentsFor(db, resolution);
  const key = `${index.changes}|${index.columns.generation}|${JSON.stringify(stores)}`;
  const slot = `${resolution}|${travel ? `${travel.matrix.engine}:${travel.mode}` : 'km'}`;
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const kept = cache.get(slot);
  if (kept && kept.key === key && kept.residents === residents) return kept.data;
  const data = (async () => {
    const codes = hexagons ? await hexagons(index, resolution) : undefined;
    const byDistance = buildHuffData(index, stores, residents, resolution, undefined, codes);
    return travel ? withTravelTimes(byDistance, travel) : byDistance;
  })();
  const entry = { key, residents, data };
  cache.set(slot, entry);
  data.catch(() => cache.get(slot) === entry && cache.delete(slot));
  return data;
}
