// Worker thread of the pool (pool.ts): holds the index columns (shared memory, never copied) and answers scans and
// slices of hexagon codes; with a database file, it also answers customer pages, tiles and comparison shapes from a
// read-only connection of its own.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareAreaGrid } from '../../domain/geometry/area-grid.js';
import { countAudience, matchingSeqs } from './scan.js';
import type { IndexColumns } from '../customers/columns.js';
import type { PoolMessage, PoolReply, PoolTask, WorkerMemory } from './pool.js';
import { hexagonSlice } from '../customers/hexagon-codes.js';
import type { Db } from '../../db/connection.js';
import { customerPageBody } from '../customers/pages.js';
import { compareShapesIn } from '../areas/compare-shapes.js';
import { createTileWorker } from '../customers/tile-task.js';

let columns: IndexColumns | null = null;
let db: Db | null = null;
const { dbFile } = workerData as { dbFile: string | null };

function database(): Db {
  if (!dbFile) throw new Error('this pool reads no database');
  if (!db) {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
  }
  return db;
}

const tiles = createTileWorker(database, () => columns);

function answer(task: PoolTask): unknown {
  if (task.kind === 'page')
    return JSON.stringify(
      customerPageBody(
        database(),
        task.query,
        columns ? { columns, filter: task.filter } : undefined,
      ),
    );
  if (task.kind === 'shapes') return compareShapesIn(database(), task.geometries);
  if (task.kind === 'tile') return tiles.tile(task);
  if (task.kind === 'memory') return memory();
  if (!columns) throw new Error('no columns yet');
  if (task.kind === 'hexagons') return hexagonSlice(columns, task.resolution, task.from, task.to);
  const area = prepareAreaGrid(task.geometry);
  return task.kind === 'count'
    ? countAudience(columns, area, task.filter, task.sizes)
    : matchingSeqs(columns, area, task.filter);
}

/** This worker's heap after a collection (bench/pool-memory.ts runs with --expose-gc; without it, as it stands). */
function memory(): WorkerMemory {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external } = process.memoryUsage();
  return { heapUsed, external };
}

/** Buffers handed over rather than copied: hexagon codes and encoded tiles. */
function transferables(kind: PoolTask['kind'], value: unknown): ArrayBuffer[] {
  if (kind === 'hexagons') return [(value as { codes: Int32Array }).codes.buffer as ArrayBuffer];
  if (kind === 'tile' && value instanceof Uint8Array) return [value.buffer as ArrayBuffer];
  return [];
}

parentPort!.on('message', (message: PoolMessage) => {
  if (message.type === 'columns') {
    columns = message.columns;
    return;
  }
  let reply: PoolReply;
  try {
    reply = { id: message.id, ok: true, value: answer(message.task) };
  } catch (error) {
    reply = {
      id: message.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort!.postMessage(reply, reply.ok ? transferables(message.task.kind, reply.value) : []);
});
