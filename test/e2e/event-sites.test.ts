// Comparing pop-up sites end to end in a real Chromium against a real server: "Compare sites" in the Events panel,
// two clicks on the map, Backspace removes the last one, Compare; the table shows the same counts as
// POST /api/events/sites for the same points, and the best site is marked.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSites } from '../../client/api/contract';
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
    const { page, errors } = await openAppPage(browser, server.url, {
      session: server.fetch.session,
    });
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
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
      expected.push(
        await page.evaluate((p) => window.__catchment!.map.unproject([p.x, p.y]).toArray(), at),
      );
      await page.mouse.click(box.x + at.x, box.y + at.y);
    }
    await page.waitForFunction(
      () => window.__catchment!.store!.getState().siteCompare?.points.length === 3,
    );
    // Backspace takes the third back.
    await page.keyboard.press('Backspace');
    await page.waitForFunction(
      () => window.__catchment!.store!.getState().siteCompare?.points.length === 2,
    );
    const points = await page.evaluate(
      () => window.__catchment!.store!.getState().siteCompare!.points,
    );
    for (const [i, point] of points.entries()) {
      // Within a pixel or two (the browser rounds the pointer's position); the API is asked with the stored point.
      expect(point[0]).toBeCloseTo(expected[i]![0]!, 3);
      expect(point[1]).toBeCloseTo(expected[i]![1]!, 3);
    }
    // The numbered markers are on the map.
    await page.waitForFunction(
      () => window.__catchment!.map.querySourceFeatures('catchment-sites').length >= 2,
    );

    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    const table = panel.locator('table.site-table');
    await table.waitFor();

    const response = await server.fetch('/api/events/sites', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        sites: points.map(([lng, lat]) => ({ lng, lat })),
        withinMeters: 800,
      }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as EventSites;
    expect(answer.sites).toHaveLength(2);
    await expect(table.locator('thead th[data-site]').count()).resolves.toBe(2);
    const format = (n: number | null) =>
      n === null ? /^< / : new RegExp(`^${new Intl.NumberFormat('en-US').format(n)}$`);
    for (const site of answer.sites) {
      expect(
        await table.locator(`tr[data-row="count"] td[data-site="${site.index}"]`).textContent(),
      ).toMatch(format(site.count));
      expect(
        await table.locator(`tr[data-row="consented"] td[data-site="${site.index}"]`).textContent(),
      ).toMatch(format(site.consented));
    }
    if (answer.best !== null) {
      await expect(
        table.locator(`thead th[data-best="true"]`).getAttribute('data-site'),
      ).resolves.toBe(String(answer.best));
      await expect(panel.locator('.site-table__best').textContent()).resolves.toContain(
        `site ${answer.best + 1}`,
      );
      await page.waitForFunction(
        (best) => window.__catchment!.store!.getState().siteBest === best,
        answer.best,
      );
    }
    // Each site's walking radius is drawn around it.
    // (querySourceFeatures answers once per tile a circle crosses: count distinct ids.)
    const circles = () =>
      page.evaluate(() =>
        [
          ...new Set(
            window
              .__catchment!.map.querySourceFeatures('catchment-reach')
              .map((f) => f.properties.id as string),
          ),
        ].sort(),
      );
    await expect.poll(circles).toEqual(['site-1', 'site-2']);
    await page.screenshot({ path: 'test-results/event-sites.png' });

    // A segment makes the answer stale (the table goes, the best site loses its ring); comparing again counts the segment.
    await panel.locator('.segment__toggle').click();
    await panel.locator('.segment button.chip-toggle[data-value="gold"]').click();
    await table.waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.__catchment!.store!.getState().siteBest === null);
    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    await table.waitFor();
    const gold = (await (
      await server.fetch('/api/events/sites', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          sites: points.map(([lng, lat]) => ({ lng, lat })),
          withinMeters: 800,
          segment: { loyaltyTiers: ['gold'] },
        }),
      })
    ).json()) as EventSites;
    for (const site of gold.sites) {
      expect(site.count ?? 0).toBeLessThanOrEqual(answer.sites[site.index]!.count ?? Infinity);
      expect(
        await table.locator(`tr[data-row="count"] td[data-site="${site.index}"]`).textContent(),
      ).toMatch(format(site.count));
    }

    // Escape closes the comparison and its markers.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect(
      page.evaluate(() => window.__catchment!.store!.getState().siteCompare),
    ).resolves.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the comparison lives in the bottom sheet, and the numbered sites stay above the map labels', async () => {
    const { page, errors } = await openAppPage(browser, server.url, {
      session: server.fetch.session,
      viewport: { width: 390, height: 844 },
    });
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    await page.locator('.bottom-sheet').getByRole('button', { name: 'Compare sites' }).click();
    const sheet = page.locator('.bottom-sheet');
    await sheet.locator('[data-kind="sites"]').waitFor();
    await page.waitForFunction(
      () => document.querySelector('.bottom-sheet')?.getAttribute('data-height') === 'peek',
    );
    // While points are tapped, the sheet is lowered to the status and the Compare button.
    await expect(
      sheet.getByRole('button', { name: 'Compare', exact: true }).isVisible(),
    ).resolves.toBe(true);
    await page.waitForFunction(() => !window.__catchment!.map.isMoving());

    // The first site goes right onto a neighbourhood's label: the site's number must be drawn over it.
    const label = await page.evaluate(() => {
      const map = window.__catchment!.map;
      const { width, height } = map.getCanvas().getBoundingClientRect();
      const hits = map.queryRenderedFeatures(
        [
          [40, 80],
          [width - 40, height - 200],
        ],
        { layers: ['boundaries-label'] },
      );
      const hit = hits.find((f) => f.geometry.type === 'Point')!;
      const at = map.project((hit.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { x: Math.round(at.x), y: Math.round(at.y) };
    });
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + label.x, box.y + label.y);
    await page.mouse.click(box.x + label.x + 60, box.y + label.y + 40);
    await page.waitForFunction(
      () => window.__catchment!.store!.getState().siteCompare?.points.length === 2,
    );
    await page.waitForFunction(
      () => window.__catchment!.map.loaded() && !window.__catchment!.map.isMoving(),
    );
    const topLayer = await page.evaluate(
      (p) => window.__catchment!.map.queryRenderedFeatures([p.x, p.y])[0]?.layer.id,
      label,
    );
    expect(['sites-number', 'sites-circle']).toContain(topLayer);

    await sheet.getByRole('button', { name: 'Compare', exact: true }).click();
    await sheet.locator('table.site-table').waitFor();
    await page.waitForFunction(
      () => document.querySelector('.bottom-sheet')?.getAttribute('data-height') === 'half',
    );
    await page.screenshot({ path: 'test-results/event-sites-phone.png' });
    // The table scrolls sideways inside the sheet rather than widening the page.
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await sheet.locator('[data-kind="sites"]').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
