// Importing a calendar feed by its URL from the Events panel in a real Chromium: a fake calendar host on this machine
// serves a small .ics (the app server allows private feeds, as an intranet install would); the panel sums up what was
// added and the events are listed. A URL the server refuses shows its reason next to the field and adds nothing.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventCollection } from '../../client/api/types';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const DAY_MS = 86_400_000;

const eventsList = (page: Page) => page.locator('.nav-panel .list-section', { has: page.locator('h2', { hasText: 'Events' }) });
const icsTime = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

describe.skipIf(skipReason)('importing a calendar feed in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let feedHost: Server;
  let feedBase: string;

  const allEvents = async () => {
    const now = Date.now();
    const query = new URLSearchParams({ from: new Date(now - 60 * DAY_MS).toISOString(), to: new Date(now + 400 * DAY_MS).toISOString() });
    return ((await (await server.fetch(`/api/events?${query.toString()}`)).json()) as EventCollection).features;
  };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    const start = new Date(Date.now() + 4 * DAY_MS);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//catchment//e2e feed//EN',
      'BEGIN:VEVENT',
      'UID:e2e-feed-market@catchment',
      `DTSTAMP:${icsTime(new Date())}`,
      `DTSTART:${icsTime(start)}`,
      `DTEND:${icsTime(end)}`,
      'SUMMARY:Feed farmers market',
      'GEO:52.52;13.405',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    feedHost = createServer((req, res) => {
      if (req.url?.startsWith('/city.ics')) {
        res.writeHead(200, { 'Content-Type': 'text/calendar' });
        return res.end(ics);
      }
      res.writeHead(500);
      res.end();
    });
    await new Promise<void>((resolve) => feedHost.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedHost.address() as AddressInfo).port}`;
    [server, browser] = await Promise.all([startTestServer({ env: { CATCHMENT_FEEDS_ALLOW_PRIVATE: '1' } }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    feedHost?.closeAllConnections();
    await new Promise((resolve) => feedHost?.close(resolve));
  });

  it('imports a feed URL typed into the panel, and shows a refused one next to the field', async () => {
    const { page, errors } = await openAppPage(browser, server.url, { session: server.fetch.session });
    await page.waitForFunction(() => window.__catchment?.store?.getState().events.status === 'ready', null, { timeout: 30_000 });
    const list = eventsList(page);
    const field = list.getByLabel('Import from a feed URL');
    await field.fill(`${feedBase}/city.ics?token=e2e`);
    await list.getByRole('button', { name: 'Import', exact: true }).click();
    await list.locator('[data-import="done"]', { hasText: '1 added, 0 updated, 0 need a place' }).waitFor();
    await list.locator('.item__label', { hasText: 'Feed farmers market' }).first().waitFor();
    await page.screenshot({ path: 'test-results/events-feed.png' });
    expect((await allEvents()).filter((f) => f.properties.name === 'Feed farmers market')).toHaveLength(1);

    const before = (await allEvents()).length;
    await field.fill(`${feedBase}/broken`);
    await list.getByRole('button', { name: 'Import', exact: true }).click();
    const failure = list.locator('[data-import="error"]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('the feed answered 500');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await allEvents()).length).toBe(before);
    // The 502 is shown in the panel; the browser logs the failed request, nothing else.
    expect(errors.filter((e) => !/502|Bad Gateway/.test(e))).toEqual([]);
    await page.close();
  });
});
