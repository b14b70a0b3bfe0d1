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
