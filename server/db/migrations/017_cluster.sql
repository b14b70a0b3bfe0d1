-- Cluster mode (CATCHMENT_WORKERS, docs/scaling.md): state that several server processes on one database share.

-- One row: which process runs the background jobs (scheduler, webhook delivery, feed sync, retention, geocoding) and
-- until when (ms since the epoch). The holder renews it; any process takes it once it has expired.
CREATE TABLE leader_lease (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  holder     TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

-- Failed sign-ins per key (login-throttle.ts): so the back-off holds whichever process answers.
CREATE TABLE login_failures (
  key     TEXT PRIMARY KEY,
  count   INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  until   INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_last_at ON login_failures (last_at);

-- Every customer row written or deleted, by seq, in commit order: each process's in-memory customer index reads what
-- it has not seen yet (customer-follow.ts). The leader prunes what every process has had an hour to read.
CREATE TABLE customer_changes (
  n   INTEGER PRIMARY KEY AUTOINCREMENT,
  seq INTEGER NOT NULL
) STRICT;
CREATE TRIGGER customers_insert_logged AFTER INSERT ON customers
BEGIN INSERT INTO customer_changes (seq) VALUES (NEW.seq); END;
CREATE TRIGGER customers_update_logged AFTER UPDATE ON customers
BEGIN INSERT INTO customer_changes (seq) VALUES (NEW.seq); END;
CREATE TRIGGER customers_delete_logged AFTER DELETE ON customers
BEGIN INSERT INTO customer_changes (seq) VALUES (OLD.seq); END;

-- Moves on any write to stores or boundaries, so other processes drop their tiles and neighbourhood caches.
CREATE TABLE map_data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO map_data_version (id, n) VALUES (1, 0);
CREATE TRIGGER stores_insert_bumps_map AFTER INSERT ON stores
BEGIN UPDATE map_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER stores_update_bumps_map AFTER UPDATE ON stores
BEGIN UPDATE map_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER stores_delete_bumps_map AFTER DELETE ON stores
BEGIN UPDATE map_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER boundaries_insert_bumps_map AFTER INSERT ON boundaries
BEGIN UPDATE map_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER boundaries_update_bumps_map AFTER UPDATE ON boundaries
BEGIN UPDATE map_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER boundaries_delete_bumps_map AFTER DELETE ON boundaries
BEGIN UPDATE map_data_version SET n = n + 1 WHERE id = 1; END;

-- The open-meteo provider's cache per grid cell (services/weather/open-meteo.ts): what one process fetched, the others
-- read instead of asking Open-Meteo again. state is the cell's JSON (hours, fetched_at, covered, last error).
CREATE TABLE weather_cells (
  key   TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (json_valid(state))
) STRICT;
