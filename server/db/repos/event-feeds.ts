// event_feeds table access, and the link from events to the feed they came from. Callers choose the transaction.
import type { Db } from '../connection.js';

export interface FeedSyncSummary {
  inserted: number;
  updated: number;
  removed: number;
  needsPlace: number;
}

export interface EventFeedRecord {
  id: string;
  /** Whole, with any token in its query: for fetching only, never for logs or answers. */
  url: string;
  createdAt: string;
  lastAttemptAt: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastSummary: FeedSyncSummary | null;
  /** Events linked to the feed now. */
  eventCount: number;
}

interface FeedRow {
  id: string;
  url: string;
  created_at: string;
  last_attempt_at: string | null;
  last_synced_at: string | null;
  last_error: string | null;
  last_summary: string | null;
  event_count: number;
}

const toRecord = (row: FeedRow): EventFeedRecord => ({
  id: row.id,
  url: row.url,
  createdAt: row.created_at,
  lastAttemptAt: row.last_attempt_at,
  lastSyncedAt: row.last_synced_at,
  lastError: row.last_error,
  lastSummary: row.last_summary === null ? null : (JSON.parse(row.last_summary) as FeedSyncSummary),
  eventCount: row.event_count,
});

const SELECT_FEEDS =
  'SELECT f.*, (SELECT count(*) FROM events e WHERE e.feed_id = f.id) AS event_count FROM event_feeds f';

export function listEventFeeds(db: Db): EventFeedRecord[] {
  return (db.prepare(`${SELECT_FEEDS} ORDER BY f.created_at, f.id`).all() as FeedRow[]).map(
    toRecord,
  );
}

export function findEventFeed(db: Db, id: string): EventFeedRecord | undefined {
  const row = db.prepare(`${SELECT_FEEDS} WHERE f.id = ?`).get(id) as FeedRow | undefined;
  return row && toRecord(row);
}

export function findEventFeedByUrl(db: Db, url: string): EventFeedRecord | undefined {
  const row = db.prepare(`${SELECT_FEEDS} WHERE f.url = ?`).get(url) as FeedRow | undefined;
  return row && toRecord(row);
}

/** Feeds whose last attempt is older than `before` (or that were never tried), oldest first. */
export function dueEventFeeds(db: Db, before: string): EventFeedRecord[] {
  return (
    db
      .prepare(
        `${SELECT_FEEDS} WHERE f.last_attempt_at IS NULL OR f.last_attempt_at < ? ORDER BY f.last_attempt_at NULLS FIRST, f.id`,
      )
      .all(before) as FeedRow[]
  ).map(toRecord);
}

export function insertEventFeed(
  db: Db,
  feed: { id: string; url: string; createdAt: string; createdBy: string | null },
): void {
  db.prepare('INSERT INTO event_feeds (id, url, created_at, created_by) VALUES (?, ?, ?, ?)').run(
    feed.id,
    feed.url,
    feed.createdAt,
    feed.createdBy,
  );
}

export function recordFeedSuccess(db: Db, id: string, at: string, summary: FeedSyncSummary): void {
  db.prepare(
    'UPDATE event_feeds SET last_attempt_at = ?, last_synced_at = ?, last_error = NULL, last_summary = ? WHERE id = ?',
  ).run(at, at, JSON.stringify(summary), id);
}

export function recordFeedFailure(db: Db, id: string, at: string, error: string): void {
  db.prepare('UPDATE event_feeds SET last_attempt_at = ?, last_error = ? WHERE id = ?').run(
    at,
    error,
    id,
  );
}

export function deleteEventFeed(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM event_feeds WHERE id = ?').run(id).changes === 1;
}

export function linkEventToFeed(db: Db, eventId: string, feedId: string): void {
  db.prepare('UPDATE events SET feed_id = ? WHERE id = ? AND feed_id IS NOT ?').run(
    feedId,
    eventId,
    feedId,
  );
}

/** The feed's events starting in [from, to] that are not in `keep`: what a sync removes. */
export function feedEventsOutside(
  db: Db,
  feedId: string,
  keep: ReadonlySet<string>,
  from: string,
  to: string,
): string[] {
  const ids = db
    .prepare(
      'SELECT id FROM events WHERE feed_id = ? AND starts_at >= ? AND starts_at <= ? ORDER BY starts_at, id',
    )
    .pluck()
    .all(feedId, from, to) as string[];
  return ids.filter((id) => !keep.has(id));
}
