-- Imports of the business's own files: purchases from tills, import jobs with their rejected rows, saved column
-- mappings, and keyed hashes of erased customer ids so a re-import cannot bring an erased customer back.

-- id is the till's own purchase id: a re-import updates, never duplicates. Visits and spend are derived later.
CREATE TABLE purchases (
  id               TEXT PRIMARY KEY,
  customer_id      TEXT NOT NULL,
  store_id         TEXT NOT NULL,
  purchased_at     TEXT NOT NULL,
  amount           REAL NOT NULL,
  discount         REAL,
  product_category TEXT
) STRICT;
CREATE INDEX purchases_customer ON purchases(customer_id, purchased_at);
CREATE INDEX purchases_time ON purchases(purchased_at);

CREATE TABLE import_jobs (
  id                 TEXT PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('customers', 'stores', 'boundaries', 'purchases')),
  mode               TEXT NOT NULL CHECK (mode IN ('lenient', 'strict')),
  state              TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
  format             TEXT NOT NULL,
  sheet              TEXT,
  -- The uploaded file, in the jobs folder next to the database; removed when the job can no longer resume.
  file_path          TEXT,
  bytes_total        INTEGER NOT NULL DEFAULT 0,
  bytes_done         INTEGER NOT NULL DEFAULT 0,
  rows_done          INTEGER NOT NULL DEFAULT 0,
  inserted           INTEGER NOT NULL DEFAULT 0,
  updated            INTEGER NOT NULL DEFAULT 0,
  rejected_count     INTEGER NOT NULL DEFAULT 0,
  last_committed_row INTEGER NOT NULL DEFAULT 0,
  headers            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(headers)),
  mapping            TEXT NOT NULL CHECK (json_valid(mapping)),
  warnings           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
  error              TEXT,
  created_by         TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX import_jobs_creator ON import_jobs(created_by, created_at);

CREATE TABLE import_rejects (
  job_id TEXT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  row    INTEGER NOT NULL,
  errors TEXT NOT NULL CHECK (json_valid(errors)),
  raw    TEXT NOT NULL CHECK (json_valid(raw)),
  PRIMARY KEY (job_id, row)
) STRICT;

-- Valid rows of a strict job, held until every row has been read; applied in one transaction, then dropped.
CREATE TABLE import_staging (
  job_id TEXT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  row    INTEGER NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (job_id, row)
) STRICT;

-- header_key: a hash of the sorted, normalised header names; the newest mapping for a set is reused.
CREATE TABLE import_mappings (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  header_key TEXT NOT NULL,
  mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX import_mappings_key ON import_mappings(kind, header_key, created_at);

-- HMAC-SHA256 of an erased id with the workspace's secret: matches a re-import without keeping the id itself.
CREATE TABLE erased_ids (
  kind       TEXT NOT NULL,
  keyed_hash TEXT PRIMARY KEY
) STRICT;
