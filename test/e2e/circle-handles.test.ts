// A circle in edit mode, in a real Chromium at 1440×900 and 390×844 with real pointer drags: the map renders two
// handles (centre and radius), not a point per vertex; dragging the radius handle resizes the circle about its
// centre, dragging the centre handle moves it, the handles and the audience follow, and Ctrl+Z undoes each drag.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage, waitForMapIdle, waitForStill } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

interface Px {
  x: number;
  y: number;
}

/** The draft circle, with its centre and radius in page pixels. */
const circle = (page: Page) =>
  page.evaluate(() => {
    const { map, store } = window.__catchment!;
    const c = store!.getState().draft!.circle!;
    const box = map.getCanvas().getBoundingClientRect();
    const centre = map.project(c.center);
    const east = map.project([
      c.center[0] + c.radiusMeters / (111_320 * Math.cos((c.center[1] * Math.PI) / 180)),
      c.center[1],
    ]);
    return {
      center: c.center,
      radiusMeters: c.radiusMeters,
      px: { x: box.x + centre.x, y: box.y + centre.y },
      radiusPx: east.x - centre.x,
    };
  });

/** What the map renders of the draft's handles: our two, by role, in page pixels, and terra-draw's vertex points. */
const renderedHandles = (page: Page) =>
  page.evaluate(() => {
    const map = window.__catchment!.map;
    const box = map.getCanvas().getBoundingClientRect();
    const handles = map.queryRenderedFeatures({ layers: ['draft-circle-handles'] }).map((f) => {
      const at = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { role: String(f.properties.role), x: box.x + at.x, y: box.y + at.y };
    });
    return { handles, vertices: map.queryRenderedFeatures({ layers: ['td-point'] }).length };
  });

async function drag(page: Page, from: Px, to: Px) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 1, from.y);
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.mouse.up();
}

async function audienceCount(server: TestServer, geometry: unknown): Promise<number> {
  const response = await server.fetch('/api/audience', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ geometry }),
  });
  return ((await response.json()) as { count: number }).count;
}

const distance = (a: Px, b: Px) => Math.hypot(a.x - b.x, a.y - b.y);
/** Metres between two nearby positions (equirectangular: exact enough within a few kilometres). */
const metres = ([lng1, lat1]: number[], [lng2, lat2]: number[]) =>
  Math.hypot(
    (lng1! - lng2!) * 111_320 * Math.cos((lat1! * Math.PI) / 180),
    (lat1! - lat2!) * 110_574,
  );

describe.skipIf(skipReason)('a circle in edit mode', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer({ customers: 10_000 }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, width, height } of VIEWPORTS)
    it(`shows a centre and a radius handle that move and resize it, with undo (${name})`, async () => {
      const { page, errors } = await openAppPage(browser, `${server.url}/#map=13/52.52/13.40`, {
        viewport: { width, height },
        session: server.fetch.session,
      });
      await waitForStill(page);
      const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
      const start = { x: box.x + box.width / 2, y: box.y + box.height * 0.3 };
      await page.keyboard.press('c');
      await drag(page, start, { x: start.x + 70, y: start.y });
      await page.locator('[data-action="save-draft"]').waitFor({ state: 'attached' });
      await waitForStill(page);

      // Two handles: the centre on the circle's centre, the radius handle on its rim; no vertex points. Read once the
      // handles are drawn and the camera is still again: on a phone the rising sheet can move the map after the draw.
      await expect.poll(async () => (await renderedHandles(page)).handles.length).toBe(2);
      await waitForStill(page);
      const drawn = await circle(page);
      let shown = await renderedHandles(page);
      expect(shown.vertices).toBe(0);
      const handle = (role: string) => shown.handles.find((h) => h.role === role)!;
      expect(distance(handle('centre'), drawn.px)).toBeLessThan(2);
      expect(Math.abs(distance(handle('radius'), drawn.px) - drawn.radiusPx)).toBeLessThan(3);
      // The radius handle pulled a third of the way in: a smaller circle, same centre.
      const rim = handle('radius');
      const inward = { x: rim.x + (drawn.px.x - rim.x) / 3, y: rim.y + (drawn.px.y - rim.y) / 3 };
      await drag(page, rim, inward);
      await expect
        .poll(async () => (await circle(page)).radiusMeters)
        .toBeLessThan(drawn.radiusMeters * 0.75);
      await waitForStill(page);
      const resized = await circle(page);
      expect(resized.radiusMeters).toBeGreaterThan(drawn.radiusMeters * 0.6);
      expect(metres(resized.center, drawn.center)).toBeLessThan(1);
      shown = await renderedHandles(page);
      expect(shown.handles).toHaveLength(2);
      expect(shown.vertices).toBe(0);
      expect(Math.abs(distance(handle('radius'), resized.px) - resized.radiusPx)).toBeLessThan(3);
      // The centre handle dragged: the circle moves with it, the radius stays.
      const by = { x: 40, y: 25 };
      const grab = handle('centre');
      await drag(page, grab, { x: grab.x + by.x, y: grab.y + by.y });
      await expect
        .poll(async () => metres((await circle(page)).center, resized.center))
        .toBeGreaterThan(0);
      const moved = await circle(page);
      // terra-draw starts moving a feature after the first few pixels of a drag; the rest it follows exactly.
      expect(distance(moved.px, { x: resized.px.x + by.x, y: resized.px.y + by.y })).toBeLessThan(
        7,
      );
      expect(Math.abs(moved.radiusMeters - resized.radiusMeters)).toBeLessThanOrEqual(
        resized.radiusMeters * 0.01,
      );
      shown = await renderedHandles(page);
      expect(shown.handles).toHaveLength(2);
      expect(distance(handle('centre'), moved.px)).toBeLessThan(2);
      await page.screenshot({ path: `test-results/circle-handles-${width}x${height}.png` });

      // The audience follows: the panel counts what the API counts for the moved circle.
      const geometry = await page.evaluate(
        () => window.__catchment!.store!.getState().draft!.geometry,
      );
      const expected = await audienceCount(server, geometry);
      const figure = page.locator('.details [data-figure="count"] dd').first();
      await expect
        .poll(async () => Number(((await figure.textContent()) ?? '').replace(/\D/g, '')), {
          timeout: 15_000,
        })
        .toBe(expected);
      // Ctrl+Z undoes the move, then the resize; the handles go back with the circle.
      const centreHandle = async () =>
        (await renderedHandles(page)).handles.find((h) => h.role === 'centre');
      await page.locator('.maplibregl-canvas').focus();
      await page.keyboard.press('Control+z');
      await expect
        .poll(async () => metres((await circle(page)).center, resized.center))
        .toBeLessThan(1);
      await expect
        .poll(async () => distance((await centreHandle())!, (await circle(page)).px))
        .toBeLessThan(2);
      await page.keyboard.press('Control+z');
      await expect
        .poll(async () => Math.abs((await circle(page)).radiusMeters - drawn.radiusMeters))
        .toBeLessThanOrEqual(1);
      // The handles' layer is drawn a frame after the circle: on a loaded run the first read can come before it.
      await expect
        .poll(async () => (await renderedHandles(page)).handles.length, { timeout: 10_000 })
        .toBe(2);
      expect(errors).toEqual([]);
      await waitForMapIdle(page);
      await page.close();
    });
});
