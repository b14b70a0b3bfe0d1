// Workspace settings (key/value rows written by the demo seed and, later, by the settings screen).
import type { Db } from '../connection.js';

export function readWorkspaceSettings(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM workspace').all() as {
    key: string;
    value: string;
  }[];
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export interface BasemapFeatureRow {
  kind: string;
  name: string;
  geometry: string;
}

export function listBasemapFeatures(db: Db): BasemapFeatureRow[] {
  return db
    .prepare('SELECT kind, name, geometry FROM basemap_features ORDER BY id')
    .all() as BasemapFeatureRow[];
}

/**
 * Marks a workspace started without the demo (CATCHMENT_DEMO=0) as the owner's: a later start with the demo on sees a
 * setting and does not seed the demo city over what was imported meanwhile.
 */
export function startEmptyWorkspace(db: Db, at: string): void {
  const setting = db.prepare('INSERT OR IGNORE INTO workspace (key, value) VALUES (?, ?)');
  setting.run('name', OWN_WORKSPACE_NAME);
  setting.run('createdAt', at);
}

/** The name of a workspace that is not the demo's, until someone names it. */
export const OWN_WORKSPACE_NAME = 'My workspace';

type Extent = [number, number, number, number];

/**
 * Where a workspace's own data lies: its stores and neighbourhoods, else its customers; null while it is empty. For a
 * workspace that is not the demo's (no stored view): the map opens there, and an import far from Berlin is seen.
 */
export function dataExtent(db: Db): Extent | null {
  const read = (sql: string) => {
    const row = db.prepare(sql).get() as Record<'a' | 'b' | 'c' | 'd', number | null>;
    return row.a === null || row.b === null || row.c === null || row.d === null
      ? null
      : ([row.a, row.b, row.c, row.d] as Extent);
  };
  return (
    read(
      `SELECT min(a) AS a, min(b) AS b, max(c) AS c, max(d) AS d FROM (
         SELECT lng AS a, lat AS b, lng AS c, lat AS d FROM stores
         UNION ALL SELECT min_lng, min_lat, max_lng, max_lat FROM boundaries)`,
    ) ??
    // Customers only: one pass over the table, for a workspace that imported customers before any store.
    read('SELECT min(lng) AS a, min(lat) AS b, max(lng) AS c, max(lat) AS d FROM customers')
  );
}
