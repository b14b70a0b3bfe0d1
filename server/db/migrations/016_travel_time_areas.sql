-- Two new kinds of area: travel-time areas (isochrone) and trade areas from where a store's customers live (trade).
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt as its documented procedure says
-- (https://www.sqlite.org/lang_altertable.html#otheralter), with foreign keys off for the run (server/db/migrate.ts)
-- so the shares and campaigns pointing at areas are neither cascaded nor refused.
CREATE TABLE areas_new (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind         TEXT NOT NULL CHECK (kind IN ('radius', 'ring', 'polygon', 'boundary', 'territory', 'combined', 'event', 'isochrone', 'trade')),
  color        TEXT NOT NULL,
  params       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  geometry     TEXT NOT NULL CHECK (json_valid(geometry)),
  min_lng      REAL NOT NULL,
  min_lat      REAL NOT NULL,
  max_lng      REAL NOT NULL,
  max_lat      REAL NOT NULL,
  area_km2     REAL NOT NULL CHECK (area_km2 >= 0),
  perimeter_km REAL NOT NULL CHECK (perimeter_km >= 0),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  owner_id     TEXT REFERENCES users(id) ON DELETE SET NULL,
  shared       INTEGER NOT NULL DEFAULT 1 CHECK (shared IN (0, 1))
) STRICT;

INSERT INTO areas_new (id, name, kind, color, params, geometry, min_lng, min_lat, max_lng, max_lat, area_km2,
                       perimeter_km, version, created_at, updated_at, owner_id, shared)
SELECT id, name, kind, color, params, geometry, min_lng, min_lat, max_lng, max_lat, area_km2,
       perimeter_km, version, created_at, updated_at, owner_id, shared
FROM areas;

DROP TABLE areas;
ALTER TABLE areas_new RENAME TO areas;

CREATE INDEX areas_created ON areas(created_at, id);
CREATE TRIGGER areas_insert_bumps_offers AFTER INSERT ON areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER areas_update_bumps_offers AFTER UPDATE ON areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER areas_delete_bumps_offers AFTER DELETE ON areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
