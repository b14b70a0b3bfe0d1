// The basemap in a real Chromium: the demo city's streets and their names at the zooms the app uses, and a local
// Protomaps archive drawn through pmtiles:// with every byte from our own server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
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
  /** One page per size on the demo server: the streets tests open them, the event test reaches the desktop's in-app. */
  const shared = sharedPages(
    () => browser,
    () => demo.url,
  );

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startTestServer({ customers: 2000 }), launchChromium()]);
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await demo?.close();
  });

  for (const { name, viewport } of SIZES) {
    it(`the demo city shows its streets and street names at zoom 15 (${name})`, async () => {
      // Prenzlauer Berg: dense blocks, no river through the middle of the view.
      const { page, errors } = await shared.at('/#map=15/52.538/13.418', {
        session: demo.fetch.session,
        viewport,
      });
      await page.waitForFunction(
        () =>
          window.__catchment!.map.queryRenderedFeatures({ layers: ['street-labels'] }).length > 0,
        null,
        { timeout: 30_000 },
      );
      const found = await rendered(page, [
        'streets-minor',
        'streets-major',
        'street-labels',
        'street-labels-major',
      ]);
      expect(found['streets-minor']!.length).toBeGreaterThan(10);
      expect(found['streets-major']!.length).toBeGreaterThan(0);
      expect(found['street-labels-major']!.length).toBeGreaterThan(0);
      const names = new Set(found['street-labels']!.map((f) => f.properties.name));
      expect(names.size).toBeGreaterThan(2);
      for (const street of names) expect(street).toMatch(/\S{3,}/);
      expect(await page.evaluate(() => window.__catchment!.map.getZoom())).toBeCloseTo(15, 1);
      await page.screenshot({ path: `test-results/basemap-streets-z15-${name}.png` });
      expect(errors).toEqual([]);
    });
  }

  it('opening an event from far in frames its reach with the streets around it, no closer than zoom 16', async () => {
    const { page, errors } = await shared.at('/', {
      session: demo.fetch.session,
      viewport: SIZES[0].viewport,
    });
    // Far in, where a first load of `#map=18.5/52.52/13.40` would open.
    await page.evaluate(() =>
      window.__catchment!.map.jumpTo({ center: [13.4, 52.52], zoom: 18.5 }),
    );
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    const events = page.locator('.nav-panel .list-section', {
      has: page.locator('h2', { hasText: 'Events' }),
    });
    await events.locator('.item').first().click();
    await page.waitForFunction(
      () => window.__catchment!.store!.getState().selection?.kind === 'event',
    );
    // The camera moves two frames after the selection, then animates: wait until it has moved and stopped.
    await page.waitForFunction(() => window.__catchment!.map.getZoom() < 18, null, {
      timeout: 10_000,
    });
    await page.waitForFunction(() => !window.__catchment!.map.isMoving(), null, {
      timeout: 10_000,
    });
    // Then the tiles of the new view draw: side streets, and the main roads' names.
    await page.waitForFunction(
      () => {
        const map = window.__catchment!.map;
        const count = (id: string) => map.queryRenderedFeatures({ layers: [id] }).length;
        return count('streets-minor') > 10 && count('street-labels-major') > 0;
      },
      null,
      { timeout: 20_000 },
    );
    const view = await page.evaluate(() => {
      const map = window.__catchment!.map;
      const canvas = map.getCanvas();
      const state = window.__catchment!.store!.getState();
      const selected = state.selection?.kind === 'event' ? state.selection.id : null;
      const event = state.events.data?.features.find((f) => f.id === selected);
      const [lng, lat] = (event?.geometry?.coordinates ?? [0, 0]) as [number, number];
      const center = map.project([lng, lat]);
      // Web Mercator: metres per CSS pixel at this latitude and zoom (512 px tiles).
      const metersPerPixel =
        (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
      const radius = state.eventReachMeters / metersPerPixel;
      return {
        zoom: map.getZoom(),
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        minX: center.x - radius,
        maxX: center.x + radius,
        minY: center.y - radius,
        maxY: center.y + radius,
        drawn: map.queryRenderedFeatures({ layers: ['reach-outline'] }).length,
      };
    });
    expect(view.drawn).toBeGreaterThan(0);
    expect(view.zoom).toBeLessThanOrEqual(16);
    expect(view.minX).toBeGreaterThanOrEqual(0);
    expect(view.minY).toBeGreaterThanOrEqual(0);
    expect(view.maxX).toBeLessThanOrEqual(view.width);
    expect(view.maxY).toBeLessThanOrEqual(view.height);
    // With its surroundings: the circle takes at most about half of the map's height.
    expect(view.maxY - view.minY).toBeLessThan(0.6 * view.height);
    await page.screenshot({ path: 'test-results/basemap-event-reach.png' });
    expect(errors).toEqual([]);
  });

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
