// The heatmap (H) in a real Chromium over 50,000 demo customers: it draws from the tiles' density grid (cells with
// counts; the API test checks the counts), at a city zoom and a street zoom, on a laptop and a phone. Screenshots to
// look at.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

let browser: Browser;
let server: TestServer;
const skipReason = chromiumSkipReason();

beforeAll(async () => {
  if (skipReason) return;
  [browser, server] = await Promise.all([launchChromium(), startTestServer({ customers: 50_000 })]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sizes = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
];

describe.skipIf(skipReason)('the customer heatmap', () => {
  for (const { name, viewport } of sizes)
    it(`draws the density grid at zoom 11 and 14 (${name})`, async () => {
      const { page, errors } = await openAppPage(browser, server.url, {
        session: server.fetch.session,
        viewport,
      });
      await page.locator('.maplibregl-canvas').focus();
      await page.keyboard.press('h');
      await page.waitForFunction(
        () =>
          window.__catchment!.map.getLayoutProperty('customers-heatmap', 'visibility') !== 'none',
      );
      const center = await page.evaluate(() => window.__catchment!.map.getCenter().toArray());
      for (const zoom of [11, 14]) {
        await page.evaluate(
          ([c, z]) =>
            window.__catchment!.map.jumpTo({ center: c as [number, number], zoom: z as number }),
          [center, zoom] as const,
        );
        await page.waitForFunction(() => window.__catchment!.map.loaded(), null, {
          timeout: 30_000,
        });
        const cells = await page.evaluate(() =>
          window
            .__catchment!.map.querySourceFeatures('catchment-customers', {
              sourceLayer: 'density',
            })
            .map((f) => Number(f.properties.count)),
        );
        expect(cells.length).toBeGreaterThan(50);
        expect(cells.every((n) => n >= 1)).toBe(true);
        await page.screenshot({ path: `test-results/heatmap-z${zoom}-${name}.png` });
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
});
