// Upserts of imported records by their own id, a batch at a time: one query finds which ids exist, new rows are
// inserted, existing ones updated, and the counts say which. Call inside the import's transaction.
import type { Db } from '../connection.js';
import { writeNewCustomers } from './customer-bulk.js';
import { readBehaviours } from './customer-behaviour.js';
import type { CustomerBehaviour } from '../../domain/behaviour.js';
import { preparePurchaseUpsert } from './purchases.js';
import type {
  BoundaryImport,
  CustomerImport,
  ImportRecords,
  StoreImport,
} from '../../domain/import/records.js';
import type { ImportKind } from '../../domain/import/fields.js';

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Customers only: each written customer with its seq and behaviour, for the in-memory index. */
  customers?: (CustomerImport & { seq: number; behaviour: CustomerBehaviour | null })[];
  /** Purchases only: the customers whose behaviour may have changed. */
  customerIds?: string[];
}

export type BatchUpsert<K extends ImportKind> = (
  records: readonly ImportRecords[K][],
  now: string,
) => UpsertResult;

type Upsert<K extends ImportKind> = (
  record: ImportRecords[K],
  now: string,
) => 'inserted' | 'updated';

function exists(db: Db, table: string) {
  const statement = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
  return (id: string) => statement.get(id) !== undefined;
}

/** id → seq (or rowid) of the rows of `table` among these ids: one query for a whole batch. */
function existingIds(db: Db, table: string, key: 'seq' | 'rowid') {
  const statement = db.prepare(
    `SELECT id, ${key} AS seq FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
  );
  return (ids: readonly string[]) =>
    new Map(
      (statement.all(JSON.stringify(ids)) as { id: string; seq: number }[]).map((r) => [
        r.id,
        r.seq,
      ]),
    );
}

/** A batch upsert from a per-record one (stores and neighbourhoods: few rows, no bulk path needed). */
function perRecord<K extends ImportKind>(upsert: Upsert<K>): BatchUpsert<K> {
  return (records, now) => {
    const result = { inserted: 0, updated: 0 };
    for (const record of records) result[upsert(record, now)]++;
    return result;
  };
}

function customers(db: Db): BatchUpsert<'customers'> {
  const existing = existingIds(db, 'customers', 'seq');
  const update = db.prepare(
    `UPDATE customers SET first_name = @firstName, email = @email, phone = @phone, lng = @lng, lat = @lat,
       age = @age, gender = @gender, job_title = @jobTitle, industry = @industry, interests = @interests,
       loyalty_tier = @loyaltyTier, consent = @consent, home_store_id = @homeStoreId, updated_at = @now
     WHERE seq = @seq`,
  );
  // A customer with purchase rows has their summary from them (migration 014); the file's figures are for the rest.
  const summary = db.prepare(
    `UPDATE customers SET visits = @visits, total_spend = @totalSpend, last_purchase_at = @lastPurchaseAt
     WHERE seq = @seq AND NOT EXISTS (SELECT 1 FROM customer_behaviour WHERE customer_id = @id)`,
  );
  const summaryOf = db.prepare(
    'SELECT visits, total_spend AS totalSpend, last_purchase_at AS lastPurchaseAt FROM customers WHERE seq = ?',
  );
  return (records, now) => {
    if (records.length === 0) return { inserted: 0, updated: 0, customers: [] };
    const seqOf = existing(records.map((c) => c.id));
    const fresh = records.filter((c) => !seqOf.has(c.id));
    const { seqs } = writeNewCustomers(db, fresh, now);
    // The batch's records are the import's own: they take their seq rather than being copied for the index.
    const behaviours = readBehaviours(
      db,
      records.map((c) => c.id),
    );
    const written = fresh.map((c, i) =>
      Object.assign(c, { seq: seqs[i]!, behaviour: behaviours.get(c.id) ?? null }),
    );
    for (const c of records) {
      const seq = seqOf.get(c.id);
      if (seq === undefined) continue;
      const row = { ...c, seq, lng: c.location[0], lat: c.location[1] };
      update.run({
        ...row,
        interests: JSON.stringify(c.interests),
        consent: c.consent ? 1 : 0,
        now,
      });
      summary.run(row);
      written.push(Object.assign(c, { seq, behaviour: behaviours.get(c.id) ?? null }));
    }
    // The index gets the summary the table now holds (the purchases', where there are any).
    for (const c of written)
      if (c.behaviour) Object.assign(c, summaryOf.get(c.seq) as Partial<CustomerImport>);
    return { inserted: fresh.length, updated: seqOf.size, customers: written };
  };
}

function stores(db: Db): BatchUpsert<'stores'> {
  const has = exists(db, 'stores');
  const write = db.prepare(
    `INSERT INTO stores (id, name, brand, franchisee, address, attractiveness, opened, lng, lat, version, created_at, updated_at)
     VALUES (@id, @name, @brand, @franchisee, @address, @attractiveness, @opened, @lng, @lat, 1, @now, @now)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, brand = excluded.brand, franchisee = excluded.franchisee,
       address = excluded.address, attractiveness = excluded.attractiveness, opened = excluded.opened,
       lng = excluded.lng, lat = excluded.lat, version = stores.version + 1, updated_at = excluded.updated_at`,
  );
  return perRecord((s: StoreImport, now) => {
    const existed = has(s.id);
    write.run({ ...s, lng: s.location[0], lat: s.location[1], now });
    return existed ? 'updated' : 'inserted';
  });
}

function geometryBbox(geometry: BoundaryImport['geometry']): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [lng, lat] of ring) {
        box[0] = Math.min(box[0], lng!);
        box[1] = Math.min(box[1], lat!);
        box[2] = Math.max(box[2], lng!);
        box[3] = Math.max(box[3], lat!);
      }
  return box;
}

function boundaries(db: Db): BatchUpsert<'boundaries'> {
  const has = exists(db, 'boundaries');
  const write = db.prepare(
    `INSERT INTO boundaries (id, name, population, geometry, min_lng, min_lat, max_lng, max_lat)
     VALUES (@id, @name, @population, @geometry, @minLng, @minLat, @maxLng, @maxLat)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, population = excluded.population, geometry = excluded.geometry,
       min_lng = excluded.min_lng, min_lat = excluded.min_lat, max_lng = excluded.max_lng, max_lat = excluded.max_lat`,
  );
  return perRecord((b: BoundaryImport) => {
    const existed = has(b.id);
    const [minLng, minLat, maxLng, maxLat] = geometryBbox(b.geometry);
    write.run({ ...b, geometry: JSON.stringify(b.geometry), minLng, minLat, maxLng, maxLat });
    return existed ? 'updated' : 'inserted';
  });
}

/** Purchases: an unchanged re-import counts as updated (the file's row was matched) but writes nothing. */
function purchases(db: Db): BatchUpsert<'purchases'> {
  const upsert = preparePurchaseUpsert(db);
  return (records) => {
    const result = upsert(records);
    return {
      inserted: result.inserted,
      updated: result.updated + result.unchanged,
      customerIds: result.customerIds,
    };
  };
}

const makers = { customers, stores, boundaries, purchases };

/** The prepared batch upsert for a kind; prepare once per job, call per batch inside the job's transactions. */
export function prepareUpsert<K extends ImportKind>(db: Db, kind: K): BatchUpsert<K> {
  return makers[kind](db) as BatchUpsert<K>;
}
