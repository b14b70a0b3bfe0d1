// Worker thread of the audience pool: holds the index columns (shared memory, never copied) and answers scans and
// slices of hexagon codes.
import { parentPort } from 'node:worker_threads';
import { prepareAreaGrid } from '../../domain/geometry/area-grid.js';
import { countAudience, matchingSeqs } from './scan.js';
import type { IndexColumns } from '../customers/columns.js';
import type { PoolMessage, PoolReply } from './pool.js';
import { hexagonSlice } from '../customers/hexagon-codes.js';

let columns: IndexColumns | null = null;

parentPort!.on('message', (message: PoolMessage) => {
  if (message.type === 'columns') {
    columns = message.columns;
    return;
  }
  let reply: PoolReply;
  try {
    if (!columns) throw new Error('no columns yet');
    const task = message.task;
    if (task.kind === 'hexagons') {
      const { resolution, from, to } = task;
      reply = { id: message.id, ok: true, hexagons: hexagonSlice(columns, resolution, from, to) };
    } else {
      const area = prepareAreaGrid(task.geometry);
      reply =
        task.kind === 'count'
          ? {
              id: message.id,
              ok: true,
              counts: countAudience(columns, area, task.filter, task.sizes),
            }
          : { id: message.id, ok: true, seqs: matchingSeqs(columns, area, task.filter) };
    }
  } catch (error) {
    reply = {
      id: message.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  // The codes are handed over, not copied.
  parentPort!.postMessage(
    reply,
    reply.ok && reply.hexagons ? [reply.hexagons.codes.buffer as ArrayBuffer] : [],
  );
});
