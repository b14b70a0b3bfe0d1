// White space for the caller: every customer for owners and managers, their stores' customers for a store manager;
// per-hexagon customer counts below the minimum group size hidden from aggregate-only roles. Counting customers per
// hexagon reads every position (about 3 s per million, on the event loop), so the counts are kept until the customer
// index changes: another distance or limit, or the next visitor, is answered from them. Residents per hexagon
// (~100 ms) are kept per connection: neighbourhoods are only written by the seed, before the server opens.
// A segment counts only its customers, read from the in-memory index (the same checks as audience counts).
import type { Db } from '../../db/connection.js';
import { listBoundaries } from '../../db/repos/boundaries.js';
import { storePlaces } from '../../db/repos/stores.js';
import type { Principal } from '../../domain/permissions.js';
import type { Segment } from '../../domain/schemas/segment.js';
import type { WhiteSpaceAnswer, WhiteSpaceQuery } from '../../domain/schemas/white-space.js';
import { dayOf, segmentDependsOnDay, segmentKey } from '../../domain/segment.js';
import { customersByCell, residentsByCell, whiteSpace } from '../../domain/white-space.js';
import type { CustomerIndex } from '../customers/customer-index.js';
import { compileSegment } from './filter.js';
import { forEachMatchAnywhere } from './scan.js';
import { audienceViewFor, namedK } from './viewer.js';
import { ROWS } from '../customers/columns.js';
import type { HexagonCodes } from '../customers/hexagon-codes.js';

function* customerPositions(db: Db, storeIds: string[] | null): Generator<[number, number]> {
  const rows =
    storeIds === null
      ? db.prepare('SELECT lng, lat FROM customers').raw().iterate()
      : db
          .prepare(
            `SELECT lng, lat FROM customers WHERE home_store_id IN (${storeIds.map(() => '?').join(',') || 'NULL'})`,
          )
          .raw()
          .iterate(...storeIds);
  for (const row of rows) yield row as [number, number];
}

/** Where the segment's customers live, from the index's columns. */
function segmentPositions(
  index: Pick<CustomerIndex, 'columns' | 'dictionaries' | 'rfmThresholds'>,
  segment: Segment,
  at: Date,
): [number, number][] {
  const c = index.columns;
  const filter = compileSegment(segment, index.dictionaries, c.words, at, () =>
    index.rfmThresholds(),
  );
  const positions: [number, number][] = [];
  forEachMatchAnywhere(c, filter, (row) => positions.push([c.lng[row]!, c.lat[row]!]));
  return positions;
}

/**
 * Customers per hexagon from the index rows' hexagon codes (worked out in the pool, hexagon-codes.ts): one pass over
 * typed arrays instead of an H3 look-up per customer on this thread. The same counts as customersByCell.
 */
function countsFromCodes(
  index: WhiteSpaceIndex,
  codes: HexagonCodes,
  storeIds: string[] | null,
  narrowed: { segment: Segment; at: Date } | null,
): Map<string, number> {
  const c = index.columns;
  const tally = new Uint32Array(codes.cells.length);
  const add = (row: number) => {
    const code = codes.codeOfRow[row]!;
    if (code >= 0) tally[code]!++;
  };
  if (narrowed) {
    const filter = compileSegment(narrowed.segment, index.dictionaries, c.words, narrowed.at, () =>
      index.rfmThresholds(),
    );
    forEachMatchAnywhere(c, filter, add);
  } else {
    // Store codes are offset by one (0 is "no home store").
    const storeOk = storeIds && new Uint8Array(index.dictionaries.stores.values.length + 1);
    for (const id of storeIds ?? []) {
      const code = index.dictionaries.stores.find(id);
      if (code !== undefined) storeOk![code + 1] = 1;
    }
    for (let row = 0; row < codes.rows; row++)
      if (c.alive[row] === 1 && (!storeOk || storeOk[c.store[row]!] === 1)) add(row);
  }
  const counts = new Map<string, number>();
  tally.forEach((n, code) => n > 0 && counts.set(codes.cells[code]!, n));
  return counts;
}

/** Counts per hexagon, per customer index (a restarted server has a new one) by its version, resolution and store scope. */
const MAX_CACHED = 16;
const caches = new WeakMap<object, Map<string, Map<string, number>>>();

function countsFor(
  db: Db,
  index: WhiteSpaceIndex,
  resolution: number,
  storeIds: string[] | null,
  narrowed: { segment: Segment; at: Date } | null,
  codes: HexagonCodes | null,
): Map<string, number> {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new Map()));
  const segment = narrowed ? segmentKey(narrowed.segment) : '';
  const day = narrowed && segmentDependsOnDay(narrowed.segment) ? `@${dayOf(narrowed.at)}` : '';
  const key = `${index.changes}|${resolution}|${storeIds?.join(',') ?? '*'}|${segment}${day}`;
  let counts = cache.get(key);
  if (!counts) {
    // The segment is already narrowed to the caller's stores (AudienceView.segment). Codes of these very rows (the
    // index did not move since they were worked out) spare the H3 look-ups.
    const current =
      codes?.resolution === resolution && codes.rows === Atomics.load(index.columns.meta, ROWS);
    counts = current
      ? countsFromCodes(index, codes, storeIds, narrowed)
      : customersByCell(
          narrowed
            ? segmentPositions(index, narrowed.segment, narrowed.at)
            : customerPositions(db, storeIds),
          resolution,
        );
    // Older versions are never asked for again; a few entries cover the resolutions and scopes in use.
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, counts);
  }
  return counts;
}

const residentsCaches = new WeakMap<Db, Map<number, Map<string, number>>>();

/** Residents per hexagon at a resolution, kept per connection (neighbourhoods change only with an import). */
export function residentsFor(db: Db, resolution: number): Map<string, number> {
  let cache = residentsCaches.get(db);
  if (!cache) residentsCaches.set(db, (cache = new Map()));
  let residents = cache.get(resolution);
  if (!residents)
    cache.set(resolution, (residents = residentsByCell(listBoundaries(db), resolution)));
  return residents;
}

type WhiteSpaceIndex = Pick<
  CustomerIndex,
  'changes' | 'columns' | 'dictionaries' | 'rfmThresholds'
>;

/** @param codes the index rows' hexagons at the query's resolution, when the caller has them (deps.hexagons). */
export function findWhiteSpace(
  db: Db,
  index: WhiteSpaceIndex,
  query: Omit<WhiteSpaceQuery, 'segment'> & { segment?: Segment },
  principal: Principal,
  at: Date,
  codes: HexagonCodes | null = null,
): WhiteSpaceAnswer {
  const residents = residentsFor(db, query.resolution);
  const view = audienceViewFor(db, principal);
  const segment = segmentKey(query.segment) ? view.segment(query.segment)! : null;
  const customers = countsFor(
    db,
    index,
    query.resolution,
    view.storeIds,
    segment ? { segment, at } : null,
    codes,
  );
  const result = whiteSpace(
    { residents, customers, stores: storePlaces(db).map((s) => s.location) },
    query,
  );
  const cells = result.cells.map((c) =>
    view.hideCount(c.customers) === null ? { ...c, customers: null, penetration: null } : c,
  );
  return { ...result, cells, resolution: query.resolution, ...namedK(view) };
}

/** Forgets the residents per hexagon (call after the neighbourhoods change, e.g. an import of boundaries). */
export function forgetResidents(db: Db): void {
  residentsCaches.delete(db);
}
