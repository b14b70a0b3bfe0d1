// Customer pages, customer tiles and the clipping of an area comparison answered by a pool worker (its own read-only
// connection to the database file) are byte for byte what the main thread builds from the same data, and a worker's
// tiles follow the customers after a write once the main thread's tiles were invalidated.
import { bboxPolygon } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { listStores } from '../../server/db/repos/stores.js';
import { createAudiencePool, type AudiencePool } from '../../server/services/audience/pool.js';
import { compareShapesIn } from '../../server/services/areas/compare-shapes.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
} from '../../server/services/customers/customer-index.js';
import { customerPageBody, pageFilter } from '../../server/services/customers/pages.js';
import { decodeCursor } from '../../server/domain/cursor.js';
import { customerTile } from '../../server/services/customers/tile-task.js';
import {
  createCustomerTiles,
  type CustomerTiles,
  type TileView,
} from '../../server/services/customers/tiles.js';
import type { AreaGeometry } from '../../server/domain/schemas/geojson.js';
import type { Principal } from '../../server/domain/permissions.js';
import { findWhiteSpace } from '../../server/services/audience/white-space.js';
import { hexagonCodesInPool } from '../../server/services/customers/hexagon-codes.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
let index: CustomerIndex;
let pool: AudiencePool;
let tiles: CustomerTiles;
const AT = new Date('2026-11-23T12:00:00Z');

function decodeSeq(cursor: string): number {
  const decoded = decodeCursor(cursor);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.lastSeq;
}

beforeAll(() => {
  temp = tempDatabase('pool-offload');
  seedDemo(temp.db, { seed: 11, customers: 3000, today: '2026-11-23', now: AT });
  index = buildCustomerIndex(temp.db);
  tiles = createCustomerTiles(temp.db, index);
  pool = createAudiencePool({ size: 2, dbFile: temp.file });
});
afterAll(async () => {
  await pool?.close();
  temp?.close();
});

describe('heavy work in the pool', () => {
  it('reads the database only from a file: an in-memory database stays with this thread', async () => {
    const inMemory = createAudiencePool({ size: 1, dbFile: ':memory:' });
    expect(inMemory.readsDatabase).toBe(false);
    expect(pool.readsDatabase).toBe(true);
    await inMemory.close();
  });

  it('answers customer pages with the same bytes as the route would build here', async () => {
    const stores = listStores(temp.db).map((s) => s.id);
    const queries = [
      {
        bbox: [13.3, 52.45, 13.5, 52.56] as [number, number, number, number],
        afterSeq: 0,
        limit: 200,
      },
      {
        bbox: [13.3, 52.45, 13.5, 52.56] as [number, number, number, number],
        afterSeq: 400,
        limit: 50,
      },
      { bbox: null, afterSeq: 0, limit: 100, storeIds: stores.slice(0, 1) },
      { bbox: [0, 0, 1, 1] as [number, number, number, number], afterSeq: 0, limit: 10 },
    ];
    const task = (query: (typeof queries)[number]) => ({
      kind: 'page' as const,
      query,
      filter: pageFilter(index, query.storeIds, AT),
    });
    for (const query of queries) {
      const pooled = await pool.run(task(query), index.columns);
      const found = { columns: index.columns, filter: task(query).filter };
      const here = JSON.stringify(customerPageBody(temp.db, query, found));
      expect(pooled).toBe(here);
    }
    // Not vacuous: the first page is full and says where the next starts.
    expect(JSON.parse((await pool.run(task(queries[0]!), index.columns)) as string)).toMatchObject({
      features: expect.arrayContaining([expect.objectContaining({ type: 'Feature' })]),
      nextCursor: expect.any(String),
    });
  });

  it('finds the customers of a box in the index, page by page: edges included, stores and cursor kept', () => {
    const stores = listStores(temp.db).map((s) => s.id);
    // Exactly who is in the box (edges included), in seq order; the R-tree the SQL page used rounds its bounds to 32-bit
    // floats and so could lose someone within about a metre of an edge.
    const inBox = (box: number[], storeIds?: string[]) =>
      (
        temp.db
          .prepare(
            `SELECT id FROM customers WHERE lng BETWEEN ? AND ? AND lat BETWEEN ? AND ?
             AND (? IS NULL OR home_store_id IN (SELECT value FROM json_each(?))) ORDER BY seq`,
          )
          .all(
            box[0],
            box[2],
            box[1],
            box[3],
            storeIds ? 1 : null,
            JSON.stringify(storeIds ?? []),
          ) as { id: string }[]
      ).map((row) => row.id);
    const walk = (box: [number, number, number, number], limit: number, storeIds?: string[]) => {
      const found = { columns: index.columns, filter: pageFilter(index, storeIds, AT) };
      const seen: string[] = [];
      for (let afterSeq = 0; ;) {
        const page = customerPageBody(temp.db, { bbox: box, afterSeq, limit, storeIds }, found);
        expect(page.features.length).toBeLessThanOrEqual(limit);
        seen.push(...page.features.map((f) => f.id));
        if (!page.nextCursor) return seen;
        afterSeq = decodeSeq(page.nextCursor);
      }
    };
    const box = [13.3, 52.45, 13.5, 52.56] as [number, number, number, number];
    expect(inBox(box).length).toBeGreaterThan(250);
    expect(walk(box, 250)).toEqual(inBox(box));
    expect(walk(box, 37, stores.slice(0, 2))).toEqual(inBox(box, stores.slice(0, 2)));
    expect(walk([0, 0, 1, 1], 10)).toEqual([]);
    // The same pages the R-tree query gave, away from its rounding at the edges.
    const inner = [13.4, 52.5, 13.41, 52.51] as [number, number, number, number];
    const found = { columns: index.columns, filter: pageFilter(index, null, AT) };
    expect(customerPageBody(temp.db, { bbox: inner, afterSeq: 0, limit: 20 }, found)).toEqual(
      customerPageBody(temp.db, { bbox: inner, afterSeq: 0, limit: 20 }),
    );
  });

  it('clips compared areas to the same populations and shared parts', async () => {
    const geometries = [
      [13.37, 52.5, 13.4, 52.52],
      [13.39, 52.51, 13.43, 52.53],
      [13.6, 52.6, 13.61, 52.61],
    ].map((box) => bboxPolygon(box as [number, number, number, number]).geometry as AreaGeometry);
    const pooled = await pool.run({ kind: 'shapes', geometries }, index.columns);
    const here = compareShapesIn(temp.db, geometries);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(here));
    expect(here.populations[0]!.population).toBeGreaterThan(0);
    expect(here.pairs.find((p) => p.i === 0 && p.j === 1)?.shared).toMatchObject({ ok: true });
  });

  it('counts white space from the pool’s hexagon codes exactly as from an H3 look-up per customer', async () => {
    const stores = listStores(temp.db).map((s) => s.id);
    const principal = (customerAccess: Principal['customerAccess'], storeIds: string[] = []) =>
      ({
        kind: 'user',
        id: 'u',
        label: 'u',
        role: null,
        permissions: [],
        customerAccess,
        storeIds,
      }) as Principal;
    const codesOf = hexagonCodesInPool(
      (columns, task) => pool.run({ kind: 'hexagons', ...task }, columns),
      2,
    );
    const cases = [
      { principal: principal('all'), segment: undefined },
      { principal: principal('own-stores', stores.slice(0, 2)), segment: undefined },
      { principal: principal('aggregate'), segment: { loyaltyTiers: ['gold' as const] } },
    ];
    for (const { principal: who, segment } of cases)
      for (const resolution of [7, 8]) {
        const query = {
          resolution,
          minStoreKm: 0,
          minResidents: 0,
          limit: 200,
          ...(segment ? { segment } : {}),
        };
        // Each index once without codes, once with: the cache keys on the index, so two indexes keep them apart.
        const plain = buildCustomerIndex(temp.db);
        const here = findWhiteSpace(temp.db, plain, query, who, AT);
        const pooled = findWhiteSpace(
          temp.db,
          index,
          query,
          who,
          AT,
          await codesOf(index, resolution),
        );
        expect(JSON.stringify(pooled)).toBe(JSON.stringify(here));
        // Not vacuous: customers were counted (the city's penetration is theirs over its residents).
        expect(here.cityPenetration).toBeGreaterThan(0);
      }
  });

  it('encodes customer tiles byte for byte as this thread does, for every view and a segment', async () => {
    const stores = listStores(temp.db).map((s) => s.id);
    const views: TileView[] = [
      { kind: 'all' },
      { kind: 'stores', storeIds: stores.slice(0, 2) },
      { kind: 'aggregate', minGroupSize: 5 },
    ];
    const addresses = [
      { z: 10, x: 550, y: 335 },
      { z: 12, x: 2200, y: 1343 },
      { z: 14, x: 8802, y: 5373 },
      { z: 3, x: 0, y: 0 },
    ];
    let nonEmpty = 0;
    for (const view of views)
      for (const segment of [undefined, { segment: { loyaltyTiers: ['gold' as const] }, at: AT }])
        for (const address of addresses) {
          const pooled = await customerTile(
            { customerTiles: tiles, customerIndex: index, pool },
            address,
            view,
            segment,
          );
          const here = tiles.tile(address.z, address.x, address.y, view, segment);
          expect(pooled === null ? null : Buffer.from(pooled)).toEqual(
            here === null ? null : Buffer.from(here),
          );
          if (here) nonEmpty++;
        }
    expect(nonEmpty).toBeGreaterThan(12);
  });

  it('rebuilds a worker’s tiles after customers change and the main thread’s tiles were invalidated', async () => {
    const address = { z: 12, x: 2200, y: 1343 };
    const deps = { customerTiles: tiles, customerIndex: index, pool };
    const before = await customerTile(deps, address, { kind: 'all' }, undefined);
    // Every customer leaves for the far side of the world.
    temp.db.prepare('UPDATE customers SET lng = -170, lat = -40').run();
    tiles.invalidate();
    const after = await Promise.all(
      [1, 2, 3, 4].map(() => customerTile(deps, address, { kind: 'all' }, undefined)),
    );
    expect(before).not.toBeNull();
    // The tile worker rebuilt, like this thread.
    expect(after).toEqual([null, null, null, null]);
    expect(tiles.tile(address.z, address.x, address.y)).toBeNull();
  });

  it('keeps tile indexes in one worker: a second tile waits for it while other work goes past', async () => {
    // Where the test above moved every customer.
    const address = { z: 12, x: 113, y: 2545 };
    const tile = () =>
      pool.run(
        { kind: 'tile', ...address, view: { kind: 'all' }, generation: tiles.generation },
        index.columns,
      );
    const both = [tile(), tile()];
    expect(pool.load).toEqual({ running: 1, queued: 1 });
    const other = pool.run({ kind: 'memory' }, index.columns);
    expect(pool.load).toEqual({ running: 2, queued: 1 });
    await other;
    // With every worker answering tiles (as before), the second tile runs beside the first.
    const every = createAudiencePool({ size: 2, dbFile: temp.file, tileWorkers: 2 });
    try {
      const pair = [1, 2].map(() =>
        every.run(
          { kind: 'tile', ...address, view: { kind: 'all' }, generation: 1 },
          index.columns,
        ),
      );
      expect(every.load).toEqual({ running: 2, queued: 0 });
      const one = await Promise.all(both);
      expect(one[0]).not.toBeNull();
      expect(await Promise.all(pair)).toEqual(one);
    } finally {
      await every.close();
    }
  });
});
