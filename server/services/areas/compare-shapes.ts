// The geometry of an area comparison: each area's population from the neighbourhoods it covers, and what every pair
// shares. Polygon clipping against every neighbourhood is most of a comparison's cost (tens of milliseconds for a few
// areas), so it runs in a pool worker when the pool reads the database, and on this thread otherwise.
import type { Db } from '../../db/connection.js';
import { listBoundaries } from '../../db/repos/boundaries.js';
import {
  populationWithin,
  sharedPart,
  type PopulatedShape,
  type Shared,
} from '../../domain/geometry/overlap.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AudiencePool } from '../audience/pool.js';
import type { IndexColumns } from '../customers/columns.js';

export interface CompareShapes {
  /** Per area, in the order given. */
  populations: { population: number; complete: boolean }[];
  /** Every pair i < j, in order. */
  pairs: { i: number; j: number; shared: Shared }[];
}

export function compareShapes(
  geometries: AreaGeometry[],
  neighbourhoods: readonly PopulatedShape[],
): CompareShapes {
  const pairs: CompareShapes['pairs'] = [];
  for (let i = 0; i < geometries.length; i++)
    for (let j = i + 1; j < geometries.length; j++)
      pairs.push({ i, j, shared: sharedPart(geometries[i]!, geometries[j]!) });
  return {
    populations: geometries.map((g) => populationWithin(g, neighbourhoods)),
    pairs,
  };
}

/** The shapes with the neighbourhoods read from `db` (in a worker, its own connection). */
export function compareShapesIn(db: Db, geometries: AreaGeometry[]): CompareShapes {
  return compareShapes(geometries, listBoundaries(db));
}

/** From the pool when its workers read the database, else on this thread. */
export function compareShapesVia(
  { db, pool, columns }: { db: Db; pool: AudiencePool | null; columns: () => IndexColumns },
  geometries: AreaGeometry[],
): Promise<CompareShapes> {
  if (pool?.readsDatabase) return pool.run({ kind: 'shapes', geometries }, columns());
  return Promise.resolve(compareShapesIn(db, geometries));
}
