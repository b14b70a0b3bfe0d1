// Kept calendar feeds: POST /api/events/import with {"url", "subscribe": true} keeps the feed; a sync (on request or
// when the scheduler finds it due) updates its events, removes the upcoming ones the feed no longer lists or cancels,
// keeps past ones, and records a failure without touching any event. The feed is served by a fake calendar host on
// this machine whose calendar the tests rewrite between syncs; the server's clock is set by the test.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';

interface FeedView {
  id: string;
  label: string;
  lastAttemptAt: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastSummary: { inserted: number; updated: number; removed: number; needsPlace: number } | null;
  eventCount: number;
  nextSyncAt: string;
}

const SECRET = 's3cret-feed-token';
const T0 = Date.parse('2026-04-01T08:00:00Z');
let now = T0;

/** A VEVENT at a UTC start, one hour long, placed in Kreuzberg. */
const vevent = (uid: string, name: string, start: string, extra = '') =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:${start}\r\nDURATION:PT1H\r\nSUMMARY:${name}\r\nGEO:52.4990;13.4030\r\n${extra}END:VEVENT\r\n`;
const calendar = (...events: string[]) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Catchment tests//EN\r\n${events.join('')}END:VCALENDAR\r\n`;

const PAST = vevent('past@city', 'Flea market', '20260320T100000Z');
const SOON = vevent('soon@city', 'Street festival', '20260410T160000Z');
const LATER = vevent('later@city', 'Night run', '20260420T190000Z');

/** The fake host answers /city.ics with `served.body` (or `served.status` when it is not 200), and counts requests. */
const served = { status: 200, body: calendar(PAST, SOON, LATER), requests: 0 };
let host: Server;
let server: TestServer;
let feedUrl: string;

beforeAll(async () => {
  host = createServer((req, res) => {
    served.requests += 1;
    if (served.status !== 200)
      return void res.writeHead(served.status, { 'Content-Type': 'text/plain' }).end('unavailable');
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(served.body);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/city.ics?token=${SECRET}`;
  server = await startTestServer({
    customers: 100,
    clock: () => new Date(now),
    env: { CATCHMENT_FEEDS_ALLOW_PRIVATE: '1' },
  });
});
afterAll(async () => {
  await server?.close();
  host?.closeAllConnections();
  await new Promise((resolve) => host?.close(resolve));
});

const post = (path: string, body?: unknown) =>
  server.fetch(path, {
    method: 'POST',
    ...(body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
const feedList = async () =>
  ((await (await server.fetch('/api/events/feeds')).json()) as { feeds: FeedView[] }).feeds;
/** Rows straight from the file, to see what a sync wrote (and what it did not). */
const rows = () => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT id, ics_uid AS uid, name, starts_at AS startsAt, feed_id AS feedId FROM events WHERE source = 'ics' ORDER BY starts_at",
      )
      .all() as {
      id: string;
      uid: string;
      name: string;
      startsAt: string;
      feedId: string | null;
    }[];
  } finally {
    db.close();
  }
};
const lastAudit = (action: string) => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db
      .prepare('SELECT actor, detail FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1')
      .get(action) as { actor: string; detail: string } | undefined;
  } finally {
    db.close();
  }
};

describe('a calendar feed kept in sync', () => {
  let feedId: string;

  it('refuses a subscribe flag that is not a boolean, naming it, and keeps nothing', async () => {
    await expectProblem(
      await post('/api/events/import', { url: feedUrl, subscribe: 'yes' }),
      422,
      'body.subscribe',
    );
    expect(await feedList()).toEqual([]);
    expect(rows()).toEqual([]);
  });

  it('imports a feed once without keeping it, unless asked', async () => {
    const once = (await (await post('/api/events/import', { url: feedUrl })).json()) as {
      source: { feedId?: string };
      inserted: number;
    };
    expect(once.inserted).toBe(3);
    expect(once.source.feedId).toBeUndefined();
    expect(await feedList()).toEqual([]);
    expect(rows().map((r) => r.feedId)).toEqual([null, null, null]);
  });

  it('keeps a subscribed feed: its events are linked, the list hides the token, the next sync is six hours on', async () => {
    const response = await post('/api/events/import', { url: feedUrl, subscribe: true });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      source: { url: string; feedId: string };
      inserted: number;
      updated: number;
      removed: number;
    };
    expect(result).toMatchObject({ inserted: 0, updated: 3, removed: 0 });
    feedId = result.source.feedId;
    expect(feedId).toMatch(/^feed-/);
    expect(rows().map((r) => r.feedId)).toEqual([feedId, feedId, feedId]);

    const [feed, ...others] = await feedList();
    expect(others).toEqual([]);
    expect(feed).toMatchObject({
      id: feedId,
      eventCount: 3,
      lastError: null,
      lastSyncedAt: new Date(T0).toISOString(),
    });
    expect(feed!.label).toBe(`${new URL(feedUrl).origin}/city.ics?…`);
    expect(JSON.stringify(feed)).not.toContain(SECRET);
    expect(feed!.nextSyncAt).toBe(new Date(T0 + 6 * 3_600_000).toISOString());

    // Subscribing to the same address again keeps one feed.
    const again = (await (
      await post('/api/events/import', { url: feedUrl, subscribe: true })
    ).json()) as { source: { feedId: string } };
    expect(again.source.feedId).toBe(feedId);
    expect(await feedList()).toHaveLength(1);
  });

  it('a sync updates what changed, adds what is new, removes an upcoming event the feed dropped and keeps a past one', async () => {
    now = T0 + 3_600_000;
    served.body = calendar(
      vevent('soon@city', 'Street festival (moved to Sunday)', '20260412T160000Z'),
      vevent('new@city', 'Pop-up market', '20260415T090000Z'),
    );
    const response = await post(`/api/events/feeds/${feedId}/sync`);
    expect(response.status).toBe(200);
    const { feed, summary } = (await response.json()) as {
      feed: FeedView;
      summary: FeedView['lastSummary'];
    };
    expect(summary).toEqual({ inserted: 1, updated: 1, removed: 1, needsPlace: 0 });
    expect(feed).toMatchObject({
      eventCount: 3,
      lastSummary: summary,
      lastSyncedAt: new Date(now).toISOString(),
    });
    expect(rows().map((r) => [r.uid, r.name])).toEqual([
      ['past@city', 'Flea market'], // in the past: history, kept though the feed no longer lists it
      ['soon@city', 'Street festival (moved to Sunday)'],
      ['new@city', 'Pop-up market'],
    ]);
    const audit = lastAudit('event.import')!;
    expect(JSON.parse(audit.detail)).toEqual({
      inserted: 1,
      updated: 1,
      removed: 1,
      needsPlace: 0,
      feedId,
    });
  });

  it('an event the feed marks cancelled is removed', async () => {
    served.body = calendar(
      vevent(
        'soon@city',
        'Street festival (moved to Sunday)',
        '20260412T160000Z',
        'STATUS:CANCELLED\r\n',
      ),
      vevent('new@city', 'Pop-up market', '20260415T090000Z'),
    );
    const { summary } = (await (await post(`/api/events/feeds/${feedId}/sync`)).json()) as {
      summary: FeedView['lastSummary'];
    };
    expect(summary).toMatchObject({ inserted: 0, updated: 1, removed: 1 });
    expect(rows().map((r) => r.uid)).toEqual(['past@city', 'new@city']);
  });

  it('a feed that fails keeps every event and says why; the next good sync clears the error', async () => {
    const before = rows();
    served.status = 500;
    const failed = await post(`/api/events/feeds/${feedId}/sync`);
    const problem = await expectProblem(failed, 502);
    expect(problem.detail).toContain('500');
    expect(rows()).toEqual(before);
    const [feed] = await feedList();
    expect(feed!.lastError).toContain('500');
    expect(feed!.lastSummary).toMatchObject({ updated: 1, removed: 1 }); // the last success's, still

    served.status = 200;
    served.body =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:not-a-date\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    await expectProblem(await post(`/api/events/feeds/${feedId}/sync`), 422, 'body.line.4');
    expect(rows()).toEqual(before);
    expect((await feedList())[0]!.lastError).toContain('errors');

    served.body = calendar(vevent('new@city', 'Pop-up market', '20260415T090000Z'));
    expect((await post(`/api/events/feeds/${feedId}/sync`)).status).toBe(200);
    expect((await feedList())[0]!.lastError).toBeNull();
  });

  it('a sync over the events limit fails with that reason and changes nothing; a rule cut short is reported', async () => {
    const before = rows();
    const everyMinute = Array.from({ length: 6 }, (_, i) =>
      vevent(`busy-${i}@city`, 'Every minute', '20260410T100000Z', 'RRULE:FREQ=MINUTELY\r\n'),
    );
    served.body = calendar(...everyMinute);
    const problem = await expectProblem(
      await post(`/api/events/feeds/${feedId}/sync`),
      422,
      'body',
    );
    expect(problem.detail).toMatch(/more than 5,000 events/);
    expect(rows()).toEqual(before);
    expect((await feedList())[0]!.lastError).toMatch(/more than 5,000 events/);

    served.body = calendar(
      vevent('new@city', 'Pop-up market', '20260415T090000Z'),
      vevent('every-second@city', 'Every second', '20260410T100000Z', 'RRULE:FREQ=SECONDLY\r\n'),
    );
    const synced = await post(`/api/events/feeds/${feedId}/sync`);
    expect(synced.status).toBe(200);
    const { summary, truncated } = (await synced.json()) as {
      summary: FeedView['lastSummary'];
      truncated: unknown;
    };
    expect(summary).toMatchObject({ inserted: 1000 });
    expect(truncated).toEqual({
      count: 1,
      series: [
        { uid: 'every-second@city', name: 'Every second', reason: 'series-cap', kept: 1000 },
      ],
    });

    served.body = calendar(vevent('new@city', 'Pop-up market', '20260415T090000Z'));
    expect(await (await post(`/api/events/feeds/${feedId}/sync`)).json()).toMatchObject({
      summary: { removed: 1000 },
      truncated: { count: 0 },
    });
    expect(rows()).toEqual(before);
  });

  it('the scheduler syncs a feed once its last attempt is six hours old, as the server', async () => {
    served.body = calendar(
      vevent('new@city', 'Pop-up market', '20260415T090000Z'),
      vevent('late@city', 'Late show', '20260416T200000Z'),
    );
    const asked = served.requests;
    now += 5 * 3_600_000;
    expect(await server.deps.feeds.syncDue()).toEqual([]);
    expect(served.requests).toBe(asked);

    now += 3_600_000 + 60_000;
    const [outcome, ...more] = await server.deps.feeds.syncDue();
    expect(more).toEqual([]);
    expect(outcome).toMatchObject({ ok: true, summary: { inserted: 1 } });
    expect(served.requests).toBe(asked + 1);
    expect(rows().map((r) => r.uid)).toContain('late@city');
    expect(lastAudit('event.import')!.actor).toBe('feed sync');
  });

  it('stopping a feed keeps its events; an unknown feed is a 404 naming the id', async () => {
    const kept = rows();
    expect((await server.fetch(`/api/events/feeds/${feedId}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect(await feedList()).toEqual([]);
    expect(rows()).toEqual(kept.map((r) => ({ ...r, feedId: null })));
    expect(JSON.parse(lastAudit('event.feed.delete')!.detail)).toMatchObject({
      events: kept.length,
    });
    expect(lastAudit('event.feed.delete')!.detail).not.toContain(SECRET);
    await expectProblem(
      await server.fetch(`/api/events/feeds/${feedId}`, { method: 'DELETE' }),
      404,
      'params.id',
    );
    await expectProblem(await post(`/api/events/feeds/${feedId}/sync`), 404, 'params.id');
  });

  it('only roles that may import see the feeds, and the token never reaches the log', async () => {
    const viewer = await server.as('viewer');
    expect((await viewer('/api/events/feeds')).status).toBe(403);
    const marketer = await server.as('marketer');
    expect((await marketer('/api/events/feeds')).status).toBe(200);
    expect(server.logLines.join('\n')).not.toContain(SECRET);
    expect(server.logLines.some((line) => line.includes('synced a calendar feed'))).toBe(true);
  });
});
