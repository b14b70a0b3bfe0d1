// The city extent territories are clipped to: the workspace's land outline, or else the union of its neighbourhoods.
import type { Db } from '../../db/connection.js';
import { listBoundaries } from '../../db/repos/boundaries.js';
import { listBasemapFeatures } from '../../db/repos/workspace.js';
import { combineAreas } from '../../domain/geometry/combine.js';
import { validateAreaGeometry } from '../../domain/geometry/validate-area.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';

// Computed once per database: a union of 20+ neighbourhoods takes a noticeable fraction of a second.
// Boundaries do not change while the server runs (the seed CLI replaces them offline); call invalidateCityExtent if they do.
const cache = new WeakMap<Db, AreaGeometry>();

function landOutline(db: Db): AreaGeometry | null {
  const land = listBasemapFeatures(db)
    .filter((row) => row.kind === 'land')
    .map((row) => validateAreaGeometry(JSON.parse(row.geometry)))
    .flatMap((result) => (result.ok ? [result.geometry as AreaGeometry] : []));
  if (land.length <= 1) return land[0] ?? null;
  const joined = combineAreas('union', land);
  return joined.ok ? (joined.geometry as AreaGeometry) : null;
}

function neighbourhoodUnion(db: Db): AreaGeometry | null {
  const shapes = listBoundaries(db).map((b) => b.geometry);
  if (shapes.length <= 1) return shapes[0] ?? null;
  const joined = combineAreas('union', shapes);
  return joined.ok ? (joined.geometry as AreaGeometry) : null;
}

/** The extent, or null when the workspace has neither an outline nor boundaries. */
export function cityExtent(db: Db): AreaGeometry | null {
  const cached = cache.get(db);
  if (cached) return cached;
  const extent = landOutline(db) ?? neighbourhoodUnion(db);
  if (extent) cache.set(db, extent);
  return extent;
}

export function invalidateCityExtent(db: Db): void {
  cache.delete(db);
}
