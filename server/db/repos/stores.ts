// Stores table access. Every function takes the Db so callers choose the transaction.
import type { Db } from '../connection.js';
import type { StoreCreate, StorePatch, StoreRecord } from '../../domain/schemas/store.js';

interface StoreRow {
  id: string;
  name: string;
  brand: string;
  franchisee: string;
  address: string;
  attractiveness: number;
  opened: string | null;
  lng: number;
  lat: number;
  version: number;
  homeCustomers: number;
}

// The customer count uses the home-store index: one index range per store.
const columns = `id, name, brand, franchisee, address, attractiveness, opened, lng, lat, version,
  (SELECT count(*) FROM customers WHERE home_store_id = stores.id) AS homeCustomers`;

function toStore(row: StoreRow): StoreRecord {
  const { lng, lat, opened, ...rest } = row;
  return { ...rest, opened: opened ?? '', location: [lng, lat] };
}

export function listStores(db: Db): StoreRecord[] {
  return (db.prepare(`SELECT ${columns} FROM stores ORDER BY brand, name`).all() as StoreRow[]).map(
    toStore,
  );
}

/** Every store's id, name and place, without the home-customer counts (an index range per store at a million). */
export function storePlaces(db: Db): { id: string; name: string; location: [number, number] }[] {
  const rows = db.prepare('SELECT id, name, lng, lat FROM stores ORDER BY brand, name').all() as {
    id: string;
    name: string;
    lng: number;
    lat: number;
  }[];
  return rows.map(({ id, name, lng, lat }) => ({ id, name, location: [lng, lat] }));
}

export function findStore(db: Db, id: string): StoreRecord | undefined {
  const row = db.prepare(`SELECT ${columns} FROM stores WHERE id = ?`).get(id) as
    StoreRow | undefined;
  return row && toStore(row);
}

export function insertStore(db: Db, id: string, input: StoreCreate, now: Date): StoreRecord {
  const [lng, lat] = input.location.coordinates;
  db.prepare(
    `INSERT INTO stores (id, name, brand, franchisee, address, attractiveness, opened, lng, lat, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(
    id,
    input.name,
    input.brand,
    input.franchisee,
    input.address,
    input.attractiveness,
    input.opened ?? null,
    lng,
    lat,
    now.toISOString(),
    now.toISOString(),
  );
  return findStore(db, id)!;
}

/** Applies the patch only when `version` still matches; returns false when someone else saved first. */
export function updateStore(db: Db, id: string, patch: StorePatch, now: Date): boolean {
  const current = findStore(db, id);
  if (!current) return false;
  const [lng, lat] = patch.location?.coordinates ?? current.location;
  const result = db
    .prepare(
      `UPDATE stores SET name = ?, brand = ?, franchisee = ?, address = ?, attractiveness = ?, opened = ?, lng = ?, lat = ?,
       version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
    )
    .run(
      patch.name ?? current.name,
      patch.brand ?? current.brand,
      patch.franchisee ?? current.franchisee,
      patch.address ?? current.address,
      patch.attractiveness ?? current.attractiveness,
      patch.opened ?? (current.opened || null),
      lng,
      lat,
      now.toISOString(),
      id,
      patch.version,
    );
  return result.changes === 1;
}

export function deleteStore(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM stores WHERE id = ?').run(id).changes === 1;
}
