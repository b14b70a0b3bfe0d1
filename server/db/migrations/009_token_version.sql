-- The API-token principal is cached in memory so a till's lookup does not read api_tokens on every request. Any
-- change that could narrow what a token may do (revoked, re-scoped, renamed, deleted) moves this number, whichever
-- process or tool wrote it, and every cache drops what it held. Touching last_used_at does not move it.
CREATE TABLE token_data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO token_data_version (id, n) VALUES (1, 0);

CREATE TRIGGER api_tokens_update_bumps_version AFTER UPDATE OF name, token_hash, scopes, revoked_at ON api_tokens
BEGIN UPDATE token_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_delete_bumps_version AFTER DELETE ON api_tokens
BEGIN UPDATE token_data_version SET n = n + 1 WHERE id = 1; END;
