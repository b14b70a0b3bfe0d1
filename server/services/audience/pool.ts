// A few worker threads that run heavy work off the main event loop: audience scans, hexagon codes, and (reading the
// database on a connection of their own) customer pages, tiles and the polygon clipping of area comparisons. Workers read the index's columns from
// shared memory; whenever the index replaces its arrays (compaction, growth) a worker gets the new ones before its
// next task. Writes in place (upserts into spare capacity, removals) are visible to workers without any message.
// Tile tasks go to one worker only (tileWorkers): tile indexes are per worker and large, the rest is shared.
// A server shutting down closes the pool first: waiting tasks are refused with a 503 while their connections can
// still carry it, running ones finish within the shutdown's grace.
import type { Worker } from 'node:worker_threads';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AudienceCounts } from './scan.js';
import type { CompiledFilter } from './filter.js';
import type { IndexColumns } from '../customers/columns.js';
import type { HexagonSlice } from '../customers/hexagon-codes.js';
import type { CustomerPageQuery } from '../../db/repos/customers.js';
import type { CompareShapes } from '../areas/compare-shapes.js';
import type { TileTask } from '../customers/tile-task.js';
import { startTsWorker } from '../ts-worker.js';
import { ServiceError } from '../errors.js';

/** Each kind of task: what it sends and what the worker answers. */
export interface PoolTasks {
  count: {
    task: {
      geometry: AreaGeometry;
      filter: CompiledFilter;
      sizes: { jobs: number; industries: number };
    };
    result: AudienceCounts;
  };
  seqs: { task: { geometry: AreaGeometry; filter: CompiledFilter }; result: Float64Array };
  /** Rows [from, to) to H3 hexagons (hexagon-codes.ts). */
  hexagons: { task: { resolution: number; from: number; to: number }; result: HexagonSlice };
  /** A page of customers as the JSON body GET /api/customers answers (read from the worker's own connection). */
  page: { task: { query: CustomerPageQuery; filter: CompiledFilter }; result: string };
  /** Populations and pairwise overlaps of areas being compared (polygon clipping, the bulk of a comparison). */
  shapes: { task: { geometries: AreaGeometry[] }; result: CompareShapes };
  /** One encoded customer tile (a tile worker keeps its own tile indexes, rebuilt when `generation` moves). */
  tile: { task: TileTask; result: Uint8Array | null };
  /** What the worker's heap holds now (after a collection when the process runs with --expose-gc). */
  memory: { task: Record<never, never>; result: WorkerMemory };
}

/** A worker's own memory, in bytes: its V8 heap, and what its objects hold outside it (buffers, SQLite). */
export interface WorkerMemory {
  heapUsed: number;
  external: number;
}
export type PoolKind = keyof PoolTasks;
export type PoolTask = { [K in PoolKind]: { kind: K } & PoolTasks[K]['task'] }[PoolKind];
export type PoolMessage =
  { type: 'columns'; columns: IndexColumns } | { type: 'task'; id: number; task: PoolTask };
export type PoolReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface AudiencePool {
  /** Runs a task in a free worker; `columns` are the index's (workers get new ones before the task when they moved). */
  run<T extends PoolTask>(task: T, columns: IndexColumns): Promise<PoolTasks[T['kind']]['result']>;
  readonly size: number;
  /** Whether workers can read the database (a file; an in-memory database is this thread's alone). */
  readonly readsDatabase: boolean;
  /** Tasks running in a worker, and tasks waiting for one. */
  readonly load: { running: number; queued: number };
  /**
   * Takes no more tasks: queued ones and any asked for from now on fail with poolClosedError (a 503 the client may
   * retry); running ones may finish for up to `graceMs`, then the workers stop and what still runs fails alike.
   * Calling it again returns the first call's promise.
   */
  close(options?: { graceMs?: number }): Promise<PoolClosing>;
}

/** What a closing pool did with the work it had: tasks refused (queued, or asked for later) and tasks cut short. */
export interface PoolClosing {
  refused: number;
  cut: number;
}

/** Seconds a client is told to wait before asking a server that is going away (a restart, or a sibling, answers). */
export const SHUTDOWN_RETRY_AFTER_SECONDS = 2;

/**
 * The refusal of a closing pool: the server is shutting down, so the request is not an error of ours or the
 * client's, and the client's retry (client/api/retry.ts), or a load balancer, sends it elsewhere or later.
 */
export function poolClosedError(): ServiceError {
  return new ServiceError(
    'unavailable',
    `The server is shutting down and takes no more heavy work. Try again in ${SHUTDOWN_RETRY_AFTER_SECONDS} s.`,
    undefined,
    { code: 'shutting_down', retryAfterSeconds: SHUTDOWN_RETRY_AFTER_SECONDS },
  );
}

interface Slot {
  worker: Worker;
  /** Whether this worker answers tile tasks (and so holds tile indexes). */
  tiles: boolean;
  generation: number;
  busy: { id: number; resolve: (reply: PoolReply) => void; reject: (error: Error) => void } | null;
}

interface Queued {
  task: PoolTask;
  columns: IndexColumns;
  resolve: (reply: PoolReply) => void;
  reject: (error: Error) => void;
}

/**
 * @param dbFile the database file workers open read-only for page, shapes and tile tasks (WAL lets them read beside
 * this thread's writes); null or ':memory:' leaves those tasks to the caller (readsDatabase is false).
 * @param tileWorkers how many of the workers answer tile tasks. Each keeps tile indexes of its own, several times the
 * size of the shared customer index (bench/pool-memory.ts, docs/scaling.md › Memory), so by default one does; the
 * others take every other kind of task.
 */
export function createAudiencePool({
  size = 2,
  dbFile = null,
  tileWorkers = 1,
}: { size?: number; dbFile?: string | null; tileWorkers?: number } = {}): AudiencePool {
  const readsDatabase = dbFile !== null && dbFile !== ':memory:';
  const queue: Queued[] = [];
  let nextId = 1;
  let closed = false;
  let closing: Promise<PoolClosing> | null = null;
  const tally: PoolClosing = { refused: 0, cut: 0 };
  /** Set while a closing pool waits for its running tasks; called when the last one has answered. */
  let whenIdle: (() => void) | null = null;
  const settle = () => {
    pump();
    if (whenIdle && slots.every((slot) => !slot.busy)) whenIdle();
  };

  const spawn = (tiles: boolean): Slot => {
    const slot: Slot = {
      worker: startTsWorker(new URL('./worker.ts', import.meta.url), {
        dbFile: readsDatabase ? dbFile : null,
      }),
      tiles,
      generation: -1,
      busy: null,
    };
    // An idle pool must not keep a process alive (a forgotten close() in a script or test).
    slot.worker.unref();
    slot.worker.on('message', (reply: PoolReply) => {
      const busy = slot.busy;
      slot.busy = null;
      if (busy && busy.id === reply.id) busy.resolve(reply);
      settle();
    });
    const fail = (error: Error) => {
      const busy = slot.busy;
      slot.busy = null;
      busy?.reject(error);
      // Replace a dead worker so the pool keeps its size.
      if (!closed) slots[slots.indexOf(slot)] = spawn(tiles);
      settle();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!closed) fail(new Error(`audience worker stopped (exit code ${code})`));
    });
    return slot;
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, (_, i) =>
    spawn(i < Math.max(1, tileWorkers)),
  );

  function pump(): void {
    for (const slot of slots) {
      if (slot.busy) continue;
      // The oldest task this worker takes: a tile waits for a tile worker, other work goes past it.
      const next = queue.findIndex((job) => slot.tiles || job.task.kind !== 'tile');
      if (next < 0) continue;
      const job = queue.splice(next, 1)[0]!;
      if (slot.generation !== job.columns.generation) {
        slot.worker.postMessage({ type: 'columns', columns: job.columns } satisfies PoolMessage);
        slot.generation = job.columns.generation;
      }
      const id = nextId++;
      slot.busy = { id, resolve: job.resolve, reject: job.reject };
      slot.worker.postMessage({ type: 'task', id, task: job.task } satisfies PoolMessage);
    }
  }

  function run<T extends PoolTask>(
    task: T,
    columns: IndexColumns,
  ): Promise<PoolTasks[T['kind']]['result']> {
    if (closed) {
      tally.refused++;
      return Promise.reject(poolClosedError());
    }
    return new Promise<PoolReply>((resolve, reject) => {
      queue.push({ task, columns, resolve, reject });
      pump();
    }).then((reply) => {
      if (!reply.ok) throw new Error(`audience worker failed: ${reply.error}`);
      return reply.value as PoolTasks[T['kind']]['result'];
    });
  }

  return {
    run,
    size: slots.length,
    readsDatabase,
    get load() {
      return { running: slots.filter((slot) => slot.busy).length, queued: queue.length };
    },
    close({ graceMs = 0 } = {}) {
      closed = true;
      for (const job of queue.splice(0)) {
        tally.refused++;
        job.reject(poolClosedError());
      }
      return (closing ??= finish(graceMs));
    },
  };

  /** Waits up to graceMs for the running tasks, fails those still running, and stops the workers. */
  async function finish(graceMs: number): Promise<PoolClosing> {
    if (graceMs > 0 && slots.some((slot) => slot.busy)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        whenIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      whenIdle = null;
    }
    for (const slot of slots) {
      if (!slot.busy) continue;
      tally.cut++;
      slot.busy.reject(poolClosedError());
      slot.busy = null;
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    return { ...tally };
  }
}
