-- Moves on any write to areas or who they are shared with: the areas list's ETag and cached body (issue 21) are keyed
-- by it, so every process sees another's write at once instead of serving its own stale copy.
CREATE TABLE area_data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO area_data_version (id, n) VALUES (1, 0);
CREATE TRIGGER areas_insert_bumps_list AFTER INSERT ON areas
BEGIN UPDATE area_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER areas_update_bumps_list AFTER UPDATE ON areas
BEGIN UPDATE area_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER areas_delete_bumps_list AFTER DELETE ON areas
BEGIN UPDATE area_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER area_shares_insert_bumps_list AFTER INSERT ON area_shares
BEGIN UPDATE area_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER area_shares_update_bumps_list AFTER UPDATE ON area_shares
BEGIN UPDATE area_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER area_shares_delete_bumps_list AFTER DELETE ON area_shares
BEGIN UPDATE area_data_version SET n = n + 1 WHERE id = 1; END;
