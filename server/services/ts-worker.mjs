// Worker bootstrap: registers tsx's loader, then imports the TypeScript entry named in workerData.__entry.
// Plain JavaScript on purpose: a worker's own entry cannot be TypeScript under `tsx` (Node 20 applies the parent's
// loader to the worker only after its entry has loaded) nor under vitest, so every place the server runs goes
// through here.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
