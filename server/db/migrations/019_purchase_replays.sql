-- A till that replays a purchase with the same id must never count it twice. `INSERT OR REPLACE` (or `REPLACE`)
-- would: SQLite deletes the old row without firing delete triggers (recursive_triggers is off), so the aggregate
-- never subtracts it while the insert trigger adds it again, and purchase_changes does not move, so the in-memory
-- history keeps the old row beside the new one. Every insert of an id already present becomes, before it happens, an
-- update of that row when its content differs (the update triggers recompute the customer and move the version) and
-- nothing at all when it is the same; the insert itself is then skipped. Plain INSERT, INSERT OR IGNORE, REPLACE and
-- ON CONFLICT upserts all end the same way, whoever writes them. An anonymised purchase (erasure) stays anonymous.
CREATE TRIGGER purchases_replay BEFORE INSERT ON purchases
WHEN EXISTS (SELECT 1 FROM purchases WHERE id = new.id)
BEGIN
  UPDATE purchases SET
    customer_id = iif(customer_id IS NULL, NULL, new.customer_id),
    store_id = new.store_id, purchased_at = new.purchased_at, amount = new.amount, discount = new.discount,
    product_category = new.product_category
  WHERE id = new.id AND (
    (customer_id IS NOT NULL AND customer_id IS NOT new.customer_id) OR store_id IS NOT new.store_id
    OR purchased_at IS NOT new.purchased_at OR amount IS NOT new.amount OR discount IS NOT new.discount
    OR product_category IS NOT new.product_category);
  SELECT RAISE(IGNORE);
END;
