// Segments from buying behaviour in a real Chromium: picking the "Champions" RFM cell in the segment builder puts it
// in the URL, the audience panel counts exactly the champions the API counts, and the map draws only them; on a
// phone the same link opens with the cell chosen. Screenshots at a laptop's and a phone's size.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../server/domain/schemas/geojson';
import type { Audience } from '../../server/domain/schemas/audience';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage, waitForMapIdle } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Customers drawn on the map now: each rendered cluster's count, each rendered single customer one. */
function renderedCustomers(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = window.__catchment!.map;
    const layers = ['customers-clusters', 'customers-points'].filter((id) => map.getLayer(id));
    const seen = new Set<string>();
    let total = 0;
    for (const f of map.queryRenderedFeatures({ layers })) {
      const key = `${String(f.properties.id ?? '')}|${JSON.stringify(f.geometry)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += f.properties.cluster ? Number(f.properties.point_count) : 1;
    }
    return total;
  });
}

async function waitForTiles(page: Page) {
  await waitForMapIdle(page);
  await page.waitForFunction(() => window.__catchment!.map.areTilesLoaded());
}

async function shownCount(page: Page): Promise<number> {
  await page
    .locator('.audience[data-status="ready"]:not([data-stale])')
    .first()
    .waitFor({ timeout: 20_000 });
  const text = await page.locator('.audience-figure[data-figure="count"] dd').first().textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe.skipIf(skipReason)('an RFM segment in the builder', () => {
  let server: TestServer;
  let browser: Browser;
  let boundary: { id: string; geometry: AreaGeometry };
  let champions: number;
  let everyone: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ customers: 8000 }), launchChromium()]);
    const collection = (await (await server.fetch('/api/boundaries')).json()) as {
      features: { geometry: AreaGeometry; properties: { id: string } }[];
    };
    // The neighbourhood with the most customers, so the cell has plenty of people in it.
    const counted = await Promise.all(
      collection.features.map(async (f) => {
        const response = await server.fetch('/api/audience', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ geometry: f.geometry }),
        });
        return { f, count: ((await response.json()) as Audience).count ?? 0 };
      }),
    );
    const best = counted.sort((a, b) => b.count - a.count)[0]!;
    boundary = { id: best.f.properties.id, geometry: best.f.geometry };
    everyone = best.count;
    const response = await server.fetch('/api/audience', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ geometry: boundary.geometry, segment: { rfmCells: ['champions'] } }),
    });
    champions = ((await response.json()) as Audience).count!;
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picking Champions narrows the audience and the map to them, and the URL keeps it', async () => {
    expect(champions).toBeGreaterThan(0);
    expect(champions).toBeLessThan(everyone / 2);
    const { page, errors } = await openAppPage(
      browser,
      `${server.url}/?sel=boundary:${encodeURIComponent(boundary.id)}`,
      { viewport: LAPTOP, session: server.fetch.session },
    );
    await waitForTiles(page);
    expect(await shownCount(page)).toBe(everyone);
    const drawnBefore = await renderedCustomers(page);

    await page.locator('.segment__toggle').first().click();
    const cell = page.locator('.segment [data-field="rfmCells"] button[data-value="champions"]');
    await cell.scrollIntoViewIfNeeded();
    await expect(cell.textContent()).resolves.toBe('Champions');
    await cell.click();
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('seg') === 'rfm:champions',
    );
    await expect.poll(() => shownCount(page), { timeout: 20_000 }).toBe(champions);
    await waitForTiles(page);
    await expect
      .poll(() => renderedCustomers(page), { timeout: 15_000 })
      .toBeLessThan(drawnBefore / 2);
    expect(await renderedCustomers(page)).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/rfm-segment-builder-laptop.png' });
    await page.locator('.segment__toggle').first().click(); // fold: the figures and the chip in view
    await expect(page.getByTestId('segment-chip').first().textContent()).resolves.toBe(
      'Segment: Champions',
    );
    await page.screenshot({ path: 'test-results/rfm-segment-laptop.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone, the link opens with the cell chosen and the same count', async () => {
    const { page, errors } = await openAppPage(
      browser,
      `${server.url}/?seg=rfm:champions&sel=boundary:${encodeURIComponent(boundary.id)}`,
      { viewport: PHONE, session: server.fetch.session },
    );
    await waitForTiles(page);
    expect(await shownCount(page)).toBe(champions);
    await page.locator('.segment__toggle').first().click();
    const cell = page.locator('.segment [data-field="rfmCells"] button[data-value="champions"]');
    await cell.scrollIntoViewIfNeeded();
    await expect(cell.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.screenshot({ path: 'test-results/rfm-segment-phone.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
