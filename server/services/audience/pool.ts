// A few worker threads that run audience scans off the main event loop. Workers read the index's columns from
// shared memory; whenever the index replaces its arrays (compaction, growth) a worker gets the new ones before its
// next task. Writes in place (upserts into spare capacity, removals) are visible to workers without any message.
import type { Worker } from 'node:worker_threads';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AudienceCounts } from './scan.js';
import type { CompiledFilter } from './filter.js';
import type { IndexColumns } from '../customers/columns.js';
import type { HexagonSlice } from '../customers/hexagon-codes.js';
import { startTsWorker } from '../ts-worker.js';

export type PoolTask =
  | {
      kind: 'count';
      geometry: AreaGeometry;
      filter: CompiledFilter;
      sizes: { jobs: number; industries: number };
    }
  | { kind: 'seqs'; geometry: AreaGeometry; filter: CompiledFilter }
  /** Rows [from, to) to H3 hexagons (hexagon-codes.ts). */
  | { kind: 'hexagons'; resolution: number; from: number; to: number };
export type PoolMessage =
  { type: 'columns'; columns: IndexColumns } | { type: 'task'; id: number; task: PoolTask };
export type PoolReply =
  | { id: number; ok: true; counts?: AudienceCounts; seqs?: Float64Array; hexagons?: HexagonSlice }
  | { id: number; ok: false; error: string };

export interface AudiencePool {
  run(task: PoolTask & { kind: 'count' }, columns: IndexColumns): Promise<AudienceCounts>;
  run(task: PoolTask & { kind: 'seqs' }, columns: IndexColumns): Promise<Float64Array>;
  run(task: PoolTask & { kind: 'hexagons' }, columns: IndexColumns): Promise<HexagonSlice>;
  readonly size: number;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  generation: number;
  busy: { id: number; resolve: (reply: PoolReply) => void; reject: (error: Error) => void } | null;
}

interface Queued {
  task: PoolTask;
  columns: IndexColumns;
  resolve: (reply: PoolReply) => void;
  reject: (error: Error) => void;
}

export function createAudiencePool({ size = 2 }: { size?: number } = {}): AudiencePool {
  const queue: Queued[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = {
      worker: startTsWorker(new URL('./worker.ts', import.meta.url)),
      generation: -1,
      busy: null,
    };
    // An idle pool must not keep a process alive (a forgotten close() in a script or test).
    slot.worker.unref();
    slot.worker.on('message', (reply: PoolReply) => {
      const busy = slot.busy;
      slot.busy = null;
      if (busy && busy.id === reply.id) busy.resolve(reply);
      pump();
    });
    const fail = (error: Error) => {
      const busy = slot.busy;
      slot.busy = null;
      busy?.reject(error);
      // Replace a dead worker so the pool keeps its size.
      if (!closed) slots[slots.indexOf(slot)] = spawn();
      pump();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!closed) fail(new Error(`audience worker stopped (exit code ${code})`));
    });
    return slot;
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, spawn);

  function pump(): void {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      if (slot.generation !== job.columns.generation) {
        slot.worker.postMessage({ type: 'columns', columns: job.columns } satisfies PoolMessage);
        slot.generation = job.columns.generation;
      }
      const id = nextId++;
      slot.busy = { id, resolve: job.resolve, reject: job.reject };
      slot.worker.postMessage({ type: 'task', id, task: job.task } satisfies PoolMessage);
    }
  }

  function run(
    task: PoolTask,
    columns: IndexColumns,
  ): Promise<AudienceCounts | Float64Array | HexagonSlice> {
    if (closed) return Promise.reject(new Error('the audience pool is closed'));
    return new Promise<PoolReply>((resolve, reject) => {
      queue.push({ task, columns, resolve, reject });
      pump();
    }).then((reply) => {
      if (!reply.ok) throw new Error(`audience worker failed: ${reply.error}`);
      return (
        task.kind === 'count' ? reply.counts : task.kind === 'seqs' ? reply.seqs : reply.hexagons
      ) as AudienceCounts | Float64Array | HexagonSlice;
    });
  }

  return {
    run: run as AudiencePool['run'],
    size: slots.length,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the audience pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
