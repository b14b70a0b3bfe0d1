// Events end to end in a real Chromium against a real server: the Events panel lists the demo events by day,
// selecting one shows its reach (the same count as the API's), and an event created without a place is placed by
// clicking the map (Escape cancels first). Needs the events API (GET/POST/PATCH /api/events, reach) on the server.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventCollection, EventFeature, EventReach } from '../../client/api/contract';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { expectQueryParam } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const DAY_MS = 86_400_000;

const eventsList = (page: Page) =>
  page.locator('.nav-panel .list-section', { has: page.locator('h2', { hasText: 'Events' }) });
const storedEvent = (page: Page, id: string) =>
  page.evaluate(
    (eventId) =>
      window.__catchment!.store!.getState().events.data?.features.find((f) => f.id === eventId) ??
      null,
    id,
  );

describe.skipIf(skipReason)('events in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let demo: EventFeature[];
  /** An event made without a place, before the page opens so that the app loads it with the demo events. */
  let placeless: EventFeature;
  /** The tests share one page, each starting from the plain map (`/`) reached in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const plainMap = () => shared.at('/', { session: server.fetch.session });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    // The list opens on the next 90 days (from today's local midnight): ask for a window well inside it.
    const now = Date.now();
    const query = new URLSearchParams({
      from: new Date(now + DAY_MS).toISOString(),
      to: new Date(now + 80 * DAY_MS).toISOString(),
    });
    const response = await server.fetch(`/api/events?${query.toString()}`);
    expect(response.status).toBe(200);
    demo = ((await response.json()) as EventCollection).features.filter(
      (f) => f.properties.source === 'demo' && f.geometry !== null,
    );
    const startsAt = new Date(Date.now() + 3 * DAY_MS);
    const created = await server.fetch('/api/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Flea market at the old depot',
        category: 'market',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString(),
        timezone: 'Europe/Berlin',
        locationText: 'Old tram depot',
      }),
    });
    expect(created.status).toBe(201);
    placeless = (await created.json()) as EventFeature;
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('the Events panel lists the demo events; selecting one shows its time and the API’s reach count', async () => {
    expect(demo.length).toBeGreaterThan(0);
    const { page, errors } = await plainMap();
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    const list = eventsList(page);
    for (const event of demo.slice(0, 5)) {
      await list.locator('.item__label', { hasText: event.properties.name }).first().waitFor();
    }

    const chosen = demo[0]!;
    await list
      .locator('.item', { has: page.locator('.item__label', { hasText: chosen.properties.name }) })
      .first()
      .click();
    await page
      .locator('.details-panel .details__title', { hasText: chosen.properties.name })
      .waitFor();
    await expect(
      page.evaluate(() => window.__catchment!.store!.getState().selection),
    ).resolves.toEqual({ kind: 'event', id: chosen.id });
    await expectQueryParam(page, 'sel', `event:${chosen.id}`);

    const reach = (await (
      await server.fetch(`/api/events/${encodeURIComponent(chosen.id)}/reach?withinMeters=800`)
    ).json()) as EventReach;
    const shown = page.locator('.details-panel [data-reach="count"]');
    await shown.waitFor();
    const expected =
      reach.count === null
        ? /^< /
        : new RegExp(`^${new Intl.NumberFormat('en-US').format(reach.count)}$`);
    expect(await shown.textContent()).toMatch(expected);
    await expect(page.locator('.details-panel [data-event="when"]').textContent()).resolves.toMatch(
      /\d/,
    );
    await page.screenshot({ path: 'test-results/events.png' });

    // Back and Forward to an event frame it as a first load does: the camera is sent far away first, so only a
    // move brought on by the history step puts the event back in view.
    const other = demo.find((e) => e.id !== chosen.id)!;
    await list
      .locator('.item', { has: page.locator('.item__label', { hasText: other.properties.name }) })
      .first()
      .click();
    await expectQueryParam(page, 'sel', `event:${other.id}`);
    for (const [step, event] of [
      ['back', chosen],
      ['forward', other],
    ] as const) {
      await page.evaluate(() => window.__catchment!.map.jumpTo({ center: [0, 0], zoom: 3 }));
      await (step === 'back' ? page.goBack() : page.goForward());
      await expectQueryParam(page, 'sel', `event:${event.id}`);
      await page.waitForFunction(
        (lngLat) => {
          const map = window.__catchment!.map;
          return !map.isMoving() && map.getZoom() > 12 && map.getBounds().contains(lngLat);
        },
        event.geometry!.coordinates as [number, number],
        { timeout: 15_000 },
      );
    }
    expect(errors).toEqual([]);
  });

  it('an event without a place is listed first and placed by a click on the map; Escape cancels placing', async () => {
    const event = placeless;
    expect(event.geometry).toBeNull();
    const { page, errors } = await plainMap();
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    const needsPlace = eventsList(page).locator('[data-group="needs-place"]');
    await needsPlace.locator('.item__label', { hasText: 'Flea market at the old depot' }).waitFor();
    const placeButton = page.getByRole('button', {
      name: 'Place Flea market at the old depot on the map',
    });

    await placeButton.click();
    await page.locator('.place-bar').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.place-bar').waitFor({ state: 'hidden' });
    await expect(
      page.evaluate(() => window.__catchment!.store!.getState().placingEvent),
    ).resolves.toBeNull();

    await placeButton.click();
    await page.locator('.place-bar').waitFor();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const at = { x: box.width / 2, y: box.height / 2 };
    const lngLat = await page.evaluate(
      (p) => window.__catchment!.map.unproject([p.x, p.y]).toArray(),
      at,
    );
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction(
      (id) =>
        window.__catchment!.store!.getState().events.data?.features.find((f) => f.id === id)
          ?.geometry != null,
      event.id,
    );

    const placed = (await (
      await server.fetch(`/api/events/${encodeURIComponent(event.id)}`)
    ).json()) as EventFeature;
    expect(placed.properties.needsPlace).toBe(false);
    expect(placed.properties.version).toBeGreaterThan(event.properties.version);
    expect(placed.geometry!.coordinates[0]).toBeCloseTo(lngLat[0]!, 5);
    expect(placed.geometry!.coordinates[1]).toBeCloseTo(lngLat[1]!, 5);
    expect((await storedEvent(page, event.id))?.properties.version).toBe(placed.properties.version);
    // Placed, it leaves "Needs a place" and its reach is counted.
    await needsPlace
      .locator('.item__label', { hasText: 'Flea market at the old depot' })
      .waitFor({ state: 'detached' });
    await page.locator('.details-panel [data-reach="count"]').waitFor();
    await page.screenshot({ path: 'test-results/events-placed.png' });
    expect(errors).toEqual([]);
  });

  it('search finds an event; its reach circle is on the map and follows the radius; a segment narrows the count to the API’s', async () => {
    const chosen =
      demo.find(
        (e) => !demo.some((other) => other !== e && other.properties.name === e.properties.name),
      ) ?? demo[0]!;
    const { page, errors } = await plainMap();
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().events.status === 'ready',
      null,
      { timeout: 30_000 },
    );
    await page.locator('#search-input').fill(chosen.properties.name);
    const option = page
      .locator('.search__option', {
        has: page.locator('.search__label', { hasText: chosen.properties.name }),
      })
      .first();
    await expect(option.locator('.search__kind').textContent()).resolves.not.toBe('');
    await option.click();
    await page
      .locator('.details-panel .details__title', { hasText: chosen.properties.name })
      .waitFor();
    await page.locator('.details-panel [data-reach="count"]').waitFor();

    // The walking radius is drawn around the event, and redrawn when the slider moves.
    const reachCircle = () =>
      page.evaluate(() => {
        const map = window.__catchment!.map;
        // One answer per tile the circle crosses, each clipped to its tile: keep the longest ring per id.
        const byId = new Map<string, number[][]>();
        for (const f of map.querySourceFeatures('catchment-reach')) {
          const ring = (f.geometry as GeoJSON.Polygon).coordinates[0]!;
          const id = f.properties.id as string;
          if ((byId.get(id)?.length ?? 0) < ring.length) byId.set(id, ring);
        }
        return [...byId].map(([id, ring]) => ({ id, ring }));
      });
    await page.waitForFunction(
      () => window.__catchment!.map.queryRenderedFeatures({ layers: ['reach-outline'] }).length > 0,
    );
    const [circle] = await reachCircle();
    expect(circle!.id).toBe(`event-${chosen.id}`);
    const radiusOf = (ring: number[][]) => {
      const [lng, lat] = chosen.geometry!.coordinates as [number, number];
      const toMeters = (p: number[]) =>
        Math.hypot(
          (p[0]! - lng) * 111_320 * Math.cos((lat * Math.PI) / 180),
          (p[1]! - lat) * 110_574,
        );
      return ring.reduce((max, p) => Math.max(max, toMeters(p)), 0);
    };
    expect(radiusOf(circle!.ring)).toBeGreaterThan(700);
    expect(radiusOf(circle!.ring)).toBeLessThan(900);
    const slider = page.locator('.event-reach__radius input[type="range"]');
    await slider.focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    await page.locator('.event-reach__radius output', { hasText: '1 km' }).waitFor();
    await page.waitForFunction(
      () => window.__catchment!.store!.getState().eventReachMeters === 1000,
    );
    await expect.poll(async () => radiusOf((await reachCircle())[0]!.ring)).toBeGreaterThan(900);

    // A gold-tier segment: the count shown is the API's for the same radius and segment.
    await page.locator('.details-panel .segment__toggle').click();
    await page.locator('.details-panel .segment button.chip-toggle[data-value="gold"]').click();
    const query = new URLSearchParams({
      withinMeters: '1000',
      segment: JSON.stringify({ loyaltyTiers: ['gold'] }),
    });
    const reach = (await (
      await server.fetch(`/api/events/${encodeURIComponent(chosen.id)}/reach?${query.toString()}`)
    ).json()) as EventReach;
    const all = (await (
      await server.fetch(`/api/events/${encodeURIComponent(chosen.id)}/reach?withinMeters=1000`)
    ).json()) as EventReach;
    expect(reach.count).toBeLessThan(all.count!);
    const expected =
      reach.count === null ? '< 10' : new Intl.NumberFormat('en-US').format(reach.count);
    await expect
      .poll(() => page.locator('.details-panel [data-reach="count"]').textContent())
      .toBe(expected);
    await page.locator('.details-panel [data-reach="charts"]').waitFor();
    await page.screenshot({ path: 'test-results/events-reach-segment.png' });

    // Closing the details removes the circle.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await reachCircle()).length).toBe(0);
    expect(errors).toEqual([]);
  });
});
