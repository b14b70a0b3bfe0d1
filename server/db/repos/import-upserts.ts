// Upserts of imported records by their own id, with prepared statements: each answers whether it inserted or updated.
import type { Db } from '../connection.js';
import type {
  BoundaryImport,
  CustomerImport,
  ImportRecords,
  PurchaseImport,
  StoreImport,
} from '../../domain/import/records.js';
import type { ImportKind } from '../../domain/import/fields.js';

export type Upsert<K extends ImportKind> = (
  record: ImportRecords[K],
  now: string,
) => 'inserted' | 'updated';

function exists(db: Db, table: string) {
  const statement = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
  return (id: string) => statement.get(id) !== undefined;
}

function customers(db: Db): Upsert<'customers'> {
  const has = exists(db, 'customers');
  const write = db.prepare(
    `INSERT INTO customers (id, first_name, email, phone, lng, lat, age, gender, job_title, industry, interests,
       loyalty_tier, visits, total_spend, last_purchase_at, consent, home_store_id, updated_at)
     VALUES (@id, @firstName, @email, @phone, @lng, @lat, @age, @gender, @jobTitle, @industry, @interests,
       @loyaltyTier, @visits, @totalSpend, @lastPurchaseAt, @consent, @homeStoreId, @now)
     ON CONFLICT(id) DO UPDATE SET first_name = excluded.first_name, email = excluded.email, phone = excluded.phone,
       lng = excluded.lng, lat = excluded.lat, age = excluded.age, gender = excluded.gender,
       job_title = excluded.job_title, industry = excluded.industry, interests = excluded.interests,
       loyalty_tier = excluded.loyalty_tier, visits = excluded.visits, total_spend = excluded.total_spend,
       last_purchase_at = excluded.last_purchase_at, consent = excluded.consent,
       home_store_id = excluded.home_store_id, updated_at = excluded.updated_at`,
  );
  return (c: CustomerImport, now) => {
    const existed = has(c.id);
    write.run({
      ...c,
      lng: c.location[0],
      lat: c.location[1],
      interests: JSON.stringify(c.interests),
      consent: c.consent ? 1 : 0,
      now,
    });
    return existed ? 'updated' : 'inserted';
  };
}

function stores(db: Db): Upsert<'stores'> {
  const has = exists(db, 'stores');
  const write = db.prepare(
    `INSERT INTO stores (id, name, brand, franchisee, address, attractiveness, opened, lng, lat, version, created_at, updated_at)
     VALUES (@id, @name, @brand, @franchisee, @address, @attractiveness, @opened, @lng, @lat, 1, @now, @now)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, brand = excluded.brand, franchisee = excluded.franchisee,
       address = excluded.address, attractiveness = excluded.attractiveness, opened = excluded.opened,
       lng = excluded.lng, lat = excluded.lat, version = stores.version + 1, updated_at = excluded.updated_at`,
  );
  return (s: StoreImport, now) => {
    const existed = has(s.id);
    write.run({ ...s, lng: s.location[0], lat: s.location[1], now });
    return existed ? 'updated' : 'inserted';
  };
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

function boundaries(db: Db): Upsert<'boundaries'> {
  const has = exists(db, 'boundaries');
  const write = db.prepare(
    `INSERT INTO boundaries (id, name, population, geometry, min_lng, min_lat, max_lng, max_lat)
     VALUES (@id, @name, @population, @geometry, @minLng, @minLat, @maxLng, @maxLat)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, population = excluded.population, geometry = excluded.geometry,
       min_lng = excluded.min_lng, min_lat = excluded.min_lat, max_lng = excluded.max_lng, max_lat = excluded.max_lat`,
  );
  return (b: BoundaryImport) => {
    const existed = has(b.id);
    const [minLng, minLat, maxLng, maxLat] = geometryBbox(b.geometry);
    write.run({ ...b, geometry: JSON.stringify(b.geometry), minLng, minLat, maxLng, maxLat });
    return existed ? 'updated' : 'inserted';
  };
}

function purchases(db: Db): Upsert<'purchases'> {
  const has = exists(db, 'purchases');
  const write = db.prepare(
    `INSERT INTO purchases (id, customer_id, store_id, purchased_at, amount, discount, product_category)
     VALUES (@id, @customerId, @storeId, @purchasedAt, @amount, @discount, @productCategory)
     ON CONFLICT(id) DO UPDATE SET customer_id = excluded.customer_id, store_id = excluded.store_id,
       purchased_at = excluded.purchased_at, amount = excluded.amount, discount = excluded.discount,
       product_category = excluded.product_category`,
  );
  return (p: PurchaseImport) => {
    const existed = has(p.id);
    write.run(p);
    return existed ? 'updated' : 'inserted';
  };
}

const makers = { customers, stores, boundaries, purchases };

/** The prepared upsert for a kind; prepare once per job, call per record inside the job's transactions. */
export function prepareUpsert<K extends ImportKind>(db: Db, kind: K): Upsert<K> {
  return makers[kind](db) as Upsert<K>;
}
