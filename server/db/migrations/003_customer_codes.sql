-- Numbers for what the in-memory customer index holds of each customer, kept by triggers for every writer, so that
-- building the index reads plain numbers: turning a million rows' job, industry, store and interests into JS
-- strings took ~1.8 s of a 3 s build, and the CASE and date expressions another ~0.7 s.
-- The insert trigger, the update trigger and the backfill below compute the same values (and so does
-- server/db/repos/customer-codes.ts for bulk loads); test/server/customer-codes.test.ts checks that they agree.

-- Job titles, industries and home stores: codes are shared across kinds and only ever compared for equality.
CREATE TABLE customer_terms (
  code  INTEGER PRIMARY KEY,
  kind  TEXT NOT NULL CHECK (kind IN ('job', 'industry', 'store')),
  value TEXT NOT NULL,
  UNIQUE (kind, value)
) STRICT;

-- Interests are numbered from 1 in the order first seen; a customer's interests are a 64-bit mask (bit code - 1).
CREATE TABLE customer_interests (
  code INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

ALTER TABLE customers ADD COLUMN job_code INTEGER;
ALTER TABLE customers ADD COLUMN industry_code INTEGER;
ALTER TABLE customers ADD COLUMN store_code INTEGER;
-- NULL when one of the customer's interests has a code above 64: the index then reads the interests text.
ALTER TABLE customers ADD COLUMN interest_mask INTEGER;
-- age (255 unknown) | gender << 8 (female, male, diverse, unknown) | loyalty << 10 (none … gold) | consent << 12
ALTER TABLE customers ADD COLUMN traits INTEGER;
-- UTC day number of the last purchase (days since 1970-01-01), NULL for none or an unreadable date.
ALTER TABLE customers ADD COLUMN last_purchase_day INTEGER;

-- Inside triggers an outer statement's conflict policy overrides OR IGNORE (a store deletion's SET NULL aborts),
-- so new terms are inserted only when missing; interests get codes in the order they first appear in the list.
-- A bulk writer that sets job_code sets every column here itself, and the insert trigger skips its rows.
CREATE TRIGGER customers_codes_insert AFTER INSERT ON customers WHEN new.job_code IS NULL BEGIN
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
      | ((consent = 1) << 12),
    last_purchase_day = unixepoch(substr(last_purchase_at, 1, 10)) / 86400
  WHERE seq = new.seq;
END;

CREATE TRIGGER customers_codes_update
AFTER UPDATE OF job_title, industry, interests, home_store_id, age, gender, loyalty_tier, consent, last_purchase_at ON customers BEGIN
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
      | ((consent = 1) << 12),
    last_purchase_day = unixepoch(substr(last_purchase_at, 1, 10)) / 86400
  WHERE seq = new.seq;
END;

-- Customers written before this migration.
INSERT OR IGNORE INTO customer_terms (kind, value) SELECT DISTINCT 'job', job_title FROM customers;
INSERT OR IGNORE INTO customer_terms (kind, value) SELECT DISTINCT 'industry', industry FROM customers;
INSERT OR IGNORE INTO customer_terms (kind, value) SELECT DISTINCT 'store', home_store_id FROM customers WHERE home_store_id IS NOT NULL;
INSERT OR IGNORE INTO customer_interests (name)
  SELECT DISTINCT j.value FROM customers c, json_each(c.interests) j WHERE j.type = 'text' AND json_type(c.interests) = 'array';
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
      | ((consent = 1) << 12),
    last_purchase_day = unixepoch(substr(last_purchase_at, 1, 10)) / 86400;
