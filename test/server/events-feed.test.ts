// POST /api/events/import with {"url"}: the server fetches the feed from a fake calendar host on this machine (node:http
// on port 0, serving test/fixtures/ics) and imports it exactly like a file. Failures — an error answer, a feed too slow
// or too large, a redirect loop, HTML instead of a calendar, a bad URL or scheme — answer problem+json naming body.url
// (or the calendar's lines) and write nothing. A server with the default policy refuses loopback, link-local and a
// redirect into the private network, before connecting.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import {
  FEED_DEFAULTS,
  feedAddressPolicy,
  fetchFeed,
} from '../../server/services/events/feed-fetch.js';

interface ImportResult {
  source?: { url: string };
  inserted: number;
  updated: number;
  needsPlace: number;
  events: string[];
}

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url), 'utf8');
const window = `from=${encodeURIComponent('2026-03-01T00:00:00Z')}&to=${encodeURIComponent('2026-06-01T00:00:00Z')}`;

/** The fake calendar host; `requests` records every path it was asked for. */
function startFeedHost(): Promise<{
  server: Server;
  base: string;
  requests: string[];
  port: number;
}> {
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://feed.test');
    requests.push(url.pathname);
    const [, kind, name] = url.pathname.split('/');
    if (kind === 'cal' && name) {
      res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' });
      return res.end(fixture(name));
    }
    if (kind === 'moved' && name) {
      res.writeHead(302, { Location: `/cal/${name}${url.search}` });
      return res.end();
    }
    if (kind === 'loop') {
      res.writeHead(301, { Location: `/loop/${Number(name ?? 0) + 1}` });
      return res.end();
    }
    if (kind === 'error') {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      return res.end('internal error');
    }
    if (kind === 'silent') return void hanging.add(res); // never answers
    if (kind === 'trickle') {
      res.writeHead(200, { 'Content-Type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n');
      return void hanging.add(res); // headers, then nothing more
    }
    if (kind === 'huge') {
      res.writeHead(200, { 'Content-Type': 'text/calendar' }); // chunked, no Content-Length: the size shows while reading
      const line = `X-PADDING:${'x'.repeat(64 * 1024)}\r\n`;
      let sent = 0;
      const pump = () => {
        while (sent < 3 * 1024 * 1024) {
          sent += line.length;
          if (!res.write(line)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return pump();
    }
    if (kind === 'html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<!doctype html>\n<html><body>Our calendar moved</body></html>\n');
    }
    res.writeHead(404);
    res.end();
  });
  server.on('close', () => hanging.forEach((r) => r.destroy()));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, requests, port });
    }),
  );
}

let feeds: Awaited<ReturnType<typeof startFeedHost>>;
let server: TestServer;
let strict: TestServer;

beforeAll(async () => {
  feeds = await startFeedHost();
  [server, strict] = await Promise.all([
    startTestServer({
      customers: 100,
      env: { CATCHMENT_FEEDS_ALLOW_PRIVATE: '1' },
      feedLimits: { headersTimeoutMs: 300, bodyTimeoutMs: 1500 },
    }),
    startTestServer({ customers: 100 }),
  ]);
});
afterAll(async () => {
  feeds?.server.closeAllConnections();
  await new Promise((resolve) => feeds?.server.close(resolve));
  await server?.close();
  await strict?.close();
});

const importUrl = (target: TestServer, url: string) =>
  target.fetch(`/api/events/import?${window}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url }),
  });
const importFile = (text: string) =>
  server.fetch(`/api/events/import?${window}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/calendar' },
    body: text,
  });
const snapshot = (target: TestServer) => {
  const db = new Database(target.dbFile, { readonly: true });
  try {
    return JSON.stringify(db.prepare('SELECT * FROM events ORDER BY id').all());
  } finally {
    db.close();
  }
};
const eventCount = (target: TestServer) => {
  const db = new Database(target.dbFile, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('importing a calendar feed by its URL', () => {
  it('imports a feed exactly as the same file, says where it came from, and re-imports without duplicates', async () => {
    const url = `${feeds.base}/cal/berlin-dst.ics?token=s3cret-feed-token`;
    const response = await importUrl(server, url);
    expect(response.status).toBe(200);
    const byUrl = (await response.json()) as ImportResult;
    expect(byUrl).toMatchObject({ source: { url }, inserted: 3, updated: 0, needsPlace: 0 });
    const afterUrl = snapshot(server);

    const byFile = (await (await importFile(fixture('berlin-dst.ics'))).json()) as ImportResult;
    expect(byFile.source).toBeUndefined();
    expect(byFile).toMatchObject({ inserted: 0, updated: 3, events: byUrl.events });
    expect(snapshot(server)).toBe(afterUrl); // the file changed nothing: the feed wrote the very same rows

    const again = (await (await importUrl(server, url)).json()) as ImportResult;
    expect(again).toMatchObject({ inserted: 0, updated: 3, events: byUrl.events });
    expect(snapshot(server)).toBe(afterUrl);
    // The feed's secret query never reaches the log; its host may.
    expect(server.logLines.join('\n')).not.toContain('s3cret-feed-token');
    expect(
      server.logLines.some(
        (line) => line.includes('fetched a calendar feed') && line.includes('127.0.0.1'),
      ),
    ).toBe(true);
  });

  it('follows a redirect and reads webcal:// as https', async () => {
    const moved = await importUrl(server, `${feeds.base}/moved/all-day.ics`);
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as ImportResult).inserted).toBe(2);
    // webcal:// becomes https://, which the plain-HTTP fake host cannot speak: the fetch fails cleanly, over TLS.
    const before = eventCount(server);
    await expectProblem(
      await importUrl(server, `webcal://127.0.0.1:${feeds.port}/cal/location-only.ics`),
      502,
      'body.url',
    );
    expect(eventCount(server)).toBe(before);
  });

  it.each([
    ['an error answer', '/error', 502, /the feed answered 500/],
    ['a feed that never answers', '/silent', 504, /did not answer within 0\.3 s/],
    ['a feed that stops sending', '/trickle', 504, /did not send its calendar within 1\.5 s/],
    ['a feed over the size limit', '/huge', 422, /larger than 1,048,576 bytes/],
    ['a redirect loop', '/loop/0', 502, /redirected more than 3 times/],
    ['a missing feed', '/nothing-here', 502, /answered 404/],
  ])(
    'refuses %s with a reason naming body.url and writes nothing',
    async (_label, path, status, reason) => {
      const before = snapshot(server);
      const started = Date.now();
      const problem = await expectProblem(
        await importUrl(server, feeds.base + path),
        status,
        'body.url',
      );
      expect(problem.errors!.find((e) => e.field === 'body.url')!.message).toMatch(reason);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(snapshot(server)).toBe(before);
    },
  );

  it('follows a redirect loop no further than 3 hops', async () => {
    const start = feeds.requests.length;
    await expectProblem(await importUrl(server, `${feeds.base}/loop/100`), 502, 'body.url');
    expect(feeds.requests.slice(start)).toEqual([
      '/loop/100',
      '/loop/101',
      '/loop/102',
      '/loop/103',
    ]);
  });

  it('answers HTML instead of a calendar with the line error of a bad file', async () => {
    const before = snapshot(server);
    const problem = await expectProblem(
      await importUrl(server, `${feeds.base}/html`),
      422,
      'body.line.1',
    );
    expect(problem.detail).toMatch(/nothing was imported/);
    expect(snapshot(server)).toBe(before);
  });

  it.each([
    ['not a URL', 'not a url', /not a valid URL/],
    ['ftp:', 'ftp://127.0.0.1/calendar.ics', /ftp: addresses are not fetched/],
    ['file:', 'file:///etc/passwd', /file: addresses are not fetched/],
    [
      'credentials',
      `http://user:pass@127.0.0.1:${feeds?.port ?? 1}/cal/all-day.ics`,
      /user name or password/,
    ],
  ])('refuses %s before fetching anything', async (_label, url, reason) => {
    const before = snapshot(server);
    const requests = feeds.requests.length;
    const problem = await expectProblem(await importUrl(server, url), 422, 'body.url');
    expect(problem.errors![0]!.message).toMatch(reason);
    expect(feeds.requests.length).toBe(requests);
    expect(snapshot(server)).toBe(before);
  });

  it('wants a url in the JSON body', async () => {
    await expectProblem(await importUrl(server, ''), 422, 'body.url');
    await expectProblem(
      await server.fetch(`/api/events/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"url":',
      }),
      400,
      'body',
    );
    const viewer = await server.as('viewer');
    await expectProblem(
      await viewer('/api/events/import', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: `${feeds.base}/cal/all-day.ics` }),
      }),
      403,
    );
  });
});

describe('the default policy: no feeds from inside the network', () => {
  it.each([
    ['127.0.0.1', () => `${feeds.base}/cal/all-day.ics`, /127\.0\.0\.1 is a loopback address/],
    [
      'localhost (resolved, then checked)',
      () => `http://localhost:${feeds.port}/cal/all-day.ics`,
      /is a loopback address/,
    ],
    ['[::1]', () => `http://[::1]:${feeds.port}/cal/all-day.ics`, /::1 is a loopback address/],
    [
      'cloud metadata',
      () => 'http://169.254.169.254/latest/meta-data/',
      /169\.254\.169\.254 is link-local/,
    ],
    [
      'an IPv4-mapped loopback',
      () => `http://[::ffff:127.0.0.1]:${feeds.port}/cal/all-day.ics`,
      /is a loopback address/,
    ],
    [
      'a private network',
      () => 'http://10.0.0.5/calendar.ics',
      /address 10\.0\.0\.5 is in a private network/,
    ],
    [
      'a loopback address spelt as one number',
      () => `http://2130706433:${feeds.port}/cal/all-day.ics`,
      /127\.0\.0\.1 is a loopback address/,
    ],
  ])('refuses %s without connecting', async (_label, url, reason) => {
    const before = eventCount(strict);
    const requests = feeds.requests.length;
    const problem = await expectProblem(await importUrl(strict, url()), 422, 'body.url');
    expect(problem.errors![0]!.message).toMatch(reason);
    expect(feeds.requests.length).toBe(requests);
    expect(eventCount(strict)).toBe(before);
  });

  it('re-checks a redirect: an allowed first hop cannot lead into the private network', async () => {
    const strictPolicy = feedAddressPolicy({ allowPrivate: false });
    const firstHopOnly = (address: string, hop: number) =>
      hop === 0 ? null : strictPolicy(address, hop);
    const requests = feeds.requests.length;
    const result = await fetchFeed(`${feeds.base}/moved/all-day.ics`, {
      ...FEED_DEFAULTS,
      isAllowedAddress: firstHopOnly,
    });
    expect(result).toEqual({
      ok: false,
      status: 422,
      reason: 'address 127.0.0.1 is a loopback address',
    });
    expect(feeds.requests.slice(requests)).toEqual(['/moved/all-day.ics']); // the private target was never asked
    // The same redirect with the policy open reaches the calendar.
    const open = await fetchFeed(`${feeds.base}/moved/all-day.ics`, {
      ...FEED_DEFAULTS,
      isAllowedAddress: () => null,
    });
    expect(open.ok && open.text.startsWith('BEGIN:VCALENDAR')).toBe(true);
  });

  it('still refuses link-local and multicast addresses when private feeds are allowed', () => {
    const open = feedAddressPolicy({ allowPrivate: true });
    expect(open('127.0.0.1', 0)).toBeNull();
    expect(open('192.168.1.20', 0)).toBeNull();
    expect(open('fd00::1', 0)).toBeNull();
    expect(open('169.254.169.254', 0)).toMatch(/link-local/);
    expect(open('224.0.0.1', 0)).toMatch(/multicast/);
    expect(open('0.0.0.0', 0)).toMatch(/unspecified/);
  });
});
