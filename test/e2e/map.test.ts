// The map in a real Chromium against a real server with 50,000 demo customers: it renders our data,
// clicking a store opens its details, the URL restores selection and view, and the basemap falls back offline.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { openAppPage, waitForMapIdle } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';

const skipReason = chromiumSkipReason();
/** Rendered features per layer id, read from MapLibre inside the page. */
function renderedCounts(page: Page, layers: string[]) {
  return page.evaluate((ids) => {
    const map = window.__catchment!.map;
    return Object.fromEntries(
      ids.map((id) => [id, map.queryRenderedFeatures({ layers: [id] }).length]),
    );
  }, layers);
}

/** Distinct colours (quantised) in the WebGL canvas: a blank or single-colour map has very few. */
function canvasColourCount(page: Page) {
  return page.evaluate(() => {
    const source = window.__catchment!.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(source, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7)
      colours.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
    return colours.size;
  });
}

describe.skipIf(skipReason)('the map in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  /**
   * The owner's page, shared: the first test opens it (and times that first load), the next ones reach the map
   * in-app at the view it opened with (the second reloads it itself).
   */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const ownerMap = () => shared.at('/', { session: server.fetch.session });

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ customers: 50_000 }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('renders the basemap, neighbourhoods, stores and customers, without console errors', async () => {
    const started = Date.now();
    const { page, errors } = await ownerMap();
    const wallMs = Date.now() - started;
    const firstIdleMs = await page.evaluate(() => window.__catchment?.firstIdleMs ?? null);
    console.log(
      `map: first idle ${Math.round(firstIdleMs ?? -1)} ms after navigation (${wallMs} ms wall clock incl. page load)`,
    );

    const counts = await renderedCounts(page, [
      'boundaries-fill',
      'boundaries-label',
      'stores-symbol',
      'customers-clusters',
      'customers-points',
    ]);
    expect(counts['boundaries-fill']).toBeGreaterThan(0);
    expect(counts['boundaries-label']).toBeGreaterThan(0);
    expect(counts['stores-symbol']).toBeGreaterThanOrEqual(10);
    expect(counts['customers-clusters']! + counts['customers-points']!).toBeGreaterThan(0);
    expect(await canvasColourCount(page)).toBeGreaterThan(20);

    // Without CATCHMENT_BASEMAP_STYLE the offline style is used, and the badge says so.
    expect(await page.evaluate(() => document.documentElement.dataset.basemap)).toBe('offline');
    await expect(page.locator('.offline-badge').isVisible()).resolves.toBe(true);
    await expect(page.locator('.nav-panel .item').count()).resolves.toBeGreaterThan(10);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/map.png' });
    expect(errors).toEqual([]);
  });

  it('clicking a store opens its details; the URL keeps the selection and the view across a reload', async () => {
    const { page, errors } = await ownerMap();
    // A store with no other store close by, nearest the middle of the map (no floating panel covers it).
    const store = await page.evaluate(() => {
      const map = window.__catchment!.map;
      const canvas = map.getCanvas();
      const middle = { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
      const stores = map.queryRenderedFeatures({ layers: ['stores-symbol'] }).map((f) => {
        const point = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        return {
          id: String(f.properties.id),
          name: String(f.properties.name),
          x: point.x,
          y: point.y,
        };
      });
      const alone = stores.filter((s) =>
        stores.every((o) => o === s || Math.hypot(o.x - s.x, o.y - s.y) > 30),
      );
      alone.sort(
        (a, b) =>
          Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y),
      );
      return alone[0]!;
    });
    expect(store, 'a store that stands alone on the map').toBeDefined();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + store.x, box.y + store.y);

    const title = page.locator('.details-panel .details__title');
    await title.waitFor({ timeout: 10_000 });
    await expect(title.textContent()).resolves.toBe(store.name);
    await page.waitForFunction((id) => location.search.includes(`sel=store:${id}`), store.id);
    expect(page.url()).toContain(`sel=store:${store.id}`);
    await page.screenshot({ path: 'test-results/map-store-selected.png' });

    // Move the view, so the reload has something specific to restore.
    await page.evaluate(() =>
      window.__catchment!.map.jumpTo({ center: [13.43, 52.51], zoom: 12.25 }),
    );
    await page.waitForFunction(() => /[#&]map=12\.25\/52\.51\/13\.43/.test(location.hash));
    const before = page.url();

    await page.reload();
    await waitForMapIdle(page);
    expect(page.url()).toBe(before);
    await expect(page.locator('.details-panel .details__title').textContent()).resolves.toBe(
      store.name,
    );
    const view = await page.evaluate(() => {
      const map = window.__catchment!.map;
      return { zoom: map.getZoom(), center: map.getCenter().toArray() };
    });
    expect(view.zoom).toBeCloseTo(12.25, 2);
    expect(view.center[0]).toBeCloseTo(13.43, 3);
    expect(view.center[1]).toBeCloseTo(52.51, 3);
    // The selected store is highlighted on the map after the reload too.
    const selected = await page.evaluate(
      (id) =>
        window.__catchment!.map.getFeatureState({ source: 'catchment-stores', id }).selected ===
        true,
      store.id,
    );
    expect(selected).toBe(true);

    // Escape closes the details and drops the selection from the URL.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.search.includes('sel='));
    await expect(page.locator('.details-panel').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('keyboard shortcuts: ? lists them, H shows the heatmap, / focuses search', async () => {
    const { page, errors } = await ownerMap();
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.shortcuts-dialog');
    await dialog.waitFor({ state: 'visible' });
    await expect(dialog.locator('[data-shortcut="toggleHeatmap"] kbd').textContent()).resolves.toBe(
      'H',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const heatmapVisible = () =>
      page.evaluate(
        () =>
          window.__catchment!.map.getLayoutProperty('customers-heatmap', 'visibility') !== 'none',
      );
    await expect(heatmapVisible()).resolves.toBe(false);
    await page.keyboard.press('h');
    await page.waitForFunction(
      () => window.__catchment!.map.getLayoutProperty('customers-heatmap', 'visibility') !== 'none',
    );
    await expect(page.locator('input[data-layer="heatmap"]').isChecked()).resolves.toBe(true);

    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    // Typed into the search box, `h` is a letter, not a shortcut.
    await page.keyboard.type('h');
    await expect(page.locator('input[data-layer="heatmap"]').isChecked()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('falls back to the offline basemap when the configured style is unreachable, and says so', async () => {
    // Port 9 (discard) refuses connections here: the style can never load.
    const unreachable = await startTestServer({
      customers: 2000,
      env: { CATCHMENT_BASEMAP_STYLE: 'http://127.0.0.1:9/style.json' },
    });
    try {
      const { page } = await openAppPage(browser, unreachable.url, {
        session: unreachable.fetch.session,
      });
      expect(await page.evaluate(() => document.documentElement.dataset.basemap)).toBe('offline');
      const badge = page.locator('.offline-badge');
      await expect(badge.isVisible()).resolves.toBe(true);
      await expect(badge.getAttribute('title')).resolves.toMatch(/could not be loaded/);
      const counts = await renderedCounts(page, ['boundaries-fill', 'stores-symbol']);
      expect(counts['boundaries-fill']).toBeGreaterThan(0);
      expect(counts['stores-symbol']).toBeGreaterThan(0);
      await page.close();
    } finally {
      await unreachable.close();
    }
  });

  // Only on request, so a test run never changes a tracked file: UPDATE_SCREENSHOT=1 npm run test:e2e
});
