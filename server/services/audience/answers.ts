// The answers of /api/audience as the caller may see them (audience/viewer.ts): who is inside an area, the facets for
// the segment builder, and the CSV export. The area is a saved one (read once, hidden ones as if absent) or a geometry.
import type { AppDeps } from '../../deps.js';
import { checkRings } from '../../domain/geometry/ring-checks.js';
import { validateAreaGeometry } from '../../domain/geometry/validate-area.js';
import type { Principal } from '../../domain/permissions.js';
import type { Audience, AudienceRequest } from '../../domain/schemas/audience.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { Db } from '../../db/connection.js';
import { findVisibleArea } from '../areas/areas.js';
import { ServiceError } from '../errors.js';
import { audienceCsv } from './export.js';
import { audienceViewFor } from './viewer.js';
import { againstCity } from './city-baseline.js';

/**
 * The counted area. A shape being drawn is counted even while it crosses itself (`checkRings` only); an export takes
 * the rules of a saved area (`validateAreaGeometry`), so no CSV comes from a shape that could not be saved. `field` is
 * where the request named a saved area, for the 404.
 */
function geometryOf(
  db: Db,
  principal: Principal,
  request: AudienceRequest,
  field: string,
  rules: 'drawing' | 'area',
): AreaGeometry {
  if ('geometry' in request && rules === 'area') {
    const result = validateAreaGeometry(request.geometry);
    if (!result.ok) {
      throw new ServiceError(
        'invalid',
        `The geometry is not a usable area: ${result.message}`,
        [{ field: `body.${result.path}`, code: 'invalid_geometry', message: result.message }],
        { reason: result.reason, ...(result.at ? { at: result.at } : {}) },
      );
    }
  }
  if ('geometry' in request) {
    const rings = checkRings(request.geometry);
    if (!rings.ok)
      throw new ServiceError('invalid', `The geometry is invalid: ${rings.reason}`, [
        {
          field: ['body', 'geometry', ...rings.path].join('.'),
          code: 'invalid_geometry',
          message: rings.reason,
        },
      ]);
    return request.geometry;
  }
  // An area the caller may not see is answered as if it did not exist.
  const area = findVisibleArea(db, request.areaId, principal);
  if (!area)
    throw new ServiceError('not-found', `no area ${request.areaId}`, [
      { field, code: 'unknown_area', message: 'unknown area' },
    ]);
  return area.geometry;
}

/**
 * Who is inside the area (and in the segment, narrowed to the caller's stores), small groups hidden for aggregate
 * roles, each group's share set against the whole city's (same segment, same scope).
 */
export async function audienceFor(
  { db, audience, cityBaselines }: Pick<AppDeps, 'db' | 'audience' | 'cityBaselines'>,
  principal: Principal,
  request: AudienceRequest,
  at: Date,
): Promise<Audience> {
  const geometry = geometryOf(db, principal, request, 'body.areaId', 'drawing');
  const view = audienceViewFor(db, principal);
  const segment = view.segment(request.segment);
  const [inside] = await Promise.all([
    audience.audience({ geometry, segment, at }),
    // Started alongside, so a cold baseline's scan overlaps the area's.
    cityBaselines.baseline(segment, at),
  ]);
  return againstCity(cityBaselines, view, view.hide(inside), segment, at);
}

/** Job titles, industries, interests and home stores among the customers the caller may see, small groups hidden. */
export function facetsFor(
  { db, customerIndex }: Pick<AppDeps, 'db' | 'customerIndex'>,
  principal: Principal,
) {
  const view = audienceViewFor(db, principal);
  return view.hideFacets(customerIndex.facets(view.storeIds));
}

/** The consented customers inside the area and segment (narrowed to the caller's stores) as a CSV stream, and its file name. */
export async function audienceExport(
  { db, audience }: Pick<AppDeps, 'db' | 'audience'>,
  principal: Principal,
  request: AudienceRequest,
  field: string,
  at: Date,
): Promise<{ csv: ReadableStream<Uint8Array>; fileName: string }> {
  const geometry = geometryOf(db, principal, request, field, 'area');
  const segment = audienceViewFor(db, principal).segment(request.segment);
  const seqs = await audience.consentedSeqs({ geometry, segment, at });
  const name =
    'areaId' in request ? request.areaId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) : 'area';
  return {
    csv: audienceCsv(db, seqs, { geometry, segment, at }),
    fileName: `audience-${name}-${at.toISOString().slice(0, 10)}.csv`,
  };
}
