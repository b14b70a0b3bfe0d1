-- Saved target areas: the geometry with what it was made from, its size and a version for concurrent edits.

CREATE TABLE areas (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind         TEXT NOT NULL CHECK (kind IN ('radius', 'ring', 'polygon', 'boundary', 'territory', 'combined', 'event')),
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
  updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX areas_created ON areas(created_at, id);
