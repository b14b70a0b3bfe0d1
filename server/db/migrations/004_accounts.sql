-- Accounts and privacy: users with roles and stores, sessions, API tokens, the audit log, and who owns an area.

CREATE TABLE users (
  id                  TEXT PRIMARY KEY,
  email               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name                TEXT NOT NULL DEFAULT '',
  password_hash       TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'store_manager', 'marketer', 'viewer')),
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

-- The stores a store manager looks after (other roles see every store).
CREATE TABLE user_stores (
  user_id  TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  store_id TEXT NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, store_id)
) STRICT;

-- Only a hash of the session id is stored: reading the database does not let anyone sign in as someone else.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  token_hash   TEXT NOT NULL UNIQUE,
  -- The first characters of the token, shown in lists so people can tell tokens apart.
  prefix       TEXT NOT NULL,
  scopes       TEXT NOT NULL CHECK (json_valid(scopes)),
  created_by   TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at   TEXT
) STRICT;

-- Who changed what and when. Never personal data: an erased customer is recorded without their id.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    TEXT,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id   TEXT,
  detail      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at, id);

-- Areas saved before accounts existed have no owner and are shared with everyone.
ALTER TABLE areas ADD COLUMN owner_id TEXT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE areas ADD COLUMN shared INTEGER NOT NULL DEFAULT 1 CHECK (shared IN (0, 1));
CREATE TABLE area_shares (
  area_id TEXT NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (area_id, user_id)
) STRICT;
