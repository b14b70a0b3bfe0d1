-- The customer change log (017) is read only by the other processes of a cluster (CATCHMENT_WORKERS > 1), yet its
-- triggers logged every customer write, and each purchase writes its customer twice (the aggregate, then the day the
-- day trigger derives): a million-purchase import logged two million rows nobody read in a single process. Now the
-- log is written only while `enabled` is 1, which start-up sets from the worker count (prepare.ts), and an update is
-- logged only when it sets a column of its own: the codes and day the triggers derive follow an update already logged
-- in the same transaction, and a follower re-reads the whole row after commit anyway.
CREATE TABLE customer_change_log (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))
) STRICT;
-- On until a start says otherwise: a database migrated outside a server start keeps the old behaviour.
INSERT INTO customer_change_log (id, enabled) VALUES (1, 1);

DROP TRIGGER customers_insert_logged;
DROP TRIGGER customers_update_logged;
DROP TRIGGER customers_delete_logged;
CREATE TRIGGER customers_insert_logged AFTER INSERT ON customers
WHEN (SELECT enabled FROM customer_change_log WHERE id = 1)
BEGIN INSERT INTO customer_changes (seq) VALUES (NEW.seq); END;
CREATE TRIGGER customers_update_logged
AFTER UPDATE OF id, first_name, email, phone, lng, lat, age, gender, job_title, industry, interests, loyalty_tier,
  visits, total_spend, last_purchase_at, consent, home_store_id, updated_at ON customers
WHEN (SELECT enabled FROM customer_change_log WHERE id = 1)
BEGIN INSERT INTO customer_changes (seq) VALUES (NEW.seq); END;
CREATE TRIGGER customers_delete_logged AFTER DELETE ON customers
WHEN (SELECT enabled FROM customer_change_log WHERE id = 1)
BEGIN INSERT INTO customer_changes (seq) VALUES (OLD.seq); END;
