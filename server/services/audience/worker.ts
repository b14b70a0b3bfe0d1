// Worker thread of the audience pool: holds the index columns (shared memory, never copied) and answers scans.
import { parentPort } from 'node:worker_threads';
import { prepareAreaGrid } from '../../domain/geometry/area-grid.js';
import { countAudience, matchingSeqs } from './scan.js';
import type { IndexColumns } from '../customers/columns.js';
import type { PoolMessage, PoolReply } from './pool.js';

let columns: IndexColumns | null = null;

parentPort!.on('message', (message: PoolMessage) => {
  if (message.type === 'columns') {
    columns = message.columns;
    return;
  }
  let reply: PoolReply;
  try {
    if (!columns) throw new Error('no columns yet');
    const area = prepareAreaGrid(message.task.geometry);
    reply =
      message.task.kind === 'count'
        ? {
            id: message.id,
            ok: true,
            counts: countAudience(columns, area, message.task.filter, message.task.sizes),
          }
        : { id: message.id, ok: true, seqs: matchingSeqs(columns, area, message.task.filter) };
  } catch (error) {
    reply = {
      id: message.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort!.postMessage(reply);
});
