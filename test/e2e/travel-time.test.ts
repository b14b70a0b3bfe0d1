// Travel-time areas in a real Chromium: "Travel time" in a store's panel previews the 15-minute walk on the map
// (a street-following shape, not a circle), a longer walk redraws it, Save keeps it as an isochrone area whose
// audience shows; the Travel time tool makes one from a clicked point. Screenshots at 1440×900 and 390×844.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { hiddenCorners, waitForMapIdle } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Store {
  id: string;
  name: string;
}

const drawnTravel = (page: Page) =>
  page.evaluate(() => {
    const source = window.__catchment!.map.getSource('catchment-travel') as unknown as {
      serialize(): { data: GeoJSON.FeatureCollection };
    };
    return source.serialize().data.features;
  });

/** The polygon's bounding box, once the camera has brought it into the free part of the map (or what still hides). */
async function shownWhole(page: Page, geometry: GeoJSON.Polygon): Promise<string[]> {
  const ring = geometry.coordinates[0]!;
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  const box: [number, number, number, number] = [
    Math.min(...lngs),
    Math.min(...lats),
    Math.max(...lngs),
    Math.max(...lats),
  ];
  let hidden: string[] = [];
  for (let i = 0; i < 40; i++) {
    hidden = await hiddenCorners(page, [box]);
    if (hidden.length === 0) break;
    await page.waitForTimeout(250);
  }
  await waitForMapIdle(page);
  return hidden;
}

const previewReady = (page: Page) =>
  page.locator('.travel-details[data-status="ready"]').waitFor({ timeout: 30_000 });

describe.skipIf(skipReason)('travel-time areas in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let store: Store;
  /** One page per size shared by the tests, each reaching its screen in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const appAt = (address: string, viewport = DESKTOP) =>
    shared.at(address, { viewport, session: server.fetch.session });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { properties: Store }[];
    };
    store = stores.features[0]!.properties;
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`makes a walk area from a store, saves it, and shows its audience (${label})`, async () => {
      const { page, errors } = await appAt(`/?sel=store:${encodeURIComponent(store.id)}`, viewport);
      await page.locator('[data-action="travel-time"]').click();
      await previewReady(page);
      await waitForMapIdle(page);
      const [walk15] = await drawnTravel(page);
      expect(walk15?.geometry.type).toBe('Polygon');
      // Street-following: many vertices, and not all at one distance from the store (a circle would be).
      const ring = (walk15!.geometry as GeoJSON.Polygon).coordinates[0]!;
      expect(ring.length).toBeGreaterThan(30);
      // The whole area is in view beside the panel (or above the phone's sheet), nothing covering it.
      expect(await shownWhole(page, walk15!.geometry as GeoJSON.Polygon)).toEqual([]);
      await page.screenshot({ path: `test-results/travel-time-preview-${label}.png` });

      // A longer walk reaches farther: the drawn area grows.
      await page.locator('[data-field="travel-minutes"]').selectOption('20');
      await page.waitForFunction(
        (before) => {
          const el = document.querySelector('.travel-details');
          return el?.getAttribute('data-status') === 'ready' && before !== el.textContent;
        },
        await page.locator('.travel-details').textContent(),
        { timeout: 30_000 },
      );
      await page.locator('[data-field="travel-minutes"]').selectOption('15');
      await previewReady(page);

      await page.locator('[data-action="save-travel"]').click();
      const title = `15 min walk from ${store.name}`;
      await page
        .locator('.details-panel .details__title, .bottom-sheet .details__title', {
          hasText: title,
        })
        .first()
        .waitFor({ timeout: 15_000 });
      await page
        .locator('.audience[data-status="ready"]:not([data-stale])')
        .first()
        .waitFor({ timeout: 15_000 });
      const shown = await page
        .locator('.audience-figure[data-figure="count"] dd')
        .first()
        .textContent();
      const areas = (await (await server.fetch('/api/areas')).json()) as {
        features: {
          properties: { id: string; name: string; kind: string; params: Record<string, unknown> };
        }[];
      };
      const saved = areas.features.find((f) => f.properties.name.startsWith(title))!;
      expect(saved.properties.kind).toBe('isochrone');
      expect(saved.properties.params).toMatchObject({
        isochrone: { mode: 'walk', minutes: 15 },
        storeId: store.id,
      });
      const audience = (await (
        await server.fetch('/api/audience', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ areaId: saved.properties.id }),
        })
      ).json()) as { count: number };
      expect(Number((shown ?? '').replace(/[^\d]/g, ''))).toBe(audience.count);
      expect(audience.count).toBeGreaterThan(0);
      // The preview is gone from the map; the saved area draws as any area does.
      expect(await drawnTravel(page)).toEqual([]);
      await waitForMapIdle(page);
      await page.screenshot({ path: `test-results/travel-time-saved-${label}.png` });
      expect(errors).toEqual([]);
    });
  }

  it("an event's reach counts the walk instead of the circle when asked to", async () => {
    const { page, errors } = await appAt('/');
    // An event of the range the app shows (the map draws reach around those), opened as a click would.
    const eventId = await page.evaluate(() => {
      const store = window.__catchment!.store!;
      const placed = store.getState().events.data!.features.find((f) => f.geometry !== null)!;
      store.getState().select({ kind: 'event', id: placed.id as string });
      return placed.id as string;
    });
    const event = { id: eventId };
    await page.locator('[data-reach="count"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-field="reach-by"]').selectOption('walk');
    await page
      .locator('.event-reach dt', { hasText: 'Customers within a 15 min walk' })
      .waitFor({ timeout: 30_000 });
    const expected = (await (
      await server.fetch(`/api/events/${event.id}/reach?walkMinutes=15`)
    ).json()) as { count: number; geometry: GeoJSON.Polygon };
    await page.waitForFunction(
      (want) => {
        const source = window.__catchment!.map.getSource('catchment-reach') as unknown as {
          serialize(): { data: GeoJSON.FeatureCollection };
        };
        const drawn = source.serialize().data.features[0]?.geometry as GeoJSON.Polygon | undefined;
        return drawn?.coordinates[0]?.length === want;
      },
      expected.geometry.coordinates[0]!.length,
      { timeout: 15_000 },
    );
    const shown = await page.locator('[data-reach="count"]').textContent();
    expect(Number((shown ?? '').replace(/[^\d]/g, ''))).toBe(expected.count);
    await waitForMapIdle(page);
    await page.screenshot({ path: 'test-results/travel-time-event-walk.png' });
    expect(errors).toEqual([]);
  });

  it("a store's trade areas are drawn and listed with the API's customers and shares", async () => {
    const { page, errors } = await appAt(`/?sel=store:${encodeURIComponent(store.id)}`);
    await page.locator('[data-action="show-trade-areas"]').click();
    await page.locator('.trade-tier[data-tier="secondary"]').waitFor({ timeout: 30_000 });
    const expected = (await (await server.fetch(`/api/stores/${store.id}/trade-areas`)).json()) as {
      tiers: { tier: string; customers: number }[];
    };
    for (const tier of expected.tiers) {
      const meta = await page
        .locator(`.trade-tier[data-tier="${tier.tier}"] .item__meta`)
        .textContent();
      expect(meta).toContain(`${tier.customers} customers`);
    }
    await waitForMapIdle(page);
    const drawn = (await drawnTravel(page)).map((f) => f.properties!.tier as string);
    expect(drawn.sort()).toEqual(
      expected.tiers
        .filter((t) => t.customers > 0)
        .map((t) => t.tier)
        .sort(),
    );
    await page.locator('.trade-areas').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/trade-areas-desktop.png' });
    expect(errors).toEqual([]);
  });

  it('the Travel time tool makes an area from a clicked point', async () => {
    const { page, errors } = await appAt('/');
    await page.locator('[data-tool="travel"]').click();
    await expect(page.locator('[data-tool="travel"]').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await previewReady(page);
    await expect(page.locator('[data-tool="travel"]').getAttribute('aria-pressed')).resolves.toBe(
      'false',
    );
    expect(await drawnTravel(page)).toHaveLength(1);
    await page.keyboard.press('Escape');
    await page.locator('.travel-details').waitFor({ state: 'detached' });
    expect(await drawnTravel(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
