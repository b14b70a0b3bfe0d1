// Worker thread of a big import: reads and checks the file's rows (read-rows.ts) with its own read-only connection and
// posts them a batch at a time, one batch ahead of the import's thread, which writes them.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { ServiceError } from '../errors.js';
import { readRowBatches, type ReadSource } from './read-rows.js';
import type { WorkerMessage } from './read-in-worker.js';

/** Batches read ahead of the writer: one keeps both threads busy; more only hold memory. */
const AHEAD = 1;
const { dbFile, source } = workerData as { dbFile: string; source: ReadSource };
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

let credits = AHEAD;
let granted: (() => void) | null = null;
port.on('message', () => {
  credits++;
  granted?.();
});
const credit = async () => {
  while (credits === 0) await new Promise<void>((resolve) => (granted = resolve));
  granted = null;
  credits--;
};

const db = new Database(dbFile, { readonly: true });
try {
  for await (const batch of readRowBatches(db, source)) {
    await credit();
    post({ type: 'batch', batch });
  }
  post({ type: 'done' });
} catch (error) {
  post({
    type: 'error',
    error:
      error instanceof ServiceError
        ? { kind: error.kind, detail: error.detail, errors: error.errors ?? [] }
        : { detail: error instanceof Error ? error.message : String(error) },
  });
} finally {
  db.close();
  port.close();
}
