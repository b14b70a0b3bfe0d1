// The app with ETags on stores, areas and customer tiles: on a reload the browser asks with If-None-Match, the server
// answers 304, and the app still shows the stores, the saved area and the customers from the browser's cache; an area
// saved meanwhile through the API shows after the next reload (no stale list).
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { openAppPage, waitForMapIdle } from '../helpers/page';
import { bboxPolygon } from '@turf/turf';

const skipReason = chromiumSkipReason();

function renderedCounts(page: Page, layers: string[]) {
  return page.evaluate(
    (ids) =>
      Object.fromEntries(
        ids.map((id) => [
          id,
          window.__catchment!.map.queryRenderedFeatures({ layers: [id] }).length,
        ]),
      ),
    layers,
  );
}

/** Statuses the server logged for a route pattern since line `from` of its log. */
function statusesSince(server: TestServer, from: number, route: string): number[] {
  return server.logLines
    .slice(from)
    .map((line) => JSON.parse(line) as { message: string; route?: string; status?: number })
    .filter((entry) => entry.message === 'request' && entry.route === route)
    .map((entry) => entry.status!);
}

/** A square of side `d` degrees with its south-west corner at (x, y). */
const square = (x: number, y: number, d: number) => bboxPolygon([x, y, x + d, y + d]).geometry;

async function saveArea(server: TestServer, name: string) {
  const created = await server.fetch('/api/areas', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, geometry: square(13.39, 52.51, 0.01) }),
  });
  expect(created.status).toBe(201);
}

describe.skipIf(skipReason)('revalidated lists and tiles in the browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ customers: 3000 }), launchChromium()]);
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)(
    'on a reload (%s) answers 304 and the app still shows what it showed',
    async (name, viewport) => {
      await saveArea(server, `Cached area ${name}`);
      const { page, errors } = await openAppPage(browser, server.url, {
        session: server.fetch.session,
        viewport,
      });
      const before = await renderedCounts(page, ['stores-symbol', 'areas-fill']);
      expect(before['stores-symbol']).toBeGreaterThanOrEqual(10);

      const from = server.logLines.length;
      await page.reload();
      await waitForMapIdle(page);
      expect(statusesSince(server, from, '/api/stores')).toContain(304);
      expect(statusesSince(server, from, '/api/areas')).toContain(304);
      expect(await renderedCounts(page, ['stores-symbol', 'areas-fill'])).toEqual(before);
      await page.screenshot({ path: `test-results/revalidation-${name}.png` });

      // A write in between: the next reload gets the new list, not the browser's copy.
      await saveArea(server, `Saved meanwhile ${name}`);
      const afterWrite = server.logLines.length;
      await page.reload();
      await waitForMapIdle(page);
      expect(statusesSince(server, afterWrite, '/api/areas')).toContain(200);
      await expect
        .poll(() =>
          page.evaluate(
            (areaName) =>
              JSON.stringify(window.__catchment?.store?.getState().areas ?? null).includes(
                areaName,
              ),
            `Saved meanwhile ${name}`,
          ),
        )
        .toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
