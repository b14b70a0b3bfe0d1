// "Needs a place" end to end in a real Chromium: customers imported with an address but no coordinates (no geocoder
// configured) are listed in the left panel; Place on map, a click, and the customer exists at that point.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();

describe.skipIf(skipReason)('imported rows that need a place, in a browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer({ customers: 300 }), launchChromium()]);
    const response = await server.fetch('/api/import/customers', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'Kundennummer;Vorname;Straße;PLZ;Ort\nNP-1;Anna;Hauptstraße 5;10115;Berlin\nNP-2;Ben;Torstraße 9;10119;Berlin\n',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ inserted: 0, needsPlace: 2 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists them in the left panel and places one with a click on the map', async () => {
    const { page, errors } = await openAppPage(browser, server.url, {
      session: server.fetch.session,
    });
    const list = page.getByTestId('unplaced-list');
    await list.getByText('Hauptstraße 5, 10115 Berlin', { exact: false }).waitFor();
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/unplaced-list.png' });

    await page.getByRole('button', { name: 'Place Anna on the map' }).click();
    await page.locator('.place-bar').getByText('Click the map where “Anna” is').waitFor();
    await page.screenshot({ path: 'test-results/unplaced-placing.png' });
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const at = { x: box.width / 2, y: box.height / 2 };
    const lngLat = await page.evaluate(
      (p) => window.__catchment!.map.unproject([p.x, p.y]).toArray(),
      at,
    );
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await list.locator('[data-row="NP-1"]').waitFor({ state: 'detached' });
    await page.locator('.place-bar').waitFor({ state: 'hidden' });

    const customer = await server.fetch('/api/customers/NP-1');
    expect(customer.status).toBe(200);
    const { geometry } = (await customer.json()) as { geometry: { coordinates: number[] } };
    expect(geometry.coordinates[0]).toBeCloseTo(lngLat[0]!, 5);
    expect(geometry.coordinates[1]).toBeCloseTo(lngLat[1]!, 5);
    // Ben still waits.
    await list.locator('[data-row="NP-2"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen, in German', async () => {
    const { page, errors } = await openAppPage(browser, `${server.url}/?lang=de`, {
      session: server.fetch.session,
      viewport: { width: 390, height: 844 },
    });
    const row = page.locator('[data-testid="unplaced-list"] [data-row="NP-2"]');
    await row.waitFor({ state: 'attached' });
    await row.scrollIntoViewIfNeeded();
    await row.getByRole('button', { name: 'Ben auf der Karte platzieren' }).waitFor();
    await page.screenshot({ path: 'test-results/unplaced-phone-de.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
