// A busy server sheds customer tiles with 503 and Retry-After (issue 21): in a real Chromium, the map asks for each
// shed tile again after the wait and draws it, without the map being moved. Every tile's first request is answered
// 503 here (by the page's network layer, so the server's limits need not be reached). Screenshots at a laptop's and
// a phone's size show the filled map.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage, waitForMapIdle } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Customers drawn on the map now: each rendered cluster's count, each rendered single customer one. */
function renderedCustomers(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = window.__catchment!.map;
    const layers = ['customers-clusters', 'customers-points'].filter((id) => map.getLayer(id));
    let total = 0;
    for (const f of map.queryRenderedFeatures({ layers }))
      total += f.properties.cluster ? Number(f.properties.point_count) : 1;
    return total;
  });
}

/** Answers each customer tile's first request 503 with Retry-After: 1; later ones reach the server. */
async function shedFirstTileRequests(page: Page) {
  const asked = new Map<string, number>();
  await page.route('**/api/tiles/customers/**', async (route) => {
    const url = route.request().url();
    const times = (asked.get(url) ?? 0) + 1;
    asked.set(url, times);
    if (times > 1) return route.continue();
    return route.fulfill({
      status: 503,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
      body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'busy (test)' }),
    });
  });
  return asked;
}

describe.skipIf(skipReason)('customer tiles the server shed', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ customers: 5_000 }),
      launchChromium(),
    ]);
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [device, viewport] of [
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ] as const)
    it(`are asked for again after Retry-After and drawn, with the map left where it is (${device})`, async () => {
      const { page, errors } = await openAppPage(browser, server.url, {
        viewport,
        session: server.fetch.session,
      });
      const before = await page.evaluate(() => window.__catchment!.map.getCenter().toArray());
      const asked = await shedFirstTileRequests(page);
      await page.reload();
      await waitForMapIdle(page);
      await page.waitForFunction(() => window.__catchment!.map.areTilesLoaded(), null, {
        timeout: 30_000,
      });
      const shed = [...asked.values()];
      expect(shed.length).toBeGreaterThan(0);
      // Every tile was refused once and asked for once more.
      expect(shed.every((times) => times === 2)).toBe(true);
      expect(await renderedCustomers(page)).toBeGreaterThan(200);
      // The reload keeps the view (rounded in the URL); nothing moved it to load the tiles.
      const after = await page.evaluate(() => window.__catchment!.map.getCenter().toArray());
      expect(after[0]).toBeCloseTo(before[0]!, 3);
      expect(after[1]).toBeCloseTo(before[1]!, 3);
      await page.screenshot({ path: `test-results/tile-retry-${device}.png` });
      // Chromium logs each refused request; nothing else may go wrong.
      expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
      await page.context().close();
    });
});
