// Starts a worker thread running a TypeScript module, the same way under `tsx` (npm start), vitest and the bench.
import { Worker } from 'node:worker_threads';

/** `entry` is the worker module's URL, e.g. `new URL('./audience/worker.ts', import.meta.url)`. */
export function startTsWorker(
  entry: URL,
  workerData: Record<string, unknown> = {},
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number },
): Worker {
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), {
    workerData: { ...workerData, __entry: entry.href },
    ...(resourceLimits ? { resourceLimits } : {}),
  });
}
