// Pure conversions between a draft (store) and the one feature terra-draw holds while it is drawn or edited.
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from '../../server/domain/schemas/geojson';
import type { DraftShape } from '../store/slices/areas';
import { circleFromRing, circlePolygon, type CircleParams } from './circle';

/** terra-draw rejects coordinates finer than its precision; 7 decimals is about a centimetre. */
export const COORDINATE_PRECISION = 7;

const roundPosition = ([lng = 0, lat = 0]: Position): Position => [
  Math.round(lng * 1e7) / 1e7,
  Math.round(lat * 1e7) / 1e7,
];

/** A polygon at terra-draw's precision, without consecutive duplicates a rounding could create. */
export function forDraw(polygon: Polygon): Polygon {
  return {
    type: 'Polygon',
    coordinates: polygon.coordinates.map((ring) => {
      const out: Position[] = [];
      for (const p of ring.map(roundPosition)) {
        const last = out.at(-1);
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      return out;
    }),
  };
}

/**
 * What a finished or edited terra-draw polygon means for the draft: circles are re-read as centre + radius and
 * their polygon derived again (so the saved area is exactly the circle the panel shows), other shapes are kept.
 * @example draftGeometry('polygon', square).circle // null
 */
export function draftGeometry(
  shape: DraftShape,
  polygon: Polygon,
): { geometry: SchemaPolygon; circle: CircleParams | null } {
  if (shape === 'circle') {
    const circle = circleFromRing(polygon.coordinates[0] ?? []);
    return { geometry: asSchemaPolygon(circlePolygon(circle)), circle };
  }
  return { geometry: asSchemaPolygon(polygon), circle: null };
}

export type SchemaPolygon = Extract<AreaGeometry, { type: 'Polygon' }>;

/** GeoJSON's Position is `number[]`; the schema's is `[lng, lat, ...]`. Turf and terra-draw always give both. */
export const asSchemaPolygon = (polygon: Polygon): SchemaPolygon => polygon as SchemaPolygon;
