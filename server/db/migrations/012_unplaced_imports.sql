-- Imported customers and stores given by address only (issue 16): they wait here, outside the map's tables (whose
-- rows always have a place), until the geocoder finds them or a person places them; then they move into customers or
-- stores and leave this table. A customer's row is personal data: erasing the customer removes it.

-- state: queued (the geocoder will look the address up), not_found (it found nothing), failed (it did not answer
-- after its retries), manual (no geocoder is configured).
CREATE TABLE unplaced_imports (
  kind       TEXT NOT NULL CHECK (kind IN ('customers', 'stores')),
  id         TEXT NOT NULL,
  record     TEXT NOT NULL CHECK (json_valid(record)),
  address    TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('queued', 'not_found', 'failed', 'manual')),
  job_id     TEXT REFERENCES import_jobs(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) STRICT;
CREATE INDEX unplaced_imports_state ON unplaced_imports(state, created_at);
CREATE INDEX unplaced_imports_job ON unplaced_imports(job_id, state);

-- Geocoder answers by address, so the same address is asked once. The key is a keyed hash of the normalised address
-- (the address itself is personal data and not kept here); lng and lat are both NULL when nothing was found.
CREATE TABLE geocode_cache (
  key        TEXT PRIMARY KEY,
  lng        REAL,
  lat        REAL,
  fetched_at TEXT NOT NULL
) STRICT;
