// What each worker of the pool holds (issue 21 leftover). The customer index's columns are shared memory, so a worker
// costs its code and little more; but a worker that answers customer tiles builds tile indexes of its own (tiles.ts:
// the city's points, a Supercluster index per view, the density grid's points), several times the shared index. So
// only one worker answers tiles (pool.ts, tileWorkers). Measured here in the same run: every worker answering tiles
// (as before) against one; each worker's V8 heap and external memory when started and after a map session (tiles of
// the whole city, a store manager's view, a segment), next to the main thread's customer index.
// Small: BENCH_ONLY=poolmemory BENCH_POOL_MEMORY_CUSTOMERS=20000 npm run bench.
// Full size: NODE_OPTIONS=--expose-gc BENCH_ONLY=poolmemory npm run bench (200,000 customers; --expose-gc makes the
// heaps exact by collecting before each reading).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { seedDemo } from '../server/demo/seed.js';
import { listStores } from '../server/db/repos/stores.js';
import { pageFilter } from '../server/services/customers/pages.js';
import {
  createAudiencePool,
  type AudiencePool,
  type WorkerMemory,
} from '../server/services/audience/pool.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
} from '../server/services/customers/customer-index.js';
import { compileTileSegment, type TileView } from '../server/services/customers/tiles.js';
import type { BenchResult } from './run.js';

const CUSTOMERS = Number(process.env.BENCH_POOL_MEMORY_CUSTOMERS ?? 200_000);
const WORKERS = 2;
const AT = new Date('2026-11-23T12:00:00Z');
const MB = 2 ** 20;

const log = (line: string) => process.stderr.write(`  ${line}\n`);

/** Each worker's memory in MB: as many tasks at once as there are workers, so each free worker takes one. */
async function perWorker(pool: AudiencePool, index: CustomerIndex): Promise<number[]> {
  const memory: WorkerMemory[] = await Promise.all(
    Array.from({ length: pool.size }, () => pool.run({ kind: 'memory' }, index.columns)),
  );
  return memory.map((m) => (m.heapUsed + m.external) / MB).sort((a, b) => b - a);
}

/** Tiles a map session over the demo city asks for, zoomed out to street level, as many at once as workers. */
async function tiles(
  pool: AudiencePool,
  index: CustomerIndex,
  view: TileView,
  segment?: ReturnType<typeof compileTileSegment>,
): Promise<void> {
  const addresses = [
    { z: 9, x: 275, y: 167 },
    { z: 11, x: 1100, y: 671 },
    { z: 13, x: 4401, y: 2686 },
    { z: 15, x: 17603, y: 10745 },
  ];
  for (const address of addresses)
    await Promise.all(
      Array.from({ length: pool.size }, () =>
        pool.run({ kind: 'tile', ...address, view, segment, generation: 1 }, index.columns),
      ),
    );
}

/** The workers' memory, largest first, when started and after a map session, with `tileWorkers` answering tiles. */
async function session(
  file: string,
  index: CustomerIndex,
  storeIds: string[],
  tileWorkers: number,
) {
  const pool = createAudiencePool({ size: WORKERS, dbFile: file, tileWorkers });
  try {
    // A page each first: the worker has loaded its code and opened the database, nothing more.
    await Promise.all(
      Array.from({ length: WORKERS }, (_, i) =>
        pool.run(
          {
            kind: 'page',
            query: { bbox: null, afterSeq: i * 100, limit: 100 },
            filter: pageFilter(index, null, new Date()),
          },
          index.columns,
        ),
      ),
    );
    const started = await perWorker(pool, index);
    const rssBefore = process.memoryUsage().rss;
    await tiles(pool, index, { kind: 'all' });
    await tiles(pool, index, { kind: 'stores', storeIds });
    const segment = compileTileSegment(index, {
      segment: { loyaltyTiers: ['gold', 'silver'] },
      at: AT,
    });
    await tiles(pool, index, { kind: 'all' }, segment);
    const after = await perWorker(pool, index);
    // What one tile worker costs in speed: distinct street-level tiles, all asked at once (indexes built above);
    // the faster of two bursts, so the first's warm-up does not count.
    const TILES = 64;
    const burst = async () => {
      const timed = performance.now();
      await Promise.all(
        Array.from({ length: TILES }, (_, i) =>
          pool.run(
            {
              kind: 'tile',
              z: 14,
              x: 8795 + (i % 8),
              y: 5365 + Math.floor(i / 8),
              view: { kind: 'all' },
              generation: 1,
            },
            index.columns,
          ),
        ),
      );
      return TILES / ((performance.now() - timed) / 1000);
    };
    const tilesPerSecond = Math.max(await burst(), await burst());
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / MB;
    const tileMb = after.reduce((total, mb) => total + mb, 0) - started.reduce((a, b) => a + b, 0);
    log(
      `${tileWorkers} of ${WORKERS} workers answer tiles: started ${started.map((mb) => mb.toFixed(1)).join(' / ')} MB, ` +
        `after a map session ${after.map((mb) => mb.toFixed(1)).join(' / ')} MB; tile indexes ${tileMb.toFixed(1)} MB ` +
        `in all; process RSS +${rssGrowth.toFixed(0)} MB; ${tilesPerSecond.toFixed(0)} z14 tiles/s`,
    );
    return { started, after, tileMb, tilesPerSecond };
  } finally {
    await pool.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-'));
  const file = join(dir, 'pool-memory.db');
  const db = openDatabase(file);
  try {
    migrate(db);
    seedDemo(db, { seed: 42, customers: CUSTOMERS, today: AT.toISOString().slice(0, 10), now: AT });
    const index = buildCustomerIndex(db);
    const indexMb = (index.bytesPerCustomer() * index.size) / MB;
    const gc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    log(
      `${CUSTOMERS} customers, ${WORKERS} workers${gc ? '' : ' (no --expose-gc: heaps include garbage)'}`,
    );
    log(`customer index (main thread, shared with the workers): ${indexMb.toFixed(1)} MB`);
    const storeIds = listStores(db)
      .map((s) => s.id)
      .slice(0, 3);
    const every = await session(file, index, storeIds, WORKERS);
    const one = await session(file, index, storeIds, 1);
    return [
      { name: 'pool memory: customer index (main, shared)', value: indexMb, unit: 'MB' },
      { name: 'pool memory: a worker started', value: one.started[0]!, unit: 'MB' },
      { name: 'pool memory: tile worker after a map session', value: one.after[0]!, unit: 'MB' },
      { name: 'pool memory: other worker after a map session', value: one.after[1]!, unit: 'MB' },
      { name: 'pool memory: tile indexes, every worker', value: every.tileMb, unit: 'MB' },
      { name: 'pool memory: tile indexes, one worker', value: one.tileMb, unit: 'MB' },
      { name: 'pool memory: every ÷ one', value: every.tileMb / one.tileMb, unit: '×' },
      {
        name: 'pool tiles/s: one tile worker ÷ every worker',
        value: one.tilesPerSecond / every.tilesPerSecond,
        unit: '×',
      },
    ];
  } finally {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}
