-- Calendar feeds a workspace keeps in sync: the server fetches each again every few hours, updates its events by UID
-- and removes the upcoming ones the feed no longer lists (cancelled or dropped). The URL is kept whole because it is
-- fetched again, but it is never logged or shown in full: feed queries often carry secret tokens.
CREATE TABLE event_feeds (
  id              TEXT PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  -- The last attempt, successful or not, and the last success; the scheduler waits the interval after an attempt.
  last_attempt_at TEXT,
  last_synced_at  TEXT,
  -- Why the last attempt failed, or NULL when it worked.
  last_error      TEXT,
  -- {inserted, updated, removed, needsPlace} of the last successful sync.
  last_summary    TEXT CHECK (last_summary IS NULL OR json_valid(last_summary))
) STRICT;

-- The feed an event came from; NULL for events made by hand or imported from a file. Unsubscribing keeps the events.
ALTER TABLE events ADD COLUMN feed_id TEXT REFERENCES event_feeds(id) ON DELETE SET NULL;
CREATE INDEX events_feed ON events(feed_id) WHERE feed_id IS NOT NULL;
