// Writes a generated demo workspace into the SQLite tables, all or nothing, in one transaction.
import { bbox } from '@turf/turf';
import type { Db } from '../db/connection.js';
import { writeNewCustomers } from '../db/repos/customer-bulk.js';
import { demoSeededAt } from '../db/repos/demo.js';
import { bulkPurchases } from '../db/repos/purchases.js';
import { purchaseWriter, withIndexesAfter } from '../db/repos/purchase-bulk.js';
import { countStreets, deleteStreets, insertStreets } from '../db/repos/streets.js';
import { readWorkspaceSettings } from '../db/repos/workspace.js';
import {
  generateDemoStreets,
  generateDemoWorkspace,
  type DemoOptions,
  type DemoWorkspace,
} from './generate.js';
import { purchaseHistories } from './purchases.js';
import type { Customer } from '../domain/schemas/customer.js';

export interface SeedOptions extends DemoOptions {
  /** Written to created_at / updated_at; passed in so seeding never reads the clock. */
  now: Date;
  /** Delete the current stores, customers, boundaries, events, basemap and streets first (in the same transaction). */
  replace?: boolean;
}

export interface SeedSummary {
  stores: number;
  customers: number;
  boundaries: number;
  events: number;
  purchases: number;
}

/** Page cache while seeding, in KiB (negative: a size rather than a page count), freed afterwards. */
const BULK_CACHE_KIB = -131_072;
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
  // The index builds and the aggregate's GROUP BY read far more than SQLite's default 2 MB page cache holds.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  try {
    return seedInTransaction(db, workspace, options, at, refusal, onProgress);
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

function seedInTransaction(
  db: Db,
  workspace: DemoWorkspace,
  options: SeedOptions,
  at: string,
  refusal: string,
  onProgress?: (done: number, total: number) => void,
): SeedSummary {
  return db.transaction((): SeedSummary => {
    if (hasWorkspaceData(db)) {
      if (!options.replace) throw new Error(refusal);
      db.exec('DELETE FROM customers; DELETE FROM stores; DELETE FROM events;');
      bulkPurchases(db, () => db.exec('DELETE FROM purchases'));
    }
    // Geography and settings are the demo city's own; a leftover half-seeded copy is simply replaced.
    db.exec(
      "DELETE FROM boundaries; DELETE FROM basemap_features; DELETE FROM workspace; DELETE FROM events WHERE source = 'demo';",
    );
    deleteStreets(db);
    writeWorkspace(db, workspace, options, at);
    const { customers, purchases } = bulkPurchases(db, () =>
      withIndexesAfter(db, () => writeCustomers(db, workspace, options, at, onProgress)),
    );
    return {
      stores: workspace.stores.length,
      customers,
      boundaries: workspace.boundaries.length,
      events: workspace.events.length,
      purchases,
    };
  })();
}

/**
 * A demo seeded before the street network existed (migration 012) gets its streets from its own seed, so its
 * basemap matches a fresh one. Returns how many streets it wrote (0 when there is no demo or it has streets).
 */
export function backfillDemoStreets(db: Db): number {
  if (demoSeededAt(db) === null || countStreets(db) > 0) return 0;
  const seed = Number(readWorkspaceSettings(db).seed);
  if (!Number.isSafeInteger(seed)) return 0;
  const network = generateDemoStreets(seed);
  db.transaction(() => insertStreets(db, network))();
  return network.streets.length;
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
  insertStreets(db, ws.streets);
}

/**
 * Inserts the generated customers through the bulk writer (codes set in the INSERT, R*Tree filled in Z-order), each
 * after their purchase history, whose total becomes their spend: the summary the behaviour rebuild derives then
 * changes nothing. The caller sets the purchase triggers aside and rebuilds the aggregate once (bulkPurchases).
 */
function writeCustomers(
  db: Db,
  ws: DemoWorkspace,
  options: SeedOptions,
  at: string,
  onProgress?: (done: number, total: number) => void,
): { customers: number; purchases: number } {
  const total = options.customers;
  const purchases = purchaseWriter(db);
  const historyOf = purchaseHistories({
    seed: options.seed,
    today: options.today,
    stores: ws.stores,
    events: ws.events,
  });
  function* withHistories(): Generator<Customer> {
    for (const customer of ws.customers()) {
      let cents = 0;
      let count = 0;
      for (const p of historyOf(customer)) {
        purchases.add(p);
        cents += Math.round(p.amount * 100);
        count++;
      }
      yield count > 0 ? { ...customer, totalSpend: cents / 100 } : customer;
    }
  }
  onProgress?.(0, total);
  const { seqs } = writeNewCustomers(db, withHistories(), at, (done) => {
    if (done % PROGRESS_EVERY === 0 && done < total) onProgress?.(done, total);
  });
  onProgress?.(seqs.length, total);
  return { customers: seqs.length, purchases: purchases.finish() };
}
