// Comparing pop-up sites end to end in a real Chromium against a real server: "Compare sites" in the Events panel,
// two clicks on the map, Backspace removes the last one, Compare; the table shows the same counts as
// POST /api/events/sites for the same points, and the best site is marked.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSites } from '../../client/api/types';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();

describe.skipIf(skipReason)('comparing pop-up sites in a browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('two clicked sites are compared side by side with the API’s counts, and the best is marked', async () => {
    const { page, errors } = await openAppPage(browser, server.url, { session: server.fetch.session });
    await page.waitForFunction(() => window.__catchment?.store?.getState().events.status === 'ready', null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Compare sites' }).click();
    const panel = page.locator('.details-panel [data-kind="sites"]');
    await panel.waitFor();

    await page.waitForTimeout(300);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const clicks = [
      { x: box.width * 0.45, y: box.height * 0.5 },
      { x: box.width * 0.55, y: box.height * 0.45 },
      { x: box.width * 0.5, y: box.height * 0.6 },
    ].map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
    // The panel opening resizes the map: read each point's place just before its click.
    await page.waitForFunction(() => !window.__catchment!.map.isMoving());
    const expected: number[][] = [];
    for (const at of clicks) {
      expected.push(await page.evaluate((p) => window.__catchment!.map.unproject([p.x, p.y]).toArray(), at));
      await page.mouse.click(box.x + at.x, box.y + at.y);
    }
    await page.waitForFunction(() => window.__catchment!.store!.getState().siteCompare?.points.length === 3);
    // Backspace takes the third back.
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => window.__catchment!.store!.getState().siteCompare?.points.length === 2);
    const points = await page.evaluate(() => window.__catchment!.store!.getState().siteCompare!.points);
    for (const [i, point] of points.entries()) {
      // Within a pixel or two (the browser rounds the pointer's position); the API is asked with the stored point.
      expect(point[0]).toBeCloseTo(expected[i]![0]!, 3);
      expect(point[1]).toBeCloseTo(expected[i]![1]!, 3);
    }
    // The numbered markers are on the map.
    await page.waitForFunction(() => window.__catchment!.map.querySourceFeatures('catchment-sites').length >= 2);

    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    const table = panel.locator('table.site-table');
    await table.waitFor();

    const response = await server.fetch('/api/events/sites', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sites: points.map(([lng, lat]) => ({ lng, lat })), withinMeters: 800 }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as EventSites;
    expect(answer.sites).toHaveLength(2);
    await expect(table.locator('thead th[data-site]').count()).resolves.toBe(2);
    const format = (n: number | null) => (n === null ? /^< / : new RegExp(`^${new Intl.NumberFormat('en-US').format(n)}$`));
    for (const site of answer.sites) {
      expect(await table.locator(`tr[data-row="count"] td[data-site="${site.index}"]`).textContent()).toMatch(format(site.count));
      expect(await table.locator(`tr[data-row="consented"] td[data-site="${site.index}"]`).textContent()).toMatch(format(site.consented));
    }
    if (answer.best !== null) {
      await expect(table.locator(`thead th[data-best="true"]`).getAttribute('data-site')).resolves.toBe(String(answer.best));
      await expect(panel.locator('.site-table__best').textContent()).resolves.toContain(`site ${answer.best + 1}`);
      await page.waitForFunction((best) => window.__catchment!.store!.getState().siteBest === best, answer.best);
    }
    await page.screenshot({ path: 'test-results/event-sites.png' });

    // Escape closes the comparison and its markers.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => window.__catchment!.store!.getState().siteCompare)).resolves.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
