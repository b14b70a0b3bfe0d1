-- Events become editable and importable: all-day flag, budget, notes, free-text location, and an ICS identity of
-- UID plus occurrence (recurrence id) so re-importing a calendar updates instead of duplicating. SQLite cannot drop
-- the old column-level UNIQUE on ics_uid (each occurrence of a recurring event shares its UID), so the table is rebuilt.

CREATE TABLE events_new (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  category            TEXT NOT NULL DEFAULT 'other',
  lng                 REAL CHECK (lng BETWEEN -180 AND 180),
  lat                 REAL CHECK (lat BETWEEN -90 AND 90),
  starts_at           TEXT NOT NULL,
  ends_at             TEXT NOT NULL,
  timezone            TEXT NOT NULL DEFAULT 'UTC',
  all_day             INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  expected_attendance INTEGER,
  source              TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'ics', 'demo')),
  ics_uid             TEXT,
  -- '' for a single event; the occurrence's original start (UTC ISO) for an occurrence of a recurring one.
  ics_recurrence_id   TEXT NOT NULL DEFAULT '',
  status              TEXT CHECK (status IN ('planned', 'confirmed', 'done')),
  budget              REAL CHECK (budget >= 0),
  notes               TEXT NOT NULL DEFAULT '',
  location_text       TEXT NOT NULL DEFAULT '',
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  CHECK ((lng IS NULL) = (lat IS NULL))
) STRICT;

INSERT INTO events_new (id, name, category, lng, lat, starts_at, ends_at, timezone, expected_attendance, source, ics_uid, status, version, created_at, updated_at)
  SELECT id, name, category, lng, lat, starts_at, ends_at, timezone, expected_attendance, source, ics_uid, status, version, created_at, updated_at FROM events;

DROP TABLE events;
ALTER TABLE events_new RENAME TO events;

CREATE UNIQUE INDEX events_ics_identity ON events(ics_uid, ics_recurrence_id) WHERE ics_uid IS NOT NULL;
CREATE INDEX events_starts_at ON events(starts_at);
