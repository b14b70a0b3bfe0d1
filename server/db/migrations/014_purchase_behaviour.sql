-- Purchases become the truth about how each customer buys (issue 19). A per-customer aggregate is kept in step with
-- the purchases table by triggers, so every writer (import, POST /api/purchases, the demo, erasure) keeps it right
-- in its own transaction; the views below are the from-scratch definition the triggers, the backfill and bulk
-- loads (server/db/repos/purchase-behaviour.ts) share. Money is summed in whole cents so an aggregate built a
-- purchase at a time equals one built at once (floating sums depend on their order).
-- A customer with purchase rows has visits, total_spend and last_purchase_at written by these triggers only; a
-- customer without any (an older CRM import) keeps the summary their import gave, and has no behaviour beyond it.

-- An erasure keeps a purchase (amount, time, store: totals stay) without its customer: customer_id becomes nullable.
CREATE TABLE purchases_new (
  id               TEXT PRIMARY KEY,
  customer_id      TEXT,
  store_id         TEXT NOT NULL,
  purchased_at     TEXT NOT NULL,
  amount           REAL NOT NULL,
  discount         REAL,
  product_category TEXT
) STRICT;
INSERT INTO purchases_new SELECT id, customer_id, store_id, purchased_at, amount, discount, product_category FROM purchases;
DROP TABLE purchases;
ALTER TABLE purchases_new RENAME TO purchases;
CREATE INDEX purchases_customer ON purchases(customer_id, purchased_at);
CREATE INDEX purchases_time ON purchases(purchased_at);

-- One row per customer id with at least one purchase (the customer may not be imported yet).
CREATE TABLE customer_behaviour (
  customer_id TEXT PRIMARY KEY,
  visits      INTEGER NOT NULL,
  spend_cents INTEGER NOT NULL,
  -- Purchases made with a discount (an offer code's discount included).
  discounted  INTEGER NOT NULL,
  first_at    TEXT NOT NULL,
  last_at     TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- When each customer last bought each product category.
CREATE TABLE customer_categories (
  customer_id TEXT NOT NULL,
  category    TEXT NOT NULL,
  last_at     TEXT NOT NULL,
  PRIMARY KEY (customer_id, category)
) STRICT, WITHOUT ROWID;

CREATE VIEW purchase_behaviour AS
  SELECT customer_id, count(*) AS visits, sum(CAST(round(amount * 100) AS INTEGER)) AS spend_cents,
    sum(coalesce(discount, 0) > 0) AS discounted, min(purchased_at) AS first_at, max(purchased_at) AS last_at
  FROM purchases WHERE customer_id IS NOT NULL GROUP BY customer_id;

CREATE VIEW purchase_categories AS
  SELECT customer_id, product_category AS category, max(purchased_at) AS last_at
  FROM purchases WHERE customer_id IS NOT NULL AND product_category IS NOT NULL
  GROUP BY customer_id, product_category;

-- The customers columns follow the aggregate; last_purchase_day follows last_purchase_at on its own trigger now,
-- so a purchase does not re-run the codes trigger's dictionary work.
DROP TRIGGER customers_codes_update;
CREATE TRIGGER customers_codes_update
AFTER UPDATE OF job_title, industry, interests, home_store_id, age, gender, loyalty_tier, consent ON customers BEGIN
  INSERT INTO customer_terms (kind, value) SELECT 'job', new.job_title
    WHERE NOT EXISTS (SELECT 1 FROM customer_terms WHERE kind = 'job' AND value = new.job_title);
  INSERT INTO customer_terms (kind, value) SELECT 'industry', new.industry
    WHERE NOT EXISTS (SELECT 1 FROM customer_terms WHERE kind = 'industry' AND value = new.industry);
  INSERT INTO customer_terms (kind, value) SELECT 'store', new.home_store_id
    WHERE new.home_store_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_terms WHERE kind = 'store' AND value = new.home_store_id);
  INSERT INTO customer_interests (name)
    SELECT value FROM json_each(new.interests)
    WHERE type = 'text' AND json_type(new.interests) = 'array' AND value NOT IN (SELECT name FROM customer_interests)
    GROUP BY value ORDER BY min(key);
  UPDATE customers SET
    job_code = (SELECT code FROM customer_terms WHERE kind = 'job' AND value = customers.job_title),
    industry_code = (SELECT code FROM customer_terms WHERE kind = 'industry' AND value = customers.industry),
    store_code = (SELECT code FROM customer_terms WHERE kind = 'store' AND value = customers.home_store_id),
    interest_mask = (
      SELECT CASE WHEN max(i.code) > 64 THEN NULL ELSE coalesce(sum(DISTINCT 1 << (i.code - 1)), 0) END
      FROM json_each(customers.interests) j JOIN customer_interests i ON i.name = j.value
      WHERE j.type = 'text' AND json_type(customers.interests) = 'array'),
    traits = (CASE WHEN age BETWEEN 0 AND 130 THEN age ELSE 255 END)
      | ((CASE gender WHEN 'female' THEN 0 WHEN 'male' THEN 1 WHEN 'diverse' THEN 2 ELSE 3 END) << 8)
      | ((CASE loyalty_tier WHEN 'bronze' THEN 1 WHEN 'silver' THEN 2 WHEN 'gold' THEN 3 ELSE 0 END) << 10)
      | ((consent = 1) << 12)
  WHERE seq = new.seq;
END;
CREATE TRIGGER customers_purchase_day AFTER UPDATE OF last_purchase_at ON customers BEGIN
  UPDATE customers SET last_purchase_day = unixepoch(substr(new.last_purchase_at, 1, 10)) / 86400 WHERE seq = new.seq;
END;

-- A customer imported after their purchases arrived takes the summary from them.
CREATE TRIGGER customers_behaviour_insert AFTER INSERT ON customers
WHEN EXISTS (SELECT 1 FROM customer_behaviour WHERE customer_id = new.id) BEGIN
  UPDATE customers SET visits = b.visits, total_spend = b.spend_cents / 100.0, last_purchase_at = substr(b.last_at, 1, 10)
  FROM customer_behaviour b WHERE b.customer_id = new.id AND customers.seq = new.seq;
END;

-- A new purchase adds to its customer's aggregate (no re-read of their history).
CREATE TRIGGER purchases_behaviour_insert AFTER INSERT ON purchases WHEN new.customer_id IS NOT NULL BEGIN
  INSERT INTO customer_behaviour (customer_id, visits, spend_cents, discounted, first_at, last_at)
  VALUES (new.customer_id, 1, CAST(round(new.amount * 100) AS INTEGER), coalesce(new.discount, 0) > 0,
    new.purchased_at, new.purchased_at)
  ON CONFLICT (customer_id) DO UPDATE SET visits = visits + 1, spend_cents = spend_cents + excluded.spend_cents,
    discounted = discounted + excluded.discounted, first_at = min(first_at, excluded.first_at),
    last_at = max(last_at, excluded.last_at);
  INSERT INTO customer_categories (customer_id, category, last_at)
  SELECT new.customer_id, new.product_category, new.purchased_at WHERE new.product_category IS NOT NULL
  ON CONFLICT (customer_id, category) DO UPDATE SET last_at = max(last_at, excluded.last_at);
  UPDATE customers SET visits = b.visits, total_spend = b.spend_cents / 100.0, last_purchase_at = substr(b.last_at, 1, 10)
  FROM customer_behaviour b WHERE b.customer_id = new.customer_id AND customers.id = new.customer_id;
END;

-- A changed or removed purchase: its customers (old and new) are recomputed from their remaining purchases.
CREATE TRIGGER purchases_behaviour_update
AFTER UPDATE OF customer_id, purchased_at, amount, discount, product_category ON purchases BEGIN
  DELETE FROM customer_behaviour WHERE customer_id IN (old.customer_id, new.customer_id);
  INSERT INTO customer_behaviour SELECT * FROM purchase_behaviour WHERE customer_id IN (old.customer_id, new.customer_id);
  DELETE FROM customer_categories WHERE customer_id IN (old.customer_id, new.customer_id);
  INSERT INTO customer_categories SELECT * FROM purchase_categories WHERE customer_id IN (old.customer_id, new.customer_id);
  UPDATE customers SET visits = coalesce(b.visits, 0), total_spend = coalesce(b.spend_cents, 0) / 100.0,
    last_purchase_at = substr(b.last_at, 1, 10)
  FROM (SELECT c.seq, v.* FROM customers c LEFT JOIN customer_behaviour v ON v.customer_id = c.id
        WHERE c.id IN (old.customer_id, new.customer_id)) b
  WHERE customers.seq = b.seq;
END;

CREATE TRIGGER purchases_behaviour_delete AFTER DELETE ON purchases WHEN old.customer_id IS NOT NULL BEGIN
  DELETE FROM customer_behaviour WHERE customer_id = old.customer_id;
  INSERT INTO customer_behaviour SELECT * FROM purchase_behaviour WHERE customer_id = old.customer_id;
  DELETE FROM customer_categories WHERE customer_id = old.customer_id;
  INSERT INTO customer_categories SELECT * FROM purchase_categories WHERE customer_id = old.customer_id;
  UPDATE customers SET visits = coalesce(b.visits, 0), total_spend = coalesce(b.spend_cents, 0) / 100.0,
    last_purchase_at = substr(b.last_at, 1, 10)
  FROM (SELECT c.seq, v.* FROM customers c LEFT JOIN customer_behaviour v ON v.customer_id = c.id
        WHERE c.id = old.customer_id) b
  WHERE customers.seq = b.seq;
END;

-- Purchases imported before this migration.
INSERT INTO customer_behaviour SELECT * FROM purchase_behaviour;
INSERT INTO customer_categories SELECT * FROM purchase_categories;
UPDATE customers SET visits = b.visits, total_spend = b.spend_cents / 100.0, last_purchase_at = substr(b.last_at, 1, 10)
FROM customer_behaviour b WHERE b.customer_id = customers.id;
