-- The signed-in user of a session is cached in memory so a list request does not read sessions and users every time
-- (issue 21). Anything that could end a session or narrow what its user may do (sign-out, a password change, a
-- deactivation, a new role, other stores) moves this number, whichever process or tool wrote it, and every cache drops
-- what it held. Touching last_seen_at and signing in do not move it.
CREATE TABLE session_data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO session_data_version (id, n) VALUES (1, 0);

CREATE TRIGGER sessions_delete_bumps_version AFTER DELETE ON sessions
BEGIN UPDATE session_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_user_change_bumps_version AFTER UPDATE OF user_id, expires_at ON sessions
BEGIN UPDATE session_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_update_bumps_session_version AFTER UPDATE ON users
BEGIN UPDATE session_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER users_delete_bumps_session_version AFTER DELETE ON users
BEGIN UPDATE session_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER user_stores_insert_bumps_session_version AFTER INSERT ON user_stores
BEGIN UPDATE session_data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER user_stores_delete_bumps_session_version AFTER DELETE ON user_stores
BEGIN UPDATE session_data_version SET n = n + 1 WHERE id = 1; END;
