// Calendar feeds kept in sync. A feed imported with "keep in sync" is remembered; every FEED_SYNC_HOURS the server
// fetches it again, updates its events by UID and occurrence, and removes the upcoming ones the feed no longer lists
// (cancelled or dropped). Past events stay: campaigns' activations point at them. A failed sync keeps every event,
// records why, and is tried again at the next interval. Only the feed's host reaches the log.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import {
  dueEventFeeds,
  findEventFeed,
  findEventFeedByUrl,
  insertEventFeed,
  recordFeedFailure,
  recordFeedSuccess,
  type EventFeedRecord,
  type FeedSyncSummary,
} from '../../db/repos/event-feeds.js';
import { ServiceError, type CodedFieldError } from '../errors.js';
import type { Logger } from '../../logger.js';
import { parseIcs, type IcsResult, type IcsTruncation, type IcsWindow } from './ics.js';
import { importEvents, type EventWriter, type ImportSummary } from './events.js';
import { feedUrl, type FeedFailure, type FeedResult } from './feed-fetch.js';

export const FEED_SYNC_HOURS = 6;
/** How often the scheduler looks for feeds due a sync. */
export const FEED_CHECK_MINUTES = 15;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type ParsedCalendar = Extract<IcsResult, { ok: true }>;

/** Recurring events are expanded from 30 days back to a year ahead unless an import names its own window. */
export function defaultImportWindow(now: Date): { from: Date; to: Date } {
  return {
    from: new Date(now.getTime() - 30 * DAY_MS),
    to: new Date(now.getTime() + 365 * DAY_MS),
  };
}

/** The address to show for a feed: scheme, host and path, with `?…` where its query (often a secret token) was. */
export function feedLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}`;
  } catch {
    return '(unreadable address)';
  }
}

export type SyncOutcome =
  | { ok: true; feed: EventFeedRecord; summary: ImportSummary; truncated: IcsTruncation }
  | {
      ok: false;
      feed: EventFeedRecord;
      status: FeedFailure['status'];
      reason: string;
      errors: CodedFieldError[];
    };

export interface FeedSyncDeps {
  db: Db;
  fetchFeed: (url: string) => Promise<FeedResult>;
  logger: Logger;
  clock: () => Date;
}

/**
 * Writes one parsed calendar as the feed's current contents, with the feed's sync record, in one transaction. Its
 * events starting from now (or the window's start, if later) to the window's end that the calendar lacks are removed.
 */
export function applyFeedCalendar(
  db: Db,
  feedId: string,
  calendar: ParsedCalendar,
  writer: EventWriter,
  window: IcsWindow,
): ImportSummary {
  const removeFrom = new Date(Math.max(writer.at.getTime(), window.from.getTime()));
  return db.transaction(() => {
    const summary = importEvents(db, calendar, writer, { feedId, removeFrom, removeTo: window.to });
    recordFeedSuccess(db, feedId, writer.at.toISOString(), summaryOf(summary));
    return summary;
  })();
}

/**
 * Imports a calendar fetched from `url`. A kept feed owns its events, so importing its URL again is a sync; with
 * `subscribe` a new URL is kept from now on. One transaction: a feed is only kept if its calendar was imported.
 */
export function importFeedCalendar(
  db: Db,
  url: string,
  calendar: ParsedCalendar,
  writer: EventWriter,
  window: IcsWindow,
  subscribe: boolean,
): ImportSummary & { feedId?: string } {
  const address = feedUrl(url);
  const href = address.ok ? address.url.href : url;
  return db.transaction(() => {
    const kept = findEventFeedByUrl(db, href);
    if (!kept && !subscribe) return importEvents(db, calendar, writer);
    const feedId = kept?.id ?? keepFeed(db, href, writer);
    return { feedId, ...applyFeedCalendar(db, feedId, calendar, writer, window) };
  })();
}

function keepFeed(db: Db, url: string, writer: EventWriter): string {
  const id = `feed-${randomUUID()}`;
  insertEventFeed(db, {
    id,
    url,
    createdAt: writer.at.toISOString(),
    createdBy: writer.principal?.id ?? null,
  });
  return id;
}

/** The counts of an import, without its event ids: what a feed records and a sync answers. */
export const summaryOf = ({
  inserted,
  updated,
  removed,
  needsPlace,
}: ImportSummary): FeedSyncSummary => ({ inserted, updated, removed, needsPlace });

/** When the scheduler fetches a feed next: FEED_SYNC_HOURS after its last attempt, or now if that has passed. */
export function nextSyncAt(feed: Pick<EventFeedRecord, 'lastAttemptAt'>, now: Date): Date {
  const due = feed.lastAttemptAt
    ? Date.parse(feed.lastAttemptAt) + FEED_SYNC_HOURS * HOUR_MS
    : now.getTime();
  return new Date(Math.max(due, now.getTime()));
}

/**
 * Syncs feeds on request and on a timer. Two syncs of one feed never overlap: a request while one runs gets the
 * running one's outcome.
 */
export function createFeedSync(deps: FeedSyncDeps) {
  const running = new Map<string, Promise<SyncOutcome>>();
  let stopped = false;

  const fail = (
    feed: EventFeedRecord,
    at: Date,
    status: FeedFailure['status'],
    reason: string,
    errors: CodedFieldError[] = [],
  ): SyncOutcome => {
    recordFeedFailure(deps.db, feed.id, at.toISOString(), reason);
    deps.logger.info('calendar feed sync failed', { feed: feed.id, status });
    return { ok: false, feed: findEventFeed(deps.db, feed.id)!, status, reason, errors };
  };

  /** `principal` is who asked (null for the scheduler); the sync is dated when the feed's answer arrives. */
  const syncOnce = async (
    feed: EventFeedRecord,
    principal: EventWriter['principal'],
  ): Promise<SyncOutcome> => {
    const started = performance.now();
    const fetched = await deps.fetchFeed(feed.url);
    if (stopped) throw new Error('feed sync stopped: the server is closing');
    if (!findEventFeed(deps.db, feed.id))
      throw new ServiceError(
        'not-found',
        'The feed was removed while it synced; nothing was imported',
        [{ field: 'params.id', code: 'not_found', message: 'no longer kept in sync' }],
      );
    const at = deps.clock();
    if (!fetched.ok) return fail(feed, at, fetched.status, fetched.reason);
    const window = defaultImportWindow(at);
    const parsed = parseIcs(fetched.text, window, at);
    if (!parsed.ok) {
      const first = parsed.errors[0];
      // Over an import's limits (too many events, rules too slow to expand): the limit is the reason.
      if (parsed.detail && first) return fail(feed, at, 422, first.message, parsed.errors);
      return fail(
        feed,
        at,
        422,
        `the calendar has errors${first ? ` (${first.message})` : ''}`,
        parsed.errors,
      );
    }
    const summary = applyFeedCalendar(deps.db, feed.id, parsed, { principal, at }, window);
    const { truncated } = parsed;
    deps.logger.info('synced a calendar feed', {
      feed: feed.id,
      host: fetched.host,
      ...summaryOf(summary),
      truncated: truncated.count,
      ms: Math.round(performance.now() - started),
    });
    return { ok: true, feed: findEventFeed(deps.db, feed.id)!, summary, truncated };
  };

  const sync = (
    feed: EventFeedRecord,
    principal: EventWriter['principal'],
  ): Promise<SyncOutcome> => {
    const current = running.get(feed.id);
    if (current) return current;
    const next = syncOnce(feed, principal).finally(() => running.delete(feed.id));
    running.set(feed.id, next);
    return next;
  };

  /** Syncs every feed whose last attempt is FEED_SYNC_HOURS old, one after another; failures are recorded, not thrown. */
  const syncDue = async (): Promise<SyncOutcome[]> => {
    const outcomes: SyncOutcome[] = [];
    const before = new Date(deps.clock().getTime() - FEED_SYNC_HOURS * HOUR_MS).toISOString();
    for (const feed of dueEventFeeds(deps.db, before)) {
      if (stopped) break;
      try {
        outcomes.push(await sync(feed, null));
      } catch (error) {
        // Removed while it synced (a 404 for a request) or the server is closing: nothing went wrong.
        if (!stopped && !(error instanceof ServiceError))
          deps.logger.error('calendar feed sync crashed', {
            feed: feed.id,
            error: error instanceof Error ? error.message : String(error),
          });
      }
    }
    return outcomes;
  };

  /** Looks for due feeds every FEED_CHECK_MINUTES; the timer does not keep the process alive. */
  const schedule = (): (() => void) => {
    const timer = setInterval(() => void syncDue(), FEED_CHECK_MINUTES * 60_000);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  };

  return { sync, syncDue, schedule };
}

export type FeedSync = ReturnType<typeof createFeedSync>;
