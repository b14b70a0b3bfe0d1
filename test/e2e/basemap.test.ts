// The basemap in a real Chromium: the demo city's streets and their names at the zooms the app uses, and a local
// Protomaps archive drawn through pmtiles:// with every byte from our own server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { writeArchive } from '../helpers/pmtiles-archive';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

function rendered(page: Page, layers: string[]) {
  return page.evaluate((ids) => {
    const map = window.__catchment!.map;
    return Object.fromEntries(
      ids.map((id) => [id, map.queryRenderedFeatures({ layers: [id] })]),
    ) as Record<string, { properties: Record<string, unknown> }[]>;
  }, layers);
}

describe.skipIf(skipReason)('the basemap in a browser', () => {
  let browser: Browser;
  let demo: TestServer;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startTestServer({ customers: 2000 }), launchChromium()]);
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  for (const { name, viewport } of SIZES) {
    it(`the demo city shows its streets and street names at zoom 15 (${name})`, async () => {
      // Prenzlauer Berg: dense blocks, no river through the middle of the view.
      const { page, errors } = await openAppPage(browser, `${demo.url}/#map=15/52.538/13.418`, {
        session: demo.fetch.session,
        viewport,
      });
      await page.waitForFunction(
        () =>
          window.__catchment!.map.queryRenderedFeatures({ layers: ['street-labels'] }).length > 0,
        null,
        { timeout: 30_000 },
      );
      const found = await rendered(page, ['streets-minor', 'streets-major', 'street-labels']);
      expect(found['streets-minor']!.length).toBeGreaterThan(10);
      expect(found['streets-major']!.length).toBeGreaterThan(0);
      const names = new Set(found['street-labels']!.map((f) => f.properties.name));
      expect(names.size).toBeGreaterThan(2);
      for (const street of names) expect(street).toMatch(/\S{3,}/);
      expect(await page.evaluate(() => window.__catchment!.map.getZoom())).toBeCloseTo(15, 1);
      await page.screenshot({ path: `test-results/basemap-streets-z15-${name}.png` });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  describe('with CATCHMENT_BASEMAP_PMTILES', () => {
    let dir: string;
    let city: TestServer;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'catchment-e2e-pmtiles-'));
      const file = join(dir, 'city.pmtiles');
      writeFileSync(file, writeArchive({ center: [13.405, 52.515], maxZoom: 12 }));
      city = await startTestServer({ customers: 500, env: { CATCHMENT_BASEMAP_PMTILES: file } });
    });
    afterAll(async () => {
      await city?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('draws the Protomaps style from byte ranges of our own server, and asks no other host', async () => {
      const origin = new URL(city.url).origin;
      const requests: { url: string; range: string | undefined }[] = [];
      const { page, errors } = await openAppPage(browser, `${city.url}/#map=13/52.515/13.405`, {
        session: city.fetch.session,
        viewport: { width: 1440, height: 900 },
      });
      // Recorded from a reload on, so the first load of style, archive header and tiles is in the list.
      page.on('request', (request) =>
        requests.push({ url: request.url(), range: request.headers().range }),
      );
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle');
      await page.waitForFunction(
        () => window.__catchment!.map.queryRenderedFeatures({ layers: ['roads_major'] }).length > 0,
        null,
        { timeout: 30_000 },
      );
      expect(await page.evaluate(() => document.documentElement.dataset.basemap)).toBe('archive');
      const style = await page.evaluate(() => {
        const s = window.__catchment!.map.getStyle();
        return { name: s.name, sources: Object.keys(s.sources) };
      });
      expect(style.name).toBe('Catchment Protomaps');
      expect(style.sources).toContain('protomaps');
      expect(await page.locator('.offline-badge').count()).toBe(0);

      const archive = requests.filter((r) => r.url.startsWith(`${origin}/api/basemap/pmtiles`));
      expect(archive.length).toBeGreaterThan(0);
      expect(archive.every((r) => /^bytes=\d+-\d+$/.test(r.range ?? ''))).toBe(true);
      const elsewhere = requests.filter(
        (r) => !r.url.startsWith(`${origin}/`) && !/^(data|blob):/.test(r.url),
      );
      expect(elsewhere).toEqual([]);
      await page.screenshot({ path: 'test-results/basemap-pmtiles.png' });
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
