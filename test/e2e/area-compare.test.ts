// Comparing areas in a real Chromium: "Compare areas" opens the comparison with the selected area ticked, ticking two
// more shows the API's figures as bars in each area's colour and the one overlapping pair with the customers both
// share; the map fits the compared areas and shows them standing out, and a click on one there ticks it out or in;
// the comparison is a deep link; Escape closes it.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaComparison } from '../../client/api/contract';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { expectQueryParam, openAppPage, waitForMapIdle } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe.skipIf(skipReason)('comparing areas in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  const ids: string[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    for (const [name, center, radiusMeters] of [
      ['Mitte west', [13.39, 52.52], 1200],
      ['Mitte east', [13.41, 52.52], 1200],
      ['Spandau', [13.2, 52.535], 1000],
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
    await browser?.close();
    await server?.close();
  });

  it("shows the API's figures per area, the overlapping pair, the areas on the map, and keeps it in the URL", async () => {
    const expected = (await (
      await server.fetch('/api/areas/compare', json('POST', { areaIds: ids }))
    ).json()) as AreaComparison;
    const { page, errors } = await openAppPage(browser, `${server.url}/?sel=area:${ids[0]}`, {
      session: server.fetch.session,
    });
    await page.locator('[data-action="compare-areas"]').click();
    const panel = page.locator('.details[data-kind="compare"]');
    await panel.waitFor();
    // The selected area is ticked already; one area is not enough.
    await expect(panel.locator(`[data-compare-area="${ids[0]}"]`).isChecked()).resolves.toBe(true);
    await panel.locator('.state-message', { hasText: 'Tick at least two areas' }).waitFor();
    await panel.locator(`[data-compare-area="${ids[1]}"]`).check();
    await panel.locator(`[data-compare-area="${ids[2]}"]`).check();
    await expectQueryParam(page, 'cmp', ids.join(','));

    const customers = panel.locator('[data-metric="customers"]');
    await customers.locator(`[data-area="${ids[2]}"]`).waitFor();
    await page.waitForFunction(
      () => document.querySelector('.area-compare')?.getAttribute('data-state') === 'ready',
    );
    const shown = await customers.locator('.bar-chart__row .bar-chart__count').allTextContents();
    expect(shown.map((text) => Number(text.replace(/\D/g, '')))).toEqual(
      expected.areas.map((a) => a.customers),
    );
    // Bars are as long as the figures say, in the areas' colours.
    const widths = await customers
      .locator('.bar-chart__bar')
      .evaluateAll((bars) => bars.map((b) => (b as HTMLElement).getBoundingClientRect().width));
    const most = Math.max(...expected.areas.map((a) => a.customers!));
    const longest = Math.max(...widths);
    expected.areas.forEach((area, i) =>
      expect(widths[i]! / longest).toBeCloseTo(area.customers! / most, 1),
    );

    // One pair overlaps: west and east, with the customers both share.
    const pairs = panel.locator('.compare-overlaps__list li');
    await expect(pairs.count()).resolves.toBe(1);
    await expect(pairs.first().getAttribute('data-pair')).resolves.toBe(`${ids[0]}|${ids[1]}`);
    const [overlap] = expected.overlaps;
    await expect(pairs.first().textContent()).resolves.toContain(
      `${overlap!.sharedCustomers!.toLocaleString('en-US')} customers in both`,
    );

    // The map fits the compared areas, and they stand out on it.
    await waitForMapIdle(page);
    const markedOnMap = () =>
      page.evaluate(() => {
        const map = window.__catchment!.map;
        return [
          ...new Set(
            map
              .queryRenderedFeatures({ layers: ['areas-outline'] })
              .filter((f) => f.properties.compared)
              .map((f) => f.properties.id as string),
          ),
        ].sort();
      });
    await expect.poll(markedOnMap, { timeout: 10_000 }).toEqual([...ids].sort());
    await page.screenshot({ path: 'test-results/area-compare.png' });

    // A click on an area on the map ticks it out of the comparison, and a second click back in (at the end).
    const clickArea = async (lngLat: [number, number]) => {
      const point = await page.evaluate((at) => window.__catchment!.map.project(at), lngLat);
      const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
      await page.mouse.click(box.x + point.x, box.y + point.y);
    };
    await clickArea([13.375, 52.52]); // Mitte west only
    await expectQueryParam(page, 'cmp', `${ids[1]},${ids[2]}`);
    await expect(panel.locator(`[data-compare-area="${ids[0]}"]`).isChecked()).resolves.toBe(false);
    await clickArea([13.375, 52.52]);
    await expectQueryParam(page, 'cmp', `${ids[1]},${ids[2]},${ids[0]}`);

    // A link opens the same comparison; Escape closes it and the URL forgets it.
    await page.reload();
    await panel
      .locator(`[data-metric="customers"] [data-area="${ids[2]}"]`)
      .waitFor({ timeout: 30_000 });
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expectQueryParam(page, 'cmp', null);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the comparison lives in the bottom sheet', async () => {
    const { page, errors } = await openAppPage(browser, `${server.url}/?cmp=${ids.join(',')}`, {
      session: server.fetch.session,
      viewport: { width: 390, height: 844 },
    });
    const panel = page.locator('.bottom-sheet .details[data-kind="compare"]');
    await panel
      .locator(`[data-metric="penetration"] [data-area="${ids[1]}"]`)
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/area-compare-phone.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
