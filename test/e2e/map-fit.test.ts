// Nothing hides the map's subject, in a real Chromium at a laptop's and a phone's size: compared areas, an opened area
// and a circle just drawn all end up where no panel covers them (each bbox corner, through `map.project`, lies on the
// map and outside every panel's rectangle); the Layers card starts folded; the new area's Save stays in reach while
// its charts scroll; and the next panel opens at its top.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { hiddenCorners, openAppPage, waitForStill } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
type Bbox = [number, number, number, number];

/** Everything that sits over (or beside) the map, by what it is, not by the attribute the app marks it with. */
const PANELS = [
  '.top-bar',
  '.nav-panel',
  '.details-panel',
  '.layer-panel',
  '.bottom-sheet',
  '.draw-toolbar',
  '.draw-toolbar__hint',
  '.pick-bar',
  '.place-bar',
  '.maplibregl-ctrl-top-right > .maplibregl-ctrl',
  '.maplibregl-ctrl-bottom-right > .maplibregl-ctrl',
];

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** The bounding boxes of these saved areas, or of the draft for 'draft'. */
function boxesOf(page: Page, ids: string[]): Promise<Bbox[]> {
  return page.evaluate((ids) => {
    const s = window.__catchment!.store!.getState();
    const rings = (id: string) =>
      id === 'draft'
        ? (s.draft!.geometry.coordinates as number[][][])
        : (s.areas.data!.features.find((f) => f.properties.id === id)!.geometry
            .coordinates as number[][][]);
    return ids.map((id) => {
      const points = rings(id).flat();
      const xs = points.map((p) => p[0]!);
      const ys = points.map((p) => p[1]!);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as Bbox;
    });
  }, ids);
}

async function expectInView(page: Page, ids: string[]) {
  await waitForStill(page);
  await expect
    .poll(async () => hiddenCorners(page, await boxesOf(page, ids), PANELS), { timeout: 15_000 })
    .toEqual([]);
}

/** Whether the element is inside the viewport and is what a tap at its centre would hit. */
function reachable(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) return `${selector} is missing`;
    const r = element.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
      return `${selector} is outside the viewport at ${JSON.stringify(r)}`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && element.contains(hit)
      ? 'reachable'
      : `${selector} is covered by ${hit?.className}`;
  }, selector);
}

/** The panel's scrolling box: the side panel on a laptop, the bottom sheet's content on a phone. */
const scroller = (phone: boolean) => (phone ? '.bottom-sheet__content' : '.details-panel');

describe.skipIf(skipReason)('the map keeps its subject clear of the panels', () => {
  let server: TestServer;
  let browser: Browser;
  const ids: string[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer({ customers: 20_000 }),
      launchChromium(),
    ]);
    for (const [name, center, radiusMeters] of [
      ['Mitte west', [13.39, 52.52], 1200],
      ['Mitte east', [13.41, 52.52], 1200],
      ['Spandau', [13.2, 52.535], 2000],
    ] as const) {
      const response = await server.fetch(
        '/api/areas',
        json('POST', { name, kind: 'radius', params: { center, radiusMeters } }),
      );
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { properties: { id: string } }).properties.id);
    }
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  const open = (url: string, viewport: { width: number; height: number }) =>
    openAppPage(browser, `${server.url}${url}`, { viewport, session: server.fetch.session });
  /** A page per size for the tests that need no fresh one (the Layers card test needs its own: it opens the card). */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const appAt = (address: string, viewport: { width: number; height: number }) =>
    shared.at(address, { viewport, session: server.fetch.session });

  for (const { name, viewport } of SIZES) {
    const phone = name === 'phone';

    it(`${name}: the Layers card starts folded, and three compared areas are all in view`, async () => {
      const { page, errors } = await appAt(`/?cmp=${ids.join(',')}`, viewport);
      await expect(
        page.locator('.layer-panel__header').getAttribute('aria-expanded'),
      ).resolves.toBe('false');
      await page.locator('.details[data-kind="compare"]').waitFor();
      await expectInView(page, ids);
      await page.screenshot({ path: `test-results/map-fit-compare-${name}.png` });
      expect(errors).toEqual([]);
    });

    it(`${name}: an area opened from the list clears the open Layers card and the panel`, async () => {
      const { page, errors } = await open('/', viewport);
      await page.screenshot({ path: `test-results/map-layers-folded-${name}.png` });
      // Opened once, the card stays open on the next visit.
      await page.locator('.layer-panel__header').click();
      await page.reload();
      await page.locator('.layer-panel__body').waitFor();
      await expect(
        page.locator('.layer-panel__header').getAttribute('aria-expanded'),
      ).resolves.toBe('true');
      if (phone) await page.locator('.bottom-sheet__handle').click();
      await page.locator('.area-list .item', { hasText: 'Spandau' }).click();
      await page.locator('.details__title', { hasText: 'Spandau' }).waitFor();
      await expectInView(page, [ids[2]!]);
      await page.screenshot({ path: `test-results/map-fit-area-${name}.png` });
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`${name}: a circle drawn where its panel opens is moved into view; Save stays in reach; the next panel starts at its top`, async () => {
      // On a laptop the comparison's page, back at '/'; a phone's sheet keeps the height the comparison left it at,
      // where the drag below would land, so a phone starts from a fresh page.
      const { page, errors } = phone
        ? await open('/#map=13/52.52/13.40', viewport)
        : await appAt('/', viewport);
      if (!phone) {
        await page.locator('.details').waitFor({ state: 'detached' });
        await page.evaluate(() =>
          window.__catchment!.map.jumpTo({ center: [13.4, 52.52], zoom: 13 }),
        );
        await waitForStill(page);
      }
      await page.waitForFunction(() => window.__catchment!.map.loaded());
      const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
      // Where the panel is about to be: the right edge of a laptop's map, just above a phone's folded sheet.
      const centre = phone
        ? { x: canvas.x + 90, y: viewport.height - 132 - 120 }
        : { x: canvas.x + canvas.width - 120, y: canvas.y + canvas.height / 2 };
      await page.keyboard.press('c');
      await page.mouse.move(centre.x, centre.y);
      await page.mouse.down();
      for (let i = 1; i <= 8; i++) await page.mouse.move(centre.x + i * 7, centre.y);
      await page.mouse.up();
      await page.locator('[data-action="save-draft"]').waitFor();
      if (phone) await page.locator('.bottom-sheet[data-height="half"]').waitFor();
      await expectInView(page, ['draft']);
      // The charts load below the fields; Save stays pinned at the panel's foot, not under them.
      await page.locator('.details .bar-chart').first().waitFor({ timeout: 30_000 });
      await waitForStill(page);
      await page.screenshot({ path: `test-results/map-fit-draft-${name}.png` });
      await expect(reachable(page, '[data-action="save-draft"]')).resolves.toBe('reachable');

      // Scrolled to the last chart, Save is still there; then another panel opens at its top.
      const scrolled = await page.evaluate((selector) => {
        const box = document.querySelector(selector)!;
        box.scrollTop = box.scrollHeight;
        return box.scrollTop;
      }, scroller(phone));
      expect(scrolled).toBeGreaterThan(0);
      await expect(reachable(page, '[data-action="save-draft"]')).resolves.toBe('reachable');
      await page.evaluate(
        (id) => window.__catchment!.store!.getState().select({ kind: 'area', id }),
        ids[0]!,
      );
      await page.locator('.details__title', { hasText: 'Mitte west' }).waitFor();
      await expect(
        page.evaluate((selector) => document.querySelector(selector)!.scrollTop, scroller(phone)),
      ).resolves.toBe(0);
      expect(errors).toEqual([]);
      if (phone) await page.close();
    });
  }
});
