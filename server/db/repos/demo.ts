// The rows the demo seeder wrote (server/demo/seed.ts), recognised without a marker column: the workspace's `seededAt`
// setting says a demo was seeded and when; a demo row has the demo generator's id shape and, where the table keeps one,
// that instant as its timestamp. A store or customer a person added or imported later has another id or time, so it stays.
import type { Db } from '../connection.js';
import { deleteStreets } from './streets.js';
import { bulkPurchases } from './purchases.js';
import { OWN_WORKSPACE_NAME } from './workspace.js';

/** WHERE clauses for each table's demo rows; `@seededAt` is the workspace's seededAt setting. */
const demoRows = {
  stores: "id GLOB 'st-[0-9][0-9]' AND created_at = @seededAt",
  customers: "id GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND updated_at = @seededAt",
  boundaries: "id GLOB 'nb-[0-9][0-9]'",
  events: "source = 'demo'",
} as const;

/** Workspace settings only the seeder writes; removing the demo removes them. */
const demoSettings = ['seed', 'customers', 'today', 'seededAt'];

export interface DemoCounts {
  stores: number;
  customers: number;
  boundaries: number;
  events: number;
}

/** When the demo was seeded, or null when the workspace holds no demo (never seeded, or removed). */
export function demoSeededAt(db: Db): string | null {
  const value = db.prepare("SELECT value FROM workspace WHERE key = 'seededAt'").pluck().get();
  return typeof value === 'string' ? value : null;
}

export function countDemoRows(db: Db, seededAt: string): DemoCounts {
  const count = (table: keyof typeof demoRows) =>
    db
      .prepare(`SELECT count(*) FROM ${table} WHERE ${demoRows[table]}`)
      .pluck()
      .get({ seededAt }) as number;
  return {
    stores: count('stores'),
    customers: count('customers'),
    boundaries: count('boundaries'),
    events: count('events'),
  };
}

/** The demo customers' seqs (the in-memory index drops them by seq). */
export function demoCustomerSeqs(db: Db, seededAt: string): number[] {
  return db
    .prepare(`SELECT seq FROM customers WHERE ${demoRows.customers}`)
    .pluck()
    .all({ seededAt }) as number[];
}

/**
 * Deletes the demo rows (their generated purchases too), the demo basemap and streets, and the seeder's settings; run it inside the caller's transaction. Redemptions
 * of demo customers stay without the customer's id (as after an erasure); those at demo stores lose the store through
 * the foreign key. The map's view (centre, zoom, bbox) stays, so the map does not jump; a demo name becomes "My workspace".
 */
export function deleteDemoRows(db: Db, seededAt: string, removedAt: string): DemoCounts {
  const remove = (table: keyof typeof demoRows) =>
    db.prepare(`DELETE FROM ${table} WHERE ${demoRows[table]}`).run({ seededAt }).changes;
  db.prepare(
    `UPDATE redemptions SET customer_id = NULL WHERE customer_id IN (SELECT id FROM customers WHERE ${demoRows.customers})`,
  ).run({ seededAt });
  // The generated history goes; a till's purchase of a demo customer stays without the customer (as a redemption).
  bulkPurchases(db, () => {
    db.exec("DELETE FROM purchases WHERE id GLOB 'dp-C*'");
    db.prepare(
      `UPDATE purchases SET customer_id = NULL WHERE customer_id IN (SELECT id FROM customers WHERE ${demoRows.customers})`,
    ).run({ seededAt });
  });
  const counts = {
    customers: remove('customers'),
    stores: remove('stores'),
    boundaries: remove('boundaries'),
    events: remove('events'),
  };
  db.exec('DELETE FROM basemap_features');
  deleteStreets(db);
  const settings = db.prepare('DELETE FROM workspace WHERE key = ?');
  for (const key of demoSettings) settings.run(key);
  db.prepare("UPDATE workspace SET value = ? WHERE key = 'name' AND value LIKE '%(demo)'").run(
    OWN_WORKSPACE_NAME,
  );
  // A workspace with no rows at all is seeded again at the next start: this setting keeps it the owner's.
  db.prepare('INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)').run(
    'demoRemovedAt',
    removedAt,
  );
  return counts;
}
