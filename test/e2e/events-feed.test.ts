// Importing a calendar feed by its URL from the Events panel in a real Chromium: a fake calendar host on this machine
// serves a small .ics (the app server allows private feeds, as an intranet install would); the panel sums up what was
// added and the events are listed. A URL the server refuses shows its reason next to the field and adds nothing. The
// feed is kept in sync: "Sync now" brings a renamed, a new and a cancelled event, and "Stop syncing" keeps the events.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventCollection } from '../../client/api/contract';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const DAY_MS = 86_400_000;

const eventsList = (page: Page) =>
  page.locator('.nav-panel .list-section', { has: page.locator('h2', { hasText: 'Events' }) });
const icsTime = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

describe.skipIf(skipReason)('importing a calendar feed in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let feedHost: Server;
  let feedBase: string;
  /** What the fake host serves at /city.ics; the test rewrites it between syncs. */
  let served: string;

  /** A calendar of [uid, name, days from now] events, two hours each, in Mitte. */
  const calendar = (...events: [string, string, number][]) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//catchment//e2e feed//EN',
      ...events.flatMap(([uid, name, days]) => {
        const start = new Date(Date.now() + days * DAY_MS);
        return [
          'BEGIN:VEVENT',
          `UID:${uid}`,
          `DTSTAMP:${icsTime(new Date())}`,
          `DTSTART:${icsTime(start)}`,
          `DTEND:${icsTime(new Date(start.getTime() + 2 * 3_600_000))}`,
          `SUMMARY:${name}`,
          'GEO:52.52;13.405',
          'END:VEVENT',
        ];
      }),
      'END:VCALENDAR',
      '',
    ].join('\r\n');

  const allEvents = async () => {
    const now = Date.now();
    const query = new URLSearchParams({
      from: new Date(now - 60 * DAY_MS).toISOString(),
      to: new Date(now + 400 * DAY_MS).toISOString(),
    });
    return (
      (await (await server.fetch(`/api/events?${query.toString()}`)).json()) as EventCollection
    ).features;
  };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    served = calendar(['e2e-feed-market@catchment', 'Feed farmers market', 4]);
    feedHost = createServer((req, res) => {
      if (req.url?.startsWith('/city.ics')) {
        res.writeHead(200, { 'Content-Type': 'text/calendar' });
        return res.end(served);
      }
      res.writeHead(500);
      res.end();
    });
    await new Promise<void>((resolve) => feedHost.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedHost.address() as AddressInfo).port}`;
    [server, browser] = await Promise.all([
      startTestServer({ env: { CATCHMENT_FEEDS_ALLOW_PRIVATE: '1' } }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    feedHost?.closeAllConnections();
    await new Promise((resolve) => feedHost?.close(resolve));
  });

  it('imports a feed URL typed into the panel, and shows a refused one next to the field', async () => {
    const { page, errors } = await openAppPage(browser, server.url, {
      session: server.fetch.session,
    });
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    const list = eventsList(page);
    const field = list.getByLabel('Import from a feed URL');
    await field.fill(`${feedBase}/city.ics?token=e2e`);
    await list.getByRole('button', { name: 'Import', exact: true }).click();
    await list
      .locator('[data-import="done"]', { hasText: '1 added, 0 updated, 0 need a place' })
      .waitFor();
    await list.locator('.item__label', { hasText: 'Feed farmers market' }).first().waitFor();
    await page.screenshot({ path: 'test-results/events-feed.png' });
    expect(
      (await allEvents()).filter((f) => f.properties.name === 'Feed farmers market'),
    ).toHaveLength(1);

    const before = (await allEvents()).length;
    await field.fill(`${feedBase}/broken`);
    await list.getByRole('button', { name: 'Import', exact: true }).click();
    const failure = list.locator('[data-import="error"]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain(
      'The calendar could not be fetched from this address.',
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await allEvents()).length).toBe(before);
    // The 502 is shown in the panel; the browser logs the failed request, nothing else.
    expect(errors.filter((e) => !/502|Bad Gateway/.test(e))).toEqual([]);

    // "Keep in sync" was on: the feed is listed without its token; the refused URL was not kept.
    const kept = list.locator('.kept-feed');
    await kept.first().waitFor();
    await expect(kept.count()).resolves.toBe(1);
    await expect(kept.locator('.kept-feed__label').textContent()).resolves.toBe(
      `${feedBase}/city.ics?…`,
    );
    await expect(list.locator('.kept-feeds').textContent()).resolves.not.toContain('token=e2e');
    await expect(kept.locator('[data-feed-status="synced"]').textContent()).resolves.toMatch(
      /^Synced .+ · 1 event$/,
    );

    // The city renames the market and adds a night run: "Sync now" brings both in.
    served = calendar(
      ['e2e-feed-market@catchment', 'Feed farmers market (late opening)', 4],
      ['e2e-feed-run@catchment', 'Feed night run', 6],
    );
    await kept.getByRole('button', { name: 'Sync now' }).click();
    await page.locator('.toast', { hasText: 'Feed synced' }).waitFor();
    await expect(
      page.locator('.toast', { hasText: 'Feed synced' }).textContent(),
    ).resolves.toContain('1 added, 1 updated, 0 removed');
    await list.locator('.item__label', { hasText: 'Feed night run' }).first().waitFor();
    await list
      .locator('.item__label', { hasText: 'Feed farmers market (late opening)' })
      .first()
      .waitFor();
    await expect(kept.locator('[data-feed-status="synced"]').textContent()).resolves.toMatch(
      /· 2 events$/,
    );
    await list.locator('.kept-feeds').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/events-feed-kept.png' });

    // The run is cancelled: the next sync removes it.
    served = calendar(['e2e-feed-market@catchment', 'Feed farmers market (late opening)', 4]);
    await kept.getByRole('button', { name: 'Sync now' }).click();
    await page.locator('.toast', { hasText: '0 added, 1 updated, 1 removed' }).waitFor();
    await list
      .locator('.item__label', { hasText: 'Feed night run' })
      .waitFor({ state: 'detached' });

    // Stopping asks first; the feed goes, its event stays.
    await kept.getByRole('button', { name: 'Stop syncing' }).click();
    await kept.getByRole('button', { name: 'Stop', exact: true }).click();
    await list.locator('.kept-feeds').waitFor({ state: 'detached' });
    expect(
      (await allEvents()).filter((f) => f.properties.name === 'Feed farmers market (late opening)'),
    ).toHaveLength(1);
    const feeds = (await (await server.fetch('/api/events/feeds')).json()) as { feeds: unknown[] };
    expect(feeds.feeds).toEqual([]);
    expect(errors.filter((e) => !/502|Bad Gateway/.test(e))).toEqual([]);
    await page.close();
  });
});
