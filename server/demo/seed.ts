// Writes a generated demo workspace into the SQLite tables, all or nothing, in one transaction.
import { bbox } from '@turf/turf';
import type { Db } from '../db/connection.js';
import { customerCoder } from '../db/repos/customer-codes.js';
import { generateDemoWorkspace, type DemoOptions, type DemoWorkspace } from './generate.js';

export interface SeedOptions extends DemoOptions {
  /** Written to created_at / updated_at; passed in so seeding never reads the clock. */
  now: Date;
  /** Delete the current stores, customers, boundaries, events and basemap first (in the same transaction). */
  replace?: boolean;
}

export interface SeedSummary {
  stores: number;
  customers: number;
  boundaries: number;
  events: number;
}

/** Report progress every this many customers. */
const PROGRESS_EVERY = 10_000;

/** True when the database holds stores or customers, i.e. seeding without `replace` would refuse. */
export function hasWorkspaceData(db: Db): boolean {
  return (
    db
      .prepare('SELECT EXISTS (SELECT 1 FROM stores) OR EXISTS (SELECT 1 FROM customers)')
      .pluck()
      .get() === 1
  );
}

/**
 * Generates the demo workspace and inserts it; throws (and writes nothing) when the database already
 * has stores or customers, unless `replace` is set.
 * @example seedDemo(db, { seed: 42, customers: 50_000, today: '2026-11-23', now: new Date() })
 */
export function seedDemo(
  db: Db,
  options: SeedOptions,
  onProgress?: (done: number, total: number) => void,
): SeedSummary {
  const refusal =
    'The database already has stores or customers; seed again with replace (--replace) to overwrite them.';
  // Checked before generating (fast answer) and again inside the transaction (another writer may have come in between).
  if (!options.replace && hasWorkspaceData(db)) throw new Error(refusal);
  const workspace = generateDemoWorkspace(options);
  const at = options.now.toISOString();
  return db.transaction((): SeedSummary => {
    if (hasWorkspaceData(db)) {
      if (!options.replace) throw new Error(refusal);
      db.exec('DELETE FROM customers; DELETE FROM stores; DELETE FROM events;');
    }
    // Geography and settings are the demo city's own; a leftover half-seeded copy is simply replaced.
    db.exec(
      "DELETE FROM boundaries; DELETE FROM basemap_features; DELETE FROM workspace; DELETE FROM events WHERE source = 'demo';",
    );
    writeWorkspace(db, workspace, options, at);
    const customers = writeCustomers(db, workspace, options.customers, at, onProgress);
    return {
      stores: workspace.stores.length,
      customers,
      boundaries: workspace.boundaries.length,
      events: workspace.events.length,
    };
  })();
}

function writeWorkspace(db: Db, ws: DemoWorkspace, options: SeedOptions, at: string): void {
  // Text values (name, today, seededAt) are stored as is; numbers and arrays as JSON ("42", "[13.4,52.5]").
  const setting = db.prepare('INSERT INTO workspace (key, value) VALUES (?, ?)');
  const settings: Record<string, unknown> = {
    name: `${ws.city.name} (demo)`,
    seed: options.seed,
    customers: options.customers,
    today: options.today,
    center: ws.city.center,
    zoom: ws.city.zoom,
    bbox: ws.city.bbox,
    // New campaigns start on the demo city's clock.
    timeZone: ws.city.timeZone,
    seededAt: at,
  };
  for (const [key, value] of Object.entries(settings))
    setting.run(key, typeof value === 'string' ? value : JSON.stringify(value));

  const store =
    db.prepare(`INSERT INTO stores (id, name, brand, franchisee, address, attractiveness, opened, lng, lat, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  for (const s of ws.stores)
    store.run(
      s.id,
      s.name,
      s.brand,
      s.franchisee,
      s.address,
      s.attractiveness,
      s.opened,
      s.location[0],
      s.location[1],
      at,
      at,
    );

  const boundary = db.prepare(
    'INSERT INTO boundaries (id, name, population, geometry, min_lng, min_lat, max_lng, max_lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const b of ws.boundaries) {
    const [minLng, minLat, maxLng, maxLat] = bbox(b.geometry);
    boundary.run(
      b.id,
      b.name,
      b.population,
      JSON.stringify(b.geometry),
      minLng,
      minLat,
      maxLng,
      maxLat,
    );
  }

  const event =
    db.prepare(`INSERT INTO events (id, name, category, lng, lat, starts_at, ends_at, timezone, expected_attendance, source, status, version, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  for (const e of ws.events) {
    event.run(
      e.id,
      e.name,
      e.category,
      e.location[0],
      e.location[1],
      e.startsAt,
      e.endsAt,
      e.timezone,
      e.expectedAttendance,
      e.source,
      e.status,
      at,
      at,
    );
  }

  const feature = db.prepare(
    'INSERT INTO basemap_features (kind, name, geometry) VALUES (?, ?, ?)',
  );
  for (const f of ws.basemap) feature.run(f.kind, f.name, JSON.stringify(f.geometry));
}

/**
 * Inserts the customers with their attribute codes (so migration 003's per-row trigger skips them). The per-row R*Tree trigger costs ~6× the row itself, so when it is there it is
 * set aside for the load and the R*Tree is filled afterwards in Z-order (faster, and a tighter tree for
 * bbox queries), then the trigger is recreated from its own stored SQL, all inside the caller's transaction.
 */
function writeCustomers(
  db: Db,
  ws: DemoWorkspace,
  total: number,
  at: string,
  onProgress?: (done: number, total: number) => void,
): number {
  const insert =
    db.prepare(`INSERT INTO customers (id, first_name, email, phone, lng, lat, age, gender, job_title, industry, interests,
    loyalty_tier, visits, total_spend, last_purchase_at, consent, home_store_id, updated_at,
    job_code, industry_code, store_code, interest_mask, traits, last_purchase_day)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const codesOf = customerCoder(db);
  const trigger = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customers_rtree_insert'",
    )
    .pluck()
    .get();
  const bulk =
    typeof trigger === 'string' && total <= MAX_BULK
      ? {
          sql: trigger,
          seq: new Float64Array(total),
          lng: new Float64Array(total),
          lat: new Float64Array(total),
        }
      : null;
  if (bulk) db.exec('DROP TRIGGER customers_rtree_insert');
  let done = 0;
  onProgress?.(0, total);
  for (const c of ws.customers()) {
    const codes = codesOf(c);
    const row = insert.run(
      c.id,
      c.firstName,
      c.email,
      c.phone,
      c.location[0],
      c.location[1],
      c.age,
      c.gender,
      c.jobTitle,
      c.industry,
      JSON.stringify(c.interests),
      c.loyaltyTier,
      c.visits,
      c.totalSpend,
      c.lastPurchaseAt,
      c.consent ? 1 : 0,
      c.homeStoreId,
      at,
      codes.jobCode,
      codes.industryCode,
      codes.storeCode,
      codes.interestMask,
      codes.traits,
      codes.lastPurchaseDay,
    );
    if (bulk) {
      bulk.seq[done] = Number(row.lastInsertRowid);
      bulk.lng[done] = c.location[0];
      bulk.lat[done] = c.location[1];
    }
    done++;
    if (done % PROGRESS_EVERY === 0 && done < total) onProgress?.(done, total);
  }
  if (bulk) {
    const index = db.prepare(
      'INSERT INTO customers_rtree (seq, min_lng, max_lng, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
    );
    for (const i of zOrder(bulk.lng, bulk.lat, done, ws.city.bbox)) {
      const lng = bulk.lng[i] as number;
      const lat = bulk.lat[i] as number;
      index.run(bulk.seq[i], lng, lng, lat, lat);
    }
    db.exec(bulk.sql);
  }
  onProgress?.(done, total);
  return done;
}

/** Z-order keys are 32 bits and indexes 21, so key·2²¹ + index is still an exact double (2⁵³). */
const MAX_BULK = 2 ** 21;

/** Indexes 0..count-1 sorted along a Morton (Z-order) curve over the bbox; one native sort of packed doubles. */
function zOrder(
  lng: Float64Array,
  lat: Float64Array,
  count: number,
  [minX, minY, maxX, maxY]: [number, number, number, number],
): Uint32Array {
  const spread = (v: number) => {
    let x = v & 0xffff;
    x = (x | (x << 8)) & 0x00ff00ff;
    x = (x | (x << 4)) & 0x0f0f0f0f;
    x = (x | (x << 2)) & 0x33333333;
    return (x | (x << 1)) & 0x55555555;
  };
  const cell = (v: number, min: number, max: number) =>
    Math.max(0, Math.min(0xffff, Math.floor(((v - min) / (max - min || 1)) * 0xffff)));
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const key =
      (spread(cell(lng[i] ?? 0, minX, maxX)) | (spread(cell(lat[i] ?? 0, minY, maxY)) << 1)) >>> 0;
    packed[i] = key * MAX_BULK + i;
  }
  packed.sort();
  return Uint32Array.from(packed, (p) => p % MAX_BULK);
}
