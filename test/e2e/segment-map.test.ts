// The segment reaches the map, in a real Chromium: choosing Gold and an age range in the audience panel makes the
// customer tiles ask for that segment, the customers drawn on the map drop to the segment's, a chip says which
// segment the figures count, and its × brings everyone back. Screenshots at a laptop's and a phone's size.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../server/domain/schemas/geojson';
import type { Segment } from '../../server/domain/schemas/segment';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { waitForMapIdle } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const GOLD_PRIME: Segment = { ageMin: 25, ageMax: 44, loyaltyTiers: ['gold'] };

/** Customers drawn on the map now: each rendered cluster's count, each rendered single customer one. */
function renderedCustomers(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = window.__catchment!.map;
    const layers = ['customers-clusters', 'customers-points'].filter((id) => map.getLayer(id));
    const seen = new Set<string>();
    let total = 0;
    for (const f of map.queryRenderedFeatures({ layers })) {
      // A feature on a tile's edge can be rendered by both tiles: count it once.
      const key = `${String(f.properties.id ?? '')}|${JSON.stringify(f.geometry)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total += f.properties.cluster ? Number(f.properties.point_count) : 1;
    }
    return total;
  });
}

/** The customer source's tile URLs now. */
function sourceTiles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const source = window.__catchment!.map.getStyle().sources['catchment-customers'];
    return source && 'tiles' in source ? (source.tiles ?? []) : [];
  });
}

/** The segments the customer tile requests asked for (null: none). */
function tileSegments(urls: string[]): (Segment | null)[] {
  return urls
    .filter((u) => u.includes('/api/tiles/customers/'))
    .map((u) => {
      const raw = new URL(u).searchParams.get('segment');
      return raw === null ? null : (JSON.parse(raw) as Segment);
    });
}

async function waitForTiles(page: Page) {
  await waitForMapIdle(page);
  await page.waitForFunction(() => window.__catchment!.map.areTilesLoaded());
}

describe.skipIf(skipReason)('the segment on the map', () => {
  let server: TestServer;
  let browser: Browser;
  let boundary: { id: string; name: string };
  /**
   * One page per size: the first test at a size opens it (the phone's with a linked segment), the compare tests reach
   * it in-app, after loading the lists again for the areas they saved through the API.
   */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ customers: 20_000 }),
      launchChromium(),
    ]);
    const collection = (await (await server.fetch('/api/boundaries')).json()) as {
      features: { geometry: AreaGeometry; properties: { id: string; name: string } }[];
    };
    boundary = collection.features[0]!.properties;
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('Gold + 25–44 in the panel: the tiles ask for it, fewer customers are drawn, and the chip clears it', async () => {
    const { page, errors } = await shared.at(`/?sel=boundary:${encodeURIComponent(boundary.id)}`, {
      viewport: LAPTOP,
      session: server.fetch.session,
    });
    await waitForTiles(page);
    const everyone = await renderedCustomers(page);
    expect(everyone).toBeGreaterThan(200);
    await expect(page.getByTestId('segment-chip').count()).resolves.toBe(0);

    const fullSegmentTile = page.waitForRequest(
      (request) =>
        request.url().includes('/api/tiles/customers/') &&
        JSON.stringify(tileSegments([request.url()])[0]) === JSON.stringify(GOLD_PRIME),
      { timeout: 30_000 },
    );
    await page.locator('.segment__toggle').click();
    await page.locator('.segment button.chip-toggle[data-value="gold"]').click();
    await page.locator('input[data-field="ageMin"]').fill('25');
    await page.locator('input[data-field="ageMax"]').fill('44');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('seg') === 'age:25-44;tier:gold',
    );
    // Tiles are asked for with the whole segment (earlier ones with the part chosen by then), and the source asks
    // for it from now on.
    await fullSegmentTile;
    await waitForTiles(page);
    const source = await sourceTiles(page);
    expect(tileSegments(source.map((t) => t.replace('{z}/{x}/{y}', '0/0/0')))).toEqual([
      GOLD_PRIME,
    ]);
    await expect
      .poll(() => renderedCustomers(page), { timeout: 15_000 })
      .toBeLessThan(everyone / 3);
    expect(await renderedCustomers(page)).toBeGreaterThan(0);

    // The chip names the segment beside the figures it narrows.
    const chip = page.getByTestId('segment-chip').first();
    await expect(chip.textContent()).resolves.toBe('Segment: Gold, 25–44');
    await page.locator('.segment__toggle').click(); // fold the builder: the figures and the chip in view
    await page.screenshot({ path: 'test-results/segment-map-laptop.png' });

    const plainTile = page.waitForRequest(
      (request) =>
        request.url().includes('/api/tiles/customers/') && !request.url().includes('segment='),
      { timeout: 30_000 },
    );
    await chip.getByRole('button', { name: 'Clear segment', exact: true }).click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('seg'));
    await plainTile;
    await waitForTiles(page);
    await expect(page.getByTestId('segment-chip').count()).resolves.toBe(0);
    expect(tileSegments(await sourceTiles(page))).toEqual([null]);
    await expect.poll(() => renderedCustomers(page), { timeout: 15_000 }).toBe(everyone);
    expect(errors).toEqual([]);
  });

  it('on a phone, a linked segment draws only its customers and the chip shows in the sheet', async () => {
    const { page, errors } = await shared.at(
      `/?seg=age:25-44;tier:gold&sel=boundary:${encodeURIComponent(boundary.id)}`,
      { viewport: PHONE, session: server.fetch.session },
    );
    await waitForTiles(page);
    const tiles = await sourceTiles(page);
    expect(tileSegments(tiles.map((t) => t.replace('{z}/{x}/{y}', '0/0/0')))).toEqual([GOLD_PRIME]);
    const chip = page.getByTestId('segment-chip').first();
    await expect(chip.isVisible()).resolves.toBe(true);
    await expect(chip.textContent()).resolves.toBe('Segment: Gold, 25–44');
    await page.screenshot({ path: 'test-results/segment-map-phone.png' });
    expect(errors).toEqual([]);
  });

  for (const [size, viewport] of [
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ] as const) {
    it(`Compare and the area list count the same segment, and say so (${size})`, async () => {
      const ids: string[] = [];
      for (const [name, center] of [
        ['Mitte 1.5 km', [13.4, 52.52]],
        ['Kreuzberg 1.5 km', [13.41, 52.497]],
        ['Prenzlauer Berg 1.5 km', [13.42, 52.54]],
      ] as const) {
        const response = await server.fetch('/api/areas', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            name: `${name} (${size})`,
            kind: 'radius',
            params: { center, radiusMeters: 1500 },
          }),
        });
        ids.push(((await response.json()) as { properties: { id: string } }).properties.id);
      }
      const { page, errors } = await shared.at(
        `/?cmp=${ids.join(',')}&seg=age:25-44;tier:gold`,
        { viewport, session: server.fetch.session },
        { listsChanged: true },
      );
      const panel = page.locator('.details[data-kind="compare"]');
      await panel.locator('.area-compare[data-state="ready"]').waitFor({ timeout: 30_000 });
      const compared = await panel
        .locator('[data-metric="customers"] .bar-chart__row .bar-chart__count')
        .allTextContents();
      const list = (await (
        await server.fetch(`/api/areas?segment=${encodeURIComponent(JSON.stringify(GOLD_PRIME))}`)
      ).json()) as { features: { properties: { id: string; customers: number } }[] };
      const counts = ids.map(
        (id) => list.features.find((f) => f.properties.id === id)!.properties.customers,
      );
      expect(compared.map((text) => Number(text.replace(/[^\d]/g, '')))).toEqual(counts);
      await expect(panel.getByTestId('segment-chip').textContent()).resolves.toBe(
        'Segment: Gold, 25–44',
      );
      // Penetration of the three areas, each with the same decimals, and different values read differently.
      const penetration = await panel
        .locator('[data-metric="penetration"] .bar-chart__row .bar-chart__count')
        .allTextContents();
      const decimals = new Set(penetration.map((p) => (/[.,](\d+)/.exec(p)?.[1] ?? '').length));
      expect(decimals.size).toBe(1);
      await page.screenshot({ path: `test-results/segment-compare-${size}.png` });
      expect(errors).toEqual([]);
    });
  }
});
