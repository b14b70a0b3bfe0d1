// Polygons out of an engine's GeoJSON answer: both Valhalla and openrouteservice answer a FeatureCollection whose
// polygon features are the contours; the one for our time becomes the area (several parts become a MultiPolygon).
import type { MultiPolygon, Polygon } from 'geojson';
import { validateAreaGeometry } from '../../domain/geometry/validate-area.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import { badAnswer } from './engine-errors.js';
import type { EngineName } from './engine.js';

interface EngineFeature {
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

/** The polygon features of a FeatureCollection (Valhalla may add the locations as Point features). */
export function polygonFeatures(engine: EngineName, body: unknown): EngineFeature[] {
  const features = (body as { type?: unknown; features?: unknown } | null)?.features;
  if ((body as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features))
    throw badAnswer(engine, 'no FeatureCollection');
  return features.filter(
    (f): f is EngineFeature =>
      !!f &&
      typeof f === 'object' &&
      ['Polygon', 'MultiPolygon'].includes((f as EngineFeature).geometry?.type) &&
      typeof (f as EngineFeature).properties === 'object',
  );
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const roundRing = (ring: number[][]) =>
  ring.map(([lng = 0, lat = 0]) => [round6(lng), round6(lat)]);

/** The chosen features as one checked area geometry, coordinates rounded to 6 decimals (about 10 cm). */
export function areaFromFeatures(engine: EngineName, features: EngineFeature[]): AreaGeometry {
  const polygons: number[][][][] = [];
  for (const f of features) {
    if (f.geometry.type === 'Polygon')
      polygons.push((f.geometry as Polygon).coordinates.map(roundRing));
    else polygons.push(...(f.geometry as MultiPolygon).coordinates.map((p) => p.map(roundRing)));
  }
  if (polygons.length === 0) throw badAnswer(engine, 'no polygon for this time');
  const geometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  const checked = validateAreaGeometry(geometry);
  if (!checked.ok) throw badAnswer(engine, checked.message);
  return geometry as AreaGeometry;
}
