// The import's side of read-worker.ts: the same batches as readRowBatches, read and checked on another core while
// this thread writes the previous ones. A worker takes a moment to start, so only big files (jobs) come this way.
import type { CodedFieldError } from '../../domain/schemas/problem.js';
import { ServiceError, type ServiceErrorKind } from '../errors.js';
import { startTsWorker } from '../ts-worker.js';
import type { ReadSource, RowBatch } from './read-rows.js';

export type WorkerMessage =
  | { type: 'batch'; batch: RowBatch }
  | { type: 'done' }
  | {
      type: 'error';
      error: { kind?: ServiceErrorKind; detail: string; errors?: CodedFieldError[] };
    };

export async function* readRowBatchesInWorker(
  dbFile: string,
  source: ReadSource,
): AsyncGenerator<RowBatch> {
  // A CSV or XLSX reader holds a batch or two, so its heap is kept small (V8 would otherwise let it grow and keep
  // what it grew: the 1M-customer import's peak RSS is over budget by about that). GeoJSON is read whole: no limit.
  const limits =
    source.format === 'geojson'
      ? undefined
      : { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };
  const worker = startTsWorker(
    new URL('./read-worker.ts', import.meta.url),
    { dbFile, source },
    limits,
  );
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const deliver = (message: WorkerMessage) => {
    inbox.push(message);
    wake?.();
  };
  worker.on('message', deliver);
  worker.on('error', (error) => deliver({ type: 'error', error: { detail: error.message } }));
  worker.on('exit', () => deliver({ type: 'error', error: { detail: 'the reader stopped' } }));
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift()!;
      if (message.type === 'done') return;
      if (message.type === 'error') {
        const { kind, detail, errors } = message.error;
        throw kind ? new ServiceError(kind, detail, errors) : new Error(detail);
      }
      yield message.batch;
      // Written: the worker may read one more.
      worker.postMessage('more');
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
