// Migration 016 rebuilds the areas table to allow the isochrone and trade kinds: areas, who they are shared with and
// the campaigns targeting them come through untouched, and foreign keys are enforced again afterwards.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate.js';

const T = '2026-12-01T00:00:00.000Z';

describe('migration 016 (areas rebuilt for new kinds)', () => {
  it('keeps areas, their shares and the campaigns using them, and allows isochrone areas', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = loadMigrations();
    migrate(
      db,
      all.filter((m) => m.version < 16),
    );
    db.prepare(
      "INSERT INTO users (id, email, password_hash, role, created_at, updated_at) VALUES ('u1', 'a@b.test', 'x', 'marketer', ?, ?)",
    ).run(T, T);
    db.prepare(
      `INSERT INTO areas (id, name, kind, color, params, geometry, min_lng, min_lat, max_lng, max_lat, area_km2,
                          perimeter_km, created_at, updated_at, owner_id, shared)
       VALUES ('a1', 'Kiez', 'polygon', '#4e79a7', '{}', '{"type":"Polygon","coordinates":[]}', 13, 52, 14, 53, 1, 4, ?, ?, 'u1', 0)`,
    ).run(T, T);
    db.prepare("INSERT INTO area_shares (area_id, user_id) VALUES ('a1', 'u1')").run();
    db.prepare(
      `INSERT INTO campaigns (id, name, offer, offer_code, channel, starts_at, ends_at, timezone, status, created_at, updated_at)
       VALUES ('c1', 'Rain', '{}', 'RAIN', 'sms', '2026-01-01', '2027-01-01', 'Europe/Berlin', 'draft', ?, ?)`,
    ).run(T, T);
    db.prepare(
      "INSERT INTO campaign_areas (campaign_id, area_id, position) VALUES ('c1', 'a1', 0)",
    ).run();

    expect(migrate(db, all)).toEqual(all.filter((m) => m.version >= 16).map((m) => m.version));

    expect(db.prepare('SELECT id, name, owner_id, shared FROM areas').all()).toEqual([
      { id: 'a1', name: 'Kiez', owner_id: 'u1', shared: 0 },
    ]);
    expect(db.prepare('SELECT area_id, user_id FROM area_shares').all()).toEqual([
      { area_id: 'a1', user_id: 'u1' },
    ]);
    expect(db.prepare('SELECT campaign_id, area_id FROM campaign_areas').all()).toEqual([
      { campaign_id: 'c1', area_id: 'a1' },
    ]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Still enforced: an area in use cannot go, and a deleted area takes its shares with it.
    expect(() => db.prepare("DELETE FROM areas WHERE id = 'a1'").run()).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO areas (id, name, kind, color, geometry, min_lng, min_lat, max_lng, max_lat, area_km2, perimeter_km,
                          created_at, updated_at)
       VALUES ('a2', 'Walk', 'isochrone', '#f28e2b', '{}', 13, 52, 14, 53, 1, 4, ?, ?)`,
    ).run(T, T);
    expect(() =>
      db
        .prepare(
          `INSERT INTO areas (id, name, kind, color, geometry, min_lng, min_lat, max_lng, max_lat, area_km2,
                              perimeter_km, created_at, updated_at)
           VALUES ('a3', 'X', 'teleport', '#f28e2b', '{}', 13, 52, 14, 53, 1, 4, ?, ?)`,
        )
        .run(T, T),
    ).toThrow(/CHECK/);
    // The offers engine's change counter still follows area writes.
    const before = db.prepare('SELECT n FROM offer_data_version').pluck().get() as number;
    db.prepare("UPDATE areas SET name = 'Walk 2' WHERE id = 'a2'").run();
    expect(db.prepare('SELECT n FROM offer_data_version').pluck().get()).toBe(before + 1);
  });
});
