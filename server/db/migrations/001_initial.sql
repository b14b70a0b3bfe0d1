-- The demo city's first tables: workspace settings, stores, neighbourhoods, customers, events.

CREATE TABLE workspace (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE stores (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  brand          TEXT NOT NULL,
  franchisee     TEXT NOT NULL DEFAULT '',
  address        TEXT NOT NULL DEFAULT '',
  attractiveness INTEGER NOT NULL DEFAULT 3 CHECK (attractiveness BETWEEN 1 AND 5),
  opened         TEXT,
  lng            REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  lat            REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE boundaries (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  population INTEGER NOT NULL DEFAULT 0,
  geometry   TEXT NOT NULL CHECK (json_valid(geometry)),
  min_lng REAL NOT NULL, min_lat REAL NOT NULL, max_lng REAL NOT NULL, max_lat REAL NOT NULL
) STRICT;

-- seq is the rowid: the R*Tree and keyset pagination use it; id is the business's own customer id.
CREATE TABLE customers (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  first_name       TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  lng              REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  lat              REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  age              INTEGER,
  gender           TEXT NOT NULL DEFAULT 'unknown',
  job_title        TEXT NOT NULL DEFAULT '',
  industry         TEXT NOT NULL DEFAULT '',
  interests        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(interests)),
  loyalty_tier     TEXT NOT NULL DEFAULT 'none' CHECK (loyalty_tier IN ('none', 'bronze', 'silver', 'gold')),
  visits           INTEGER NOT NULL DEFAULT 0,
  total_spend      REAL NOT NULL DEFAULT 0,
  last_purchase_at TEXT,
  consent          INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
  home_store_id    TEXT REFERENCES stores(id) ON DELETE SET NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX customers_home_store ON customers(home_store_id);

CREATE VIRTUAL TABLE customers_rtree USING rtree(seq, min_lng, max_lng, min_lat, max_lat);

CREATE TRIGGER customers_rtree_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customers_rtree VALUES (new.seq, new.lng, new.lng, new.lat, new.lat);
END;
CREATE TRIGGER customers_rtree_update AFTER UPDATE OF lng, lat ON customers BEGIN
  UPDATE customers_rtree SET min_lng = new.lng, max_lng = new.lng, min_lat = new.lat, max_lat = new.lat WHERE seq = new.seq;
END;
CREATE TRIGGER customers_rtree_delete AFTER DELETE ON customers BEGIN
  DELETE FROM customers_rtree WHERE seq = old.seq;
END;

CREATE TABLE events (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  category            TEXT NOT NULL DEFAULT 'other',
  lng                 REAL CHECK (lng BETWEEN -180 AND 180),
  lat                 REAL CHECK (lat BETWEEN -90 AND 90),
  starts_at           TEXT NOT NULL,
  ends_at             TEXT NOT NULL,
  timezone            TEXT NOT NULL DEFAULT 'UTC',
  expected_attendance INTEGER,
  source              TEXT NOT NULL DEFAULT 'manual',
  ics_uid             TEXT UNIQUE,
  status              TEXT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

-- Land, water and parks of the demo city, drawn by the offline basemap.
CREATE TABLE basemap_features (
  id       INTEGER PRIMARY KEY,
  kind     TEXT NOT NULL,
  name     TEXT NOT NULL DEFAULT '',
  geometry TEXT NOT NULL CHECK (json_valid(geometry))
) STRICT;
