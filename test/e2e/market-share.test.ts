// Market share and choropleths in a real Chromium: the market-share panel shows the fitted Huff model as the API has
// it, draws a store's probability surface, and a click on the map answers "what if we open here?" with the API's
// share and the stores it takes from; the Layers panel colours hexagons by penetration with a legend of the API's
// breaks and the value under the pointer. Screenshots at 1440×900 and 390×844.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChoroplethAnswer,
  HuffModel,
  HuffSurface,
  HuffWhatIf,
} from '../../client/api/contract';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { hiddenCorners, waitForMapIdle } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Waits for the map to draw what it was last given (waitForMapIdle only waits for the first idle). */
const drawn = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__catchment!.map;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );

const sourceSize = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      (
        window.__catchment!.map.getSource(id) as unknown as {
          serialize(): { data: GeoJSON.FeatureCollection };
        }
      ).serialize().data.features.length,
    id,
  );

describe.skipIf(skipReason)('market share and choropleths in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  /** One page per size, shared by the tests: each starts from the plain map (`/`), reached in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const plainMap = (viewport: { width: number; height: number }) =>
    shared.at('/', { session: server.fetch.session, viewport });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it("shows the fitted model, a store's surface, and what a new store would take", async () => {
    const model = (await (await server.fetch('/api/huff')).json()) as HuffModel;
    const { page, errors } = await plainMap(WIDE);
    await page.locator('[data-action="market-share"]').click();
    const panel = page.locator('.details[data-kind="market-share"]');
    await panel.locator('.market[data-state="ready"]').waitFor({ timeout: 30_000 });
    await expect(panel.locator('[data-param="decay"] .market__figure').textContent()).resolves.toBe(
      model.params.decay.toFixed(2),
    );
    await expect(panel.locator('.market__table tbody tr').count()).resolves.toBe(
      model.stores.length,
    );

    // One store's probability surface on the map, as the API gives it.
    const store = model.stores[0]!;
    await panel.locator('[data-field="surface-store"]').selectOption(store.id);
    const surface = (await (
      await server.fetch(`/api/huff/stores/${store.id}/surface`)
    ).json()) as HuffSurface;
    await page.waitForFunction(
      (n) =>
        (
          window.__catchment!.map.getSource('catchment-huff-surface') as unknown as {
            serialize(): { data: GeoJSON.FeatureCollection };
          }
        ).serialize().data.features.length === n,
      surface.features.length,
      { timeout: 15_000 },
    );
    await panel.locator('.market__legend').waitFor();
    // No routing engine here: the panel says the model measures straight-line distance.
    await expect(panel.locator('.market__measure').getAttribute('data-measure')).resolves.toBe(
      'distance',
    );
    // The panel and its surface store are in the URL: a reload brings both back.
    expect(new URL(page.url()).searchParams.get('mkt')).toBe(store.id);
    await page.reload();
    await panel.locator('.market[data-state="ready"]').waitFor({ timeout: 30_000 });
    await expect(panel.locator('[data-field="surface-store"]').inputValue()).resolves.toBe(
      store.id,
    );
    await panel.locator('.market__legend').waitFor({ timeout: 15_000 });

    // What if we open here: a click on the map in the free space left of the panel.
    await panel.locator('[data-action="what-if-pick"]').click();
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    const x = Math.round((canvas.x + panelBox.x) / 2 + 60);
    const y = Math.round(canvas.y + canvas.height / 2);
    await page.mouse.click(x, y);
    // A liveness bound, not a speed check: the first what-if waits for the worker pool's hexagon codes.
    await panel.locator('.market__outcome').waitFor({ timeout: 45_000 });
    const point = await page.evaluate(
      () => window.__catchment!.store!.getState().whatIfSite!.point!,
    );
    const brand = await panel.locator('[data-field="what-if-brand"]').inputValue();
    const answer = (await (
      await server.fetch('/api/huff/what-if', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ point, brand, attractiveness: 3 }),
      })
    ).json()) as HuffWhatIf;
    await expect(panel.locator('[data-figure="share"]').textContent()).resolves.toBe(
      new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(
        answer.share,
      ),
    );
    await expect(
      panel
        .locator('[data-metric="cannibalisation"] .bar-chart__row')
        .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.area)),
    ).resolves.toEqual(answer.losses.slice(0, 8).map((l) => l.storeId));
    await expect(sourceSize(page, 'catchment-what-if')).resolves.toBe(1);
    // The site is not under a panel.
    const [lng, lat] = point;
    await expect(hiddenCorners(page, [[lng, lat, lng, lat]])).resolves.toEqual([]);
    await drawn(page);
    await page.screenshot({ path: 'test-results/market-share-wide.png' });

    // Escape closes the panel and takes the surface and the site off the map.
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect(sourceSize(page, 'catchment-huff-surface')).resolves.toBe(0);
    await expect(sourceSize(page, 'catchment-what-if')).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  for (const [name, viewport] of [
    ['wide', WIDE],
    ['phone', PHONE],
  ] as const) {
    it(`colours hexagons by penetration with a legend of the breaks (${name})`, async () => {
      const expected = (await (
        await server.fetch('/api/choropleth?metric=penetration&level=h3&resolution=8')
      ).json()) as ChoroplethAnswer;
      const { page, errors } = await plainMap(viewport);
      const toggle = page.locator('input[data-layer="choropleth"]');
      if (!(await toggle.isVisible())) await page.locator('.layer-panel__header').click();
      await page.locator('.layer-toggle--choropleth .switch__label').click();
      await expect(toggle.isChecked()).resolves.toBe(true);
      const legend = page.locator('.choropleth-legend');
      await legend.waitFor({ timeout: 30_000 });
      await expect(
        legend.locator('li[data-class]:not([data-class="small"])').count(),
      ).resolves.toBe(expected.breaks.length - 1);
      await expect(sourceSize(page, 'catchment-choropleth')).resolves.toBe(
        expected.features.length,
      );
      expect(new URL(page.url()).searchParams.get('chor')).toBe('penetration,h3,8,ckmeans,5');
      await waitForMapIdle(page);

      // Hovering a coloured hexagon names its value in the legend.
      const target = expected.features.find(
        (f) => f.properties.value !== null && f.properties.class === expected.breaks.length - 2,
      )!;
      const ring = target.geometry.coordinates[0] as [number, number][];
      const centre = ring
        .slice(0, -1)
        .reduce(([a, b], [x, y]) => [a + x / (ring.length - 1), b + y / (ring.length - 1)], [0, 0]);
      if (name === 'wide') {
        await page.evaluate(
          (c) => window.__catchment!.map.jumpTo({ center: c as [number, number] }),
          centre,
        );
        await waitForMapIdle(page);
        const at = await page.evaluate(
          (c) => window.__catchment!.map.project(c as [number, number]),
          centre,
        );
        const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
        await page.mouse.move(box.x + at.x, box.y + at.y);
        await page
          .locator(`.choropleth-legend__hover[data-hover="${target.properties.id}"]`)
          .waitFor();
        await expect(page.locator('.choropleth-legend__hover').textContent()).resolves.toMatch(
          /^Hexagon: \d/,
        );
      }
      // On a phone the card folds away to show the map; the legend stays on it.
      if (name === 'phone') {
        await page.locator('.layer-panel__header').click();
        await page.locator('.layer-panel__folded-legend .choropleth-legend').waitFor();
      }
      await drawn(page);
      await page.screenshot({ path: `test-results/choropleth-${name}.png` });
      expect(errors).toEqual([]);
    });
  }

  it('shows the market-share panel in the bottom sheet on a phone', async () => {
    const { page, errors } = await plainMap(PHONE);
    await page.evaluate(() =>
      window.__catchment!.store!.getState().setMarketShare({ surfaceStoreId: null }),
    );
    await page.locator('.market[data-state="ready"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-action="what-if-pick"]').click();
    await page.waitForFunction(
      () => document.querySelector('.app')?.getAttribute('data-sheet') === 'peek',
    );
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 3);
    await page.waitForFunction(
      () => document.querySelector('.app')?.getAttribute('data-sheet') === 'half',
    );
    await page.locator('.market__outcome').waitFor({ timeout: 15_000 });
    await drawn(page);
    await page.screenshot({ path: 'test-results/market-share-phone.png' });
    expect(errors).toEqual([]);
  });
});
