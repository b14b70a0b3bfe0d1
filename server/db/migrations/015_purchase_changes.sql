-- A counter that moves whenever an existing purchase changes or goes (a re-import's update, an erasure's
-- anonymisation, a delete): the in-memory purchase history reloads when it moves, and reads new rows by rowid.
CREATE TABLE purchase_changes (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO purchase_changes (id, version) VALUES (1, 0);

CREATE TRIGGER purchases_changed_update AFTER UPDATE ON purchases BEGIN
  UPDATE purchase_changes SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER purchases_changed_delete AFTER DELETE ON purchases BEGIN
  UPDATE purchase_changes SET version = version + 1 WHERE id = 1;
END;
