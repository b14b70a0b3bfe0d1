// Customer tiles off the main thread: the route compiles the segment here (the dictionaries live on this thread) and
// a pool worker builds and encodes the tile from its own tile indexes, read from the database and rebuilt whenever the
// main thread's tiles were invalidated (their generation moved). The ETag and the encoded-tile cache stay in the route.
import type { Db } from '../../db/connection.js';
import type { AudiencePool } from '../audience/pool.js';
import type { IndexColumns } from './columns.js';
import type { CustomerIndex } from './customer-index.js';
import {
  compileTileSegment,
  createTileIndexes,
  type CompiledTileSegment,
  type CustomerTiles,
  type TileIndexes,
  type TileSegment,
  type TileView,
} from './tiles.js';

export interface TileTask {
  z: number;
  x: number;
  y: number;
  view: TileView;
  segment?: CompiledTileSegment | undefined;
  /** The main thread's CustomerTiles.generation: a worker that saw another rebuilds first. */
  generation: number;
}

/** The worker's side: its tile indexes, built on the first task. */
export function createTileWorker(database: () => Db, columns: () => IndexColumns | null) {
  let indexes: TileIndexes | null = null;
  let generation = -1;
  return {
    tile(task: TileTask): Uint8Array | null {
      indexes ??= createTileIndexes(database(), columns);
      if (task.generation !== generation) {
        indexes.invalidate();
        generation = task.generation;
      }
      return indexes.tile(task.z, task.x, task.y, task.view, task.segment);
    },
  };
}

/** One encoded tile: from the pool when its workers read the database, else built here. */
export function customerTile(
  deps: {
    customerTiles: CustomerTiles;
    customerIndex: CustomerIndex;
    pool?: AudiencePool | undefined;
  },
  address: { z: number; x: number; y: number },
  view: TileView,
  segment: TileSegment | undefined,
): Promise<Uint8Array | null> {
  const { customerTiles, customerIndex, pool } = deps;
  const { z, x, y } = address;
  if (!pool?.readsDatabase) return Promise.resolve(customerTiles.tile(z, x, y, view, segment));
  const task: TileTask = {
    z,
    x,
    y,
    view,
    segment: compileTileSegment(customerIndex, segment),
    generation: customerTiles.generation,
  };
  return pool.run({ kind: 'tile', ...task }, customerIndex.columns);
}
