// Isochrone areas are canonical as { mode, minutes, origin }: a create or edit that sends those without a polygon
// gets the engine's polygon for them. A polygon sent along is kept (undo re-creates exactly what was saved).
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { AreaKind, AreaParams } from '../../domain/schemas/area.js';
import type { IsochroneService } from './isochrones.js';

export async function withIsochroneGeometry<
  T extends { kind: AreaKind; params?: AreaParams; geometry?: AreaGeometry },
>(isochrones: Pick<IsochroneService, 'geometryFor'>, input: T): Promise<T> {
  if (input.kind !== 'isochrone' || input.geometry || !input.params?.isochrone) return input;
  return { ...input, geometry: await isochrones.geometryFor(input.params.isochrone) };
}
