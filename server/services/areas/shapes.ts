// Turns what a client asks for (a kind and its parameters, or a drawn geometry) into the geometry an area stores.
import { rewind } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/connection.js';
import { findBoundaries } from '../../db/repos/boundaries.js';
import { findStore } from '../../db/repos/stores.js';
import { circlePolygon } from '../../domain/geometry/circle.js';
import { combineAreas } from '../../domain/geometry/combine.js';
import { ringPolygon } from '../../domain/geometry/rings.js';
import { validateAreaGeometry } from '../../domain/geometry/validate-area.js';
import type { AreaKind, AreaParams } from '../../domain/schemas/area.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import { ServiceError } from '../errors.js';

export interface Shaped {
  geometry: AreaGeometry;
  params: AreaParams;
  /** A name made from the parameters, for when the client gives none. */
  suggestedName?: string;
}

const invalid = (field: string, code: string, message: string, detail = message) =>
  new ServiceError('invalid', detail, [{ field, code, message }]);

/** 1500 → "1.5 km", 250 → "250 m". */
export function formatDistance(meters: number): string {
  return meters >= 1000 ? `${+(meters / 1000).toFixed(2)} km` : `${Math.round(meters)} m`;
}

/** 1000, 3000 → "1–3 km"; 0, 500 → "0–500 m"; 500, 1500 → "500 m–1.5 km". */
export function formatDistanceRange(innerMeters: number, outerMeters: number): string {
  if (outerMeters >= 1000 && (innerMeters === 0 || innerMeters >= 1000))
    return `${+(innerMeters / 1000).toFixed(2)}–${formatDistance(outerMeters)}`;
  if (outerMeters < 1000) return `${Math.round(innerMeters)}–${formatDistance(outerMeters)}`;
  return `${formatDistance(innerMeters)}–${formatDistance(outerMeters)}`;
}

/** RFC 7946 ring order (outer counter-clockwise, holes clockwise), whatever the client or the clipper produced. */
export function normalized(geometry: AreaGeometry): AreaGeometry {
  return rewind(geometry, { mutate: false }) as AreaGeometry;
}

/** Radius and ring areas centre on `params.center`, or on the store `params.storeId` when no centre is given. */
function centerOf(db: Db, params: AreaParams): { center: [number, number]; storeName?: string } {
  if (params.center) return { center: [params.center[0], params.center[1]] };
  if (params.storeId) {
    const store = findStore(db, params.storeId);
    if (!store)
      throw invalid('body.params.storeId', 'unknown_store', `unknown store ${params.storeId}`);
    return { center: store.location, storeName: store.name };
  }
  throw invalid(
    'body.params.center',
    'required',
    'required: the centre [lng, lat] (or params.storeId)',
    'A radius or ring area needs params.center or params.storeId',
  );
}

/** Derived polygons are checked too: a circle across the antimeridian or a pole would not be a usable area. */
function checked(geometry: Polygon | MultiPolygon, field: string): AreaGeometry {
  const result = validateAreaGeometry(geometry);
  if (!result.ok)
    throw invalid(
      field,
      'invalid_geometry',
      `the derived polygon is not usable: ${result.message}`,
    );
  return normalized(geometry as AreaGeometry);
}

function circleShape(db: Db, kind: 'radius' | 'ring', params: AreaParams): Shaped {
  const { center, storeName } = centerOf(db, params);
  if (params.radiusMeters === undefined)
    throw invalid('body.params.radiusMeters', 'required', 'required: the radius in metres');
  const around = storeName ? ` around ${storeName}` : '';
  if (kind === 'radius') {
    const geometry = circlePolygon({ center, radiusMeters: params.radiusMeters });
    return {
      geometry: checked(geometry, 'body.params'),
      params: { ...params, center },
      suggestedName: `${formatDistance(params.radiusMeters)}${around || ' radius'}`,
    };
  }
  const innerRadiusMeters = params.innerRadiusMeters ?? 0;
  const ring = ringPolygon({ center, innerRadiusMeters, radiusMeters: params.radiusMeters });
  if (!ring.ok) throw invalid(`body.${ring.path}`, 'invalid_geometry', ring.message);
  const label = formatDistanceRange(innerRadiusMeters, params.radiusMeters);
  return {
    geometry: checked(ring.geometry, 'body.params'),
    params: { ...params, center, innerRadiusMeters },
    suggestedName: `${label}${around || ' ring'}`,
  };
}

function boundaryShape(db: Db, params: AreaParams): Shaped {
  const ids = params.boundaryIds ?? [];
  const found = findBoundaries(db, ids);
  const unknown = found.findIndex((b) => !b);
  if (unknown >= 0)
    throw invalid(
      `body.params.boundaryIds[${unknown}]`,
      'unknown_boundary',
      `unknown boundary ${ids[unknown]}`,
    );
  const boundaries = found.filter((b) => b !== undefined);
  const names = boundaries.map((b) => b.name);
  const suggestedName =
    names.length <= 3
      ? names.join(' + ')
      : `${names.slice(0, 2).join(' + ')} + ${names.length - 2} more`;
  if (boundaries.length === 1)
    return { geometry: normalized(boundaries[0]!.geometry), params, suggestedName };
  const joined = combineAreas(
    'union',
    boundaries.map((b) => b.geometry),
  );
  if (!joined.ok)
    throw invalid(
      'body.params.boundaryIds',
      'invalid_geometry',
      joined.message,
      `Could not join these neighbourhoods: ${joined.message}`,
    );
  return { geometry: normalized(joined.geometry as AreaGeometry), params, suggestedName };
}

/**
 * The geometry for a new or edited area. Radius and ring areas are always derived from their parameters;
 * boundary areas from `params.boundaryIds` when given; every other kind uses the geometry sent.
 * Throws ServiceError 'invalid' naming the field at fault.
 */
export function shapeArea(
  db: Db,
  kind: AreaKind,
  params: AreaParams,
  geometry: AreaGeometry | undefined,
): Shaped {
  if (kind === 'radius' || kind === 'ring') {
    if (geometry)
      throw invalid(
        'body.geometry',
        'not_allowed',
        `a ${kind} area is shaped by params.center and params.radiusMeters; leave out the geometry`,
      );
    return circleShape(db, kind, params);
  }
  if (kind === 'boundary' && params.boundaryIds?.length) return boundaryShape(db, params);
  if (kind === 'isochrone' && !params.isochrone)
    throw invalid(
      'body.params.isochrone',
      'required',
      'required for an isochrone area: { mode, minutes, origin }',
    );
  if (!geometry) {
    const needs =
      kind === 'boundary'
        ? 'params.boundaryIds or a geometry'
        : 'a geometry (Polygon or MultiPolygon)';
    throw invalid(
      kind === 'boundary' ? 'body.params.boundaryIds' : 'body.geometry',
      'required',
      `required for a ${kind} area: ${needs}`,
    );
  }
  return { geometry: normalized(geometry), params };
}
