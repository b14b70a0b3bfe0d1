// Areas table access. Every function takes the Db so callers choose the transaction.
import { bbox } from '@turf/turf';
import type { Db } from '../connection.js';
import { statement } from '../statements.js';
import type { AreaKind, AreaParams } from '../../domain/schemas/area.js';
import type { AreaGeometry } from '../../domain/schemas/geojson.js';

/** An area as stored: its properties (without the customer count, which is computed) and its geometry. */
export interface AreaRecord {
  id: string;
  name: string;
  kind: AreaKind;
  color: string;
  params: AreaParams;
  geometry: AreaGeometry;
  areaKm2: number;
  perimeterKm: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The user who created it (null for areas from before accounts, or when that user is gone). */
  owner: string | null;
  /** Visible to everyone; otherwise only to its owner, the users in sharedWith, and roles that see all areas. */
  shared: boolean;
  sharedWith: string[];
}

/** Who owns a new area and whether everyone sees it. */
export interface AreaOwnership {
  owner: string | null;
  shared: boolean;
}

/** What a write supplies; id, version and timestamps are the repo's. */
export type AreaValues = Pick<
  AreaRecord,
  'name' | 'kind' | 'color' | 'params' | 'geometry' | 'areaKm2' | 'perimeterKm'
>;

interface AreaRow {
  id: string;
  name: string;
  kind: AreaKind;
  color: string;
  params: string;
  geometry: string;
  area_km2: number;
  perimeter_km: number;
  version: number;
  created_at: string;
  updated_at: string;
  owner_id: string | null;
  shared: 0 | 1;
  shared_with: string;
}

const columns = `id, name, kind, color, params, geometry, area_km2, perimeter_km, version, created_at, updated_at, owner_id, shared,
  (SELECT json_group_array(user_id) FROM (SELECT user_id FROM area_shares WHERE area_id = areas.id ORDER BY user_id)) AS shared_with`;

function toRecord(row: AreaRow): AreaRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    color: row.color,
    params: JSON.parse(row.params) as AreaParams,
    geometry: JSON.parse(row.geometry) as AreaGeometry,
    areaKm2: row.area_km2,
    perimeterKm: row.perimeter_km,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    owner: row.owner_id,
    shared: row.shared === 1,
    sharedWith: JSON.parse(row.shared_with) as string[],
  };
}

/** Every area, or (for a viewer's id) those the viewer owns, shared with everyone, or shared with them. */
export function listAreas(db: Db, visibleTo: string | null = null): AreaRecord[] {
  return (
    statement(
      db,
      `SELECT ${columns} FROM areas
       WHERE @viewer IS NULL OR owner_id = @viewer OR shared = 1 OR id IN (SELECT area_id FROM area_shares WHERE user_id = @viewer)
       ORDER BY created_at, id`,
    ).all({ viewer: visibleTo }) as AreaRow[]
  ).map(toRecord);
}

/** Every area's id and version in listAreas order: enough for a cache of parsed areas to tell which it can keep. */
export function listAreaVersions(db: Db): { id: string; version: number }[] {
  return statement(db, 'SELECT id, version FROM areas ORDER BY created_at, id').all() as {
    id: string;
    version: number;
  }[];
}

/** The areas with these ids, in no particular order; unknown ids are left out. */
export function findAreas(db: Db, ids: readonly string[]): AreaRecord[] {
  if (ids.length === 0) return [];
  const rows = statement(
    db,
    `SELECT ${columns} FROM areas WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as AreaRow[];
  return rows.map(toRecord);
}

export function findArea(db: Db, id: string): AreaRecord | undefined {
  const row = statement(db, `SELECT ${columns} FROM areas WHERE id = ?`).get(id) as
    AreaRow | undefined;
  return row && toRecord(row);
}

export function countAreas(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM areas').get() as { n: number }).n;
}

export function insertArea(
  db: Db,
  id: string,
  values: AreaValues,
  now: Date,
  ownership: AreaOwnership = { owner: null, shared: true },
): AreaRecord {
  const [minLng, minLat, maxLng, maxLat] = bbox(values.geometry);
  const at = now.toISOString();
  statement(
    db,
    `INSERT INTO areas (id, name, kind, color, params, geometry, min_lng, min_lat, max_lng, max_lat, area_km2, perimeter_km, version, created_at, updated_at, owner_id, shared)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(
    id,
    values.name,
    values.kind,
    values.color,
    JSON.stringify(values.params),
    JSON.stringify(values.geometry),
    minLng,
    minLat,
    maxLng,
    maxLat,
    values.areaKm2,
    values.perimeterKm,
    at,
    at,
    ownership.owner,
    ownership.shared ? 1 : 0,
  );
  return findArea(db, id)!;
}

/** Replaces who an area is shared with (call inside the write's transaction). */
export function updateAreaSharing(db: Db, id: string, shared: boolean, sharedWith: string[]): void {
  statement(db, 'UPDATE areas SET shared = ? WHERE id = ?').run(shared ? 1 : 0, id);
  statement(db, 'DELETE FROM area_shares WHERE area_id = ?').run(id);
  const add = statement(db, 'INSERT OR IGNORE INTO area_shares (area_id, user_id) VALUES (?, ?)');
  for (const userId of sharedWith) add.run(id, userId);
}

/** Writes the new values only when `version` still matches; returns false when someone else saved first. */
export function updateArea(
  db: Db,
  id: string,
  values: AreaValues,
  version: number,
  now: Date,
): boolean {
  const [minLng, minLat, maxLng, maxLat] = bbox(values.geometry);
  const result = statement(
    db,
    `UPDATE areas SET name = ?, color = ?, params = ?, geometry = ?, min_lng = ?, min_lat = ?, max_lng = ?, max_lat = ?,
     area_km2 = ?, perimeter_km = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
  ).run(
    values.name,
    values.color,
    JSON.stringify(values.params),
    JSON.stringify(values.geometry),
    minLng,
    minLat,
    maxLng,
    maxLat,
    values.areaKm2,
    values.perimeterKm,
    now.toISOString(),
    id,
    version,
  );
  return result.changes === 1;
}

export function deleteArea(db: Db, id: string): boolean {
  return statement(db, 'DELETE FROM areas WHERE id = ?').run(id).changes === 1;
}
