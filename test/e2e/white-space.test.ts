// White space in a real Chromium: "Find white space" lists the API's hexagons, most untapped first, and draws them on
// the map numbered the same; a wider store distance asks again; "Make an area" saves the hexagon as an area and
// shows it; the search is a deep link, and Escape closes it.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhiteSpaceAnswer } from '../../client/api/contract';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { expectQueryParam, openAppPage, waitForMapIdle } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();

describe.skipIf(skipReason)('white space in a browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists and draws the API's hexagons, asks again for another distance, and makes one an area", async () => {
    const expected = async (km: number) =>
      (await (
        await server.fetch(`/api/white-space?minStoreKm=${km}&limit=15`)
      ).json()) as WhiteSpaceAnswer;
    const { page, errors } = await openAppPage(browser, server.url, {
      session: server.fetch.session,
    });
    await page.locator('[data-action="white-space"]').click();
    await expectQueryParam(page, 'ws', '1.5');
    const panel = page.locator('.details[data-kind="white-space"]');
    await page.waitForFunction(
      () => document.querySelector('.white-space')?.getAttribute('data-state') === 'ready',
      null,
      { timeout: 30_000 },
    );
    const near = await expected(1.5);
    expect(near.cells.length).toBeGreaterThan(0);
    await expect(
      panel
        .locator('.white-space__list li')
        .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.cell)),
    ).resolves.toEqual(near.cells.map((c) => c.h3));

    // On the map, numbered as in the list.
    await waitForMapIdle(page);
    const drawn = await page.evaluate(() => {
      const source = window.__catchment!.map.getSource('catchment-white-space') as unknown as {
        serialize(): { data: GeoJSON.FeatureCollection };
      };
      return source
        .serialize()
        .data.features.map((f) => [f.properties!.id as string, f.properties!.rank as number]);
    });
    expect(drawn).toEqual(near.cells.map((c, i) => [c.h3, i + 1]));
    await page.screenshot({ path: 'test-results/white-space.png' });

    // Farther from every store: fewer or other hexagons, as the API says.
    await panel.getByLabel('No store within').selectOption('3');
    await expectQueryParam(page, 'ws', '3');
    const far = await expected(3);
    await page.waitForFunction(
      (first) =>
        document.querySelector('.white-space')?.getAttribute('data-state') === 'ready' &&
        (document.querySelector('.white-space__list li') as HTMLElement | null)?.dataset.cell ===
          first,
      far.cells[0]?.h3,
      { timeout: 30_000 },
    );
    await expect(panel.locator('.white-space__list li').count()).resolves.toBe(far.cells.length);

    // The first becomes an area: saved with the hexagon's shape, selected, and the search closes.
    const first = far.cells[0]!;
    await panel.locator(`li[data-cell="${first.h3}"] [data-action="white-space-area"]`).click();
    await page.locator('.details-panel .details__title', { hasText: 'White space 1' }).waitFor();
    await expectQueryParam(page, 'ws', null);
    const areas = (await (await server.fetch('/api/areas')).json()) as {
      features: { geometry: GeoJSON.Polygon; properties: { name: string; kind: string } }[];
    };
    const made = areas.features.find((f) => f.properties.name === 'White space 1')!;
    expect(made.properties.kind).toBe('polygon');
    expect(made.geometry.coordinates[0]).toHaveLength(7);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from a link, and Escape closes it', async () => {
    const { page, errors } = await openAppPage(browser, `${server.url}/?ws=2`, {
      session: server.fetch.session,
    });
    await page.waitForFunction(
      () => document.querySelector('.white-space')?.getAttribute('data-state') === 'ready',
      null,
      { timeout: 30_000 },
    );
    await expect(
      page.locator('.details[data-kind="white-space"] select').inputValue(),
    ).resolves.toBe('2');
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('Escape');
    await page.locator('.details[data-kind="white-space"]').waitFor({ state: 'detached' });
    await expectQueryParam(page, 'ws', null);
    const drawn = await page.evaluate(
      () =>
        (
          window.__catchment!.map.getSource('catchment-white-space') as unknown as {
            serialize(): { data: GeoJSON.FeatureCollection };
          }
        ).serialize().data.features.length,
    );
    expect(drawn).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
