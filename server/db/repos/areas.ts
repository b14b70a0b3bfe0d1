// Areas table access. Every function takes the Db so callers choose the transaction.
import { bbox } from '@turf/turf';
import type { Db } from '../connection.js';
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
}

/** What a write supplies; id, version and timestamps are the repo's. */
export type AreaValues = Pick<AreaRecord, 'name' | 'kind' | 'color' | 'params' | 'geometry' | 'areaKm2' | 'perimeterKm'>;

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
}

const columns = 'id, name, kind, color, params, geometry, area_km2, perimeter_km, version, created_at, updated_at';

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
  };
}

export function listAreas(db: Db): AreaRecord[] {
  return (db.prepare(`SELECT ${columns} FROM areas ORDER BY created_at, id`).all() as AreaRow[]).map(toRecord);
}

export function findArea(db: Db, id: string): AreaRecord | undefined {
  const row = db.prepare(`SELECT ${columns} FROM areas WHERE id = ?`).get(id) as AreaRow | undefined;
  return row && toRecord(row);
}

export function countAreas(db: Db): number {
  return db.prepare('SELECT count(*) FROM areas').pluck().get() as number;
}

export function insertArea(db: Db, id: string, values: AreaValues, now: Date): AreaRecord {
  const [minLng, minLat, maxLng, maxLat] = bbox(values.geometry);
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO areas (id, name, kind, color, params, geometry, min_lng, min_lat, max_lng, max_lat, area_km2, perimeter_km, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(id, values.name, values.kind, values.color, JSON.stringify(values.params), JSON.stringify(values.geometry), minLng, minLat, maxLng, maxLat, values.areaKm2, values.perimeterKm, at, at);
  return findArea(db, id)!;
}

/** Writes the new values only when `version` still matches; returns false when someone else saved first. */
export function updateArea(db: Db, id: string, values: AreaValues, version: number, now: Date): boolean {
  const [minLng, minLat, maxLng, maxLat] = bbox(values.geometry);
  const result = db
    .prepare(
      `UPDATE areas SET name = ?, color = ?, params = ?, geometry = ?, min_lng = ?, min_lat = ?, max_lng = ?, max_lat = ?,
       area_km2 = ?, perimeter_km = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
    )
    .run(values.name, values.color, JSON.stringify(values.params), JSON.stringify(values.geometry), minLng, minLat, maxLng, maxLat, values.areaKm2, values.perimeterKm, now.toISOString(), id, version);
  return result.changes === 1;
}

export function deleteArea(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM areas WHERE id = ?').run(id).changes === 1;
}
