-- Campaigns and what they lead to: the areas each targets, the intervals its offer was live (activations, with the
-- observed reasons), codes redeemed at the till, and an outbox of webhook deliveries with their log.
-- Offers, segments, triggers and caps are JSON validated by the API's schemas; the columns the server filters on
-- (status, window, code) are plain columns.

CREATE TABLE campaigns (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  segment         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(segment)),
  offer           TEXT NOT NULL CHECK (json_valid(offer)),
  -- The offer's code in upper case: unique among live campaigns (checked by the service, which knows what "live" is).
  offer_code      TEXT NOT NULL,
  channel         TEXT NOT NULL,
  starts_at       TEXT NOT NULL,
  ends_at         TEXT NOT NULL,
  timezone        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'scheduled', 'active', 'paused', 'ended')),
  triggers        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(triggers)),
  trigger_mode    TEXT NOT NULL DEFAULT 'any' CHECK (trigger_mode IN ('any', 'all')),
  frequency_cap   TEXT CHECK (frequency_cap IS NULL OR json_valid(frequency_cap)),
  holdout_percent REAL NOT NULL DEFAULT 0 CHECK (holdout_percent BETWEEN 0 AND 50),
  owner_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK (ends_at > starts_at)
) STRICT;
CREATE INDEX campaigns_status ON campaigns(status);
CREATE INDEX campaigns_offer_code ON campaigns(offer_code);

-- An area in use by a campaign cannot be deleted (the areas service answers 409 naming the campaigns).
CREATE TABLE campaign_areas (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  area_id     TEXT NOT NULL REFERENCES areas(id) ON DELETE RESTRICT,
  position    INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, area_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX campaign_areas_area ON campaign_areas(area_id);

-- An interval during which a campaign's offer was live in one area. ended_at is NULL while it is open; at most one
-- open interval per campaign and area.
CREATE TABLE activations (
  id          INTEGER PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  area_id     TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  reasons     TEXT NOT NULL CHECK (json_valid(reasons)),
  end_reasons TEXT CHECK (end_reasons IS NULL OR json_valid(end_reasons)),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
) STRICT;
CREATE UNIQUE INDEX activations_open ON activations(campaign_id, area_id) WHERE ended_at IS NULL;
CREATE INDEX activations_campaign ON activations(campaign_id, started_at);

-- The last instant the scheduler evaluated each campaign: evaluating it again, or an earlier instant, changes nothing.
CREATE TABLE campaign_evaluations (
  campaign_id  TEXT PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
  evaluated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE redemptions (
  id          TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  area_id     TEXT,
  code        TEXT NOT NULL,
  store_id    TEXT REFERENCES stores(id) ON DELETE SET NULL,
  amount      REAL NOT NULL CHECK (amount >= 0),
  redeemed_at TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX redemptions_campaign ON redemptions(campaign_id, redeemed_at);

-- Webhook deliveries wait here; a delivery worker sends them with retries and back-off. idempotency_key is sent as a
-- header so a receiver can drop a repeat.
CREATE TABLE webhook_outbox (
  id              INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL,
  payload         TEXT NOT NULL CHECK (json_valid(payload)),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  delivered_at    TEXT,
  failed_at       TEXT,
  created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX webhook_outbox_due ON webhook_outbox(next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

CREATE TABLE webhook_deliveries (
  id           INTEGER PRIMARY KEY,
  outbox_id    INTEGER NOT NULL REFERENCES webhook_outbox(id) ON DELETE CASCADE,
  attempted_at TEXT NOT NULL,
  status       INTEGER,
  error        TEXT,
  duration_ms  INTEGER NOT NULL
) STRICT;
CREATE INDEX webhook_deliveries_outbox ON webhook_deliveries(outbox_id);

-- One number that changes whenever campaigns, their areas, areas or events change, whoever writes them: the in-memory
-- live-offers index compares it on every lookup (one indexed read) and rebuilds itself when it moved.
CREATE TABLE offer_data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO offer_data_version (id, n) VALUES (1, 0);
CREATE TRIGGER campaigns_insert_bumps_offers AFTER INSERT ON campaigns BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER campaigns_update_bumps_offers AFTER UPDATE ON campaigns BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER campaigns_delete_bumps_offers AFTER DELETE ON campaigns BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER campaign_areas_insert_bumps_offers AFTER INSERT ON campaign_areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER campaign_areas_update_bumps_offers AFTER UPDATE ON campaign_areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER campaign_areas_delete_bumps_offers AFTER DELETE ON campaign_areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER areas_insert_bumps_offers AFTER INSERT ON areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER areas_update_bumps_offers AFTER UPDATE ON areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER areas_delete_bumps_offers AFTER DELETE ON areas BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER events_insert_bumps_offers AFTER INSERT ON events BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER events_update_bumps_offers AFTER UPDATE ON events BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER events_delete_bumps_offers AFTER DELETE ON events BEGIN UPDATE offer_data_version SET n = n + 1 WHERE id = 1; END;
