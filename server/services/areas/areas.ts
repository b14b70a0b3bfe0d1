// Area writes: create (derived or drawn), versioned edits and deletes, each applied whole in one transaction with its
// audit entry. Who sees and edits which area is decided in server/domain/privacy.ts.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import {
  countAreas,
  deleteArea,
  findArea,
  insertArea,
  listAreas as listAllAreas,
  updateArea,
  updateAreaSharing,
  type AreaRecord,
  type AreaValues,
} from '../../db/repos/areas.js';
import { recordAudit } from '../../db/repos/audit.js';
import { campaignsUsingArea } from '../../db/repos/campaign-areas.js';
import type { Principal } from '../../domain/permissions.js';
import { canEditArea, canSeeArea, canShareArea, newAreaOwnership } from '../../domain/privacy.js';
import { auditActor } from '../accounts/audit-actor.js';
import { areaKm2, perimeterKm } from '../../domain/geometry/measure.js';
import {
  areaPalette,
  type AreaCreate,
  type AreaKind,
  type AreaParams,
  type AreaPatch,
} from '../../domain/schemas/area.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';
import type { Segment } from '../../domain/schemas/segment.js';
import type { AppDeps } from '../../deps.js';
import { audienceViewFor } from '../audience/viewer.js';
import { checkVersion, ServiceError } from '../errors.js';
import { shapeArea } from './shapes.js';

/** Counts the customers inside a geometry; injected (the audience engine), absent when there is none. */
export type CountCustomers = (geometry: AreaGeometry) => Promise<number | undefined>;

const fallbackNames: Record<AreaKind, string> = {
  radius: 'Radius',
  ring: 'Ring',
  polygon: 'Drawn area',
  boundary: 'Neighbourhoods',
  territory: 'Territory',
  combined: 'Combined area',
  event: 'Event area',
  isochrone: 'Travel-time area',
  trade: 'Trade area',
};

export function newAreaId(): string {
  return `ar-${randomUUID()}`;
}

/** The palette colour for the next area, continuing round robin over the areas that exist. */
export function nextColor(db: Db, offset = 0): string {
  return areaPalette[(countAreas(db) + offset) % areaPalette.length]!;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Values with their size measured: km² to the square metre, km to the metre. */
export function measured(values: Omit<AreaValues, 'areaKm2' | 'perimeterKm'>): AreaValues {
  return {
    ...values,
    areaKm2: round(areaKm2(values.geometry), 6),
    perimeterKm: round(perimeterKm(values.geometry), 3),
  };
}

/**
 * The `customers` count of areas as this caller may see it: store managers count their stores' customers only, and
 * aggregate-only roles get no count when it is below the minimum group size. With a segment, only its customers.
 */
export function customerCounter(
  { db, audience, clock }: Pick<AppDeps, 'db' | 'audience' | 'clock'>,
  principal: Principal,
  narrowTo?: Segment,
): CountCustomers {
  const view = audienceViewFor(db, principal);
  const segment = view.segment(narrowTo);
  return async (geometry) =>
    view.hideCount((await audience.audience({ geometry, segment, at: clock() })).count ?? 0) ??
    undefined;
}

export async function areaToFeature(record: AreaRecord, countCustomers?: CountCustomers) {
  const { geometry, ...properties } = record;
  const customers = await countCustomers?.(geometry);
  return {
    type: 'Feature' as const,
    id: record.id,
    geometry,
    properties: { ...properties, ...(customers === undefined ? {} : { customers }) },
  };
}

export async function areaCollection(records: AreaRecord[], countCustomers?: CountCustomers) {
  return {
    type: 'FeatureCollection' as const,
    features: await Promise.all(records.map((r) => areaToFeature(r, countCustomers))),
  };
}

/** Who is writing and when: the audit entry and the new area's owner come from here. */
export interface AreaWriter {
  principal: Principal;
  at: Date;
}

function audit(
  db: Db,
  writer: AreaWriter,
  action: 'area.create' | 'area.update' | 'area.delete',
  id: string,
  fields: string[],
): void {
  recordAudit(db, {
    at: writer.at.toISOString(),
    ...auditActor(writer.principal),
    action,
    targetType: 'area',
    targetId: id,
    detail: { fields },
  });
}

/** The area when it exists and the principal (when named) may see it; undefined otherwise. One read of the area. */
export function findVisibleArea(db: Db, id: string, principal?: Principal): AreaRecord | undefined {
  const area = findArea(db, id);
  return area && (!principal || canSeeArea(principal, area)) ? area : undefined;
}

/**
 * The area, when it exists and the principal may see it (areas they may not see answer 404, as if absent). `field`
 * is where the request named it, for the problem.
 */
export function getArea(
  db: Db,
  id: string,
  principal?: Principal,
  field = 'params.id',
): AreaRecord {
  const area = findVisibleArea(db, id, principal);
  if (!area)
    throw new ServiceError('not-found', `No area with id ${id}`, [
      { field, code: 'unknown_area', message: 'unknown area' },
    ]);
  return area;
}

/** The area for a write: 404 when invisible, 403 when visible but not theirs to change. */
function editableArea(db: Db, id: string, principal: Principal): AreaRecord {
  const area = getArea(db, id, principal);
  if (!canEditArea(principal, area))
    throw new ServiceError(
      'forbidden',
      `Area ${id} belongs to someone else: store managers change only their own areas`,
      undefined,
      { code: 'not_owner' },
    );
  return area;
}

export function listAreas(db: Db, principal: Principal): AreaRecord[] {
  return listAllAreas(db, principal.customerAccess === 'own-stores' ? principal.id : null);
}

/** Inserts a new area owned by the writer (private for store managers) and records it. */
export function insertOwnedArea(
  db: Db,
  id: string,
  values: AreaValues,
  writer: AreaWriter,
  fields: string[],
): AreaRecord {
  const area = insertArea(db, id, values, writer.at, newAreaOwnership(writer.principal));
  audit(db, writer, 'area.create', area.id, fields);
  return area;
}

export function createArea(db: Db, input: AreaCreate, writer: AreaWriter): AreaRecord {
  return db.transaction(() => {
    if (input.id && findArea(db, input.id)) {
      throw new ServiceError('conflict', `An area with id ${input.id} already exists`, [
        { field: 'body.id', code: 'id_taken', message: 'already taken' },
      ]);
    }
    const shaped = shapeArea(db, input.kind, input.params, input.geometry);
    const name =
      input.name ?? shaped.suggestedName ?? `${fallbackNames[input.kind]} ${countAreas(db) + 1}`;
    const values = measured({
      name: name.slice(0, 120),
      kind: input.kind,
      color: input.color ?? nextColor(db),
      params: shaped.params,
      geometry: shaped.geometry,
    });
    return insertOwnedArea(db, input.id ?? newAreaId(), values, writer, Object.keys(input));
  })();
}

/** Which parameters shape each kind's polygon: changing them regenerates it. */
function reshapes(kind: AreaKind, params: AreaParams | undefined): boolean {
  if (!params) return false;
  if (kind === 'radius' || kind === 'ring')
    return ['center', 'radiusMeters', 'innerRadiusMeters', 'storeId'].some((key) => key in params);
  return kind === 'boundary' && params.boundaryIds !== undefined;
}

export function patchArea(db: Db, id: string, patch: AreaPatch, writer: AreaWriter): AreaRecord {
  return db.transaction(() => {
    const current = editableArea(db, id, writer.principal);
    checkVersion('area', current.version, patch.version);
    // A new storeId without a new centre means "around that store": the old centre must not win.
    const base =
      patch.params?.storeId !== undefined && patch.params.center === undefined
        ? { ...current.params, center: undefined }
        : current.params;
    const params: AreaParams = { ...base, ...patch.params };
    let geometry = current.geometry;
    let nextParams = params;
    if (patch.geometry || reshapes(current.kind, patch.params)) {
      const shaped = shapeArea(db, current.kind, params, patch.geometry);
      geometry = shaped.geometry;
      nextParams = shaped.params;
    }
    const values = measured({
      name: patch.name ?? current.name,
      kind: current.kind,
      color: patch.color ?? current.color,
      params: stripUndefined(nextParams),
      geometry,
    });
    if (
      (patch.shared !== undefined || patch.sharedWith !== undefined) &&
      !canShareArea(writer.principal, current)
    ) {
      throw new ServiceError(
        'forbidden',
        "Only the area's owner, or an owner or manager, may change who sees it",
        [
          {
            field: patch.shared !== undefined ? 'body.shared' : 'body.sharedWith',
            code: 'not_owner',
            message: 'not yours to share',
          },
        ],
      );
    }
    const unknown = (patch.sharedWith ?? []).findIndex(
      (userId) => db.prepare('SELECT 1 FROM users WHERE id = ?').get(userId) === undefined,
    );
    if (unknown >= 0)
      throw new ServiceError('invalid', `No user with id ${patch.sharedWith![unknown]}`, [
        { field: `body.sharedWith.${unknown}`, code: 'unknown_user', message: 'unknown user' },
      ]);
    updateArea(db, id, values, current.version, writer.at);
    if (patch.shared !== undefined || patch.sharedWith !== undefined)
      updateAreaSharing(
        db,
        id,
        patch.shared ?? current.shared,
        patch.sharedWith ?? current.sharedWith,
      );
    audit(
      db,
      writer,
      'area.update',
      id,
      Object.keys(patch).filter((key) => key !== 'version'),
    );
    return getArea(db, id);
  })();
}

function stripUndefined(params: AreaParams): AreaParams {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined),
  ) as AreaParams;
}

export function removeArea(db: Db, id: string, writer: AreaWriter): void {
  db.transaction(() => {
    editableArea(db, id, writer.principal);
    // Deleting it would silently change what those campaigns target (and the database refuses it anyway).
    const campaigns = campaignsUsingArea(db, id);
    if (campaigns.length > 0) {
      const names = campaigns.map((c) => `“${c.name}”`).join(', ');
      throw new ServiceError(
        'conflict',
        `The area is used by ${campaigns.length === 1 ? 'a campaign' : `${campaigns.length} campaigns`} (${names}): remove it from them first`,
        [
          {
            field: 'params.id',
            code: 'in_use',
            message: `used by campaigns ${campaigns.map((c) => c.id).join(', ')}`,
          },
        ],
      );
    }
    deleteArea(db, id);
    audit(db, writer, 'area.delete', id, []);
  })();
}
