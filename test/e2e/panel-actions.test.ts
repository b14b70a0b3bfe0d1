// Each panel's main action is in reach as it opens, in a real Chromium at 1440×900 and 390×844: the store, event,
// campaign, compare and white-space panels pin it at their foot, so it is inside the viewport and what a tap at its
// centre hits while the panel is still at its top — and a newly opened panel starts at its top, even when the one
// before was left scrolled to its end. Screenshots in test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { expectInReach, openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
const DAY_MS = 86_400_000;

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** The box the panel scrolls in: the side panel, or the phone's bottom sheet. */
const SCROLLER = '.details-panel, .bottom-sheet__content';

const scrollTop = (page: Page) =>
  page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length > 0)
        ?.scrollTop ?? -1,
    SCROLLER,
  );

/** Scrolls the open panel to its end, as a user reading its charts leaves it. */
const scrollToEnd = (page: Page) =>
  page.evaluate((selector) => {
    for (const e of document.querySelectorAll(selector)) e.scrollTop = e.scrollHeight;
  }, SCROLLER);

describe.skipIf(skipReason)('each panel’s main action is pinned at its foot', () => {
  let server: TestServer;
  let browser: Browser;
  const areaIds: string[] = [];
  let eventId = '';
  let campaignId = '';

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer({ customers: 5_000 }),
      launchChromium(),
    ]);
    for (const [name, center] of [
      ['Mitte west', [13.39, 52.52]],
      ['Mitte east', [13.41, 52.52]],
    ] as const) {
      const response = await server.fetch(
        '/api/areas',
        json('POST', { name, kind: 'radius', params: { center, radiusMeters: 1000 } }),
      );
      expect(response.status).toBe(201);
      areaIds.push(((await response.json()) as { properties: { id: string } }).properties.id);
    }
    const now = Date.now();
    const events = await server.fetch(
      `/api/events?${new URLSearchParams({
        from: new Date(now + DAY_MS).toISOString(),
        to: new Date(now + 80 * DAY_MS).toISOString(),
      }).toString()}`,
    );
    const features = ((await events.json()) as { features: { id: string; geometry: unknown }[] })
      .features;
    eventId = features.find((f) => f.geometry !== null)!.id;
    const campaign = await server.fetch(
      '/api/campaigns',
      json('POST', {
        name: 'Rainy day coffee',
        areaIds: [areaIds[0]],
        offer: { headline: 'Coffee for a rainy day', code: 'RAIN10', discountPercent: 10 },
        channel: 'in_store',
        startsAt: new Date(now - DAY_MS).toISOString(),
        endsAt: new Date(now + 30 * DAY_MS).toISOString(),
        timezone: 'Europe/Berlin',
        status: 'active',
        triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
        triggerMode: 'any',
      }),
    );
    expect(campaign.status).toBe(201);
    campaignId = ((await campaign.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Each panel, how it opens (in the page, through the store) and its main action. */
  const panels = [
    {
      name: 'store',
      open: () =>
        window.__catchment!.store!.getState().select({
          kind: 'store',
          id: window.__catchment!.store!.getState().stores.data!.features[0]!.properties.id,
        }),
      action: '[data-action="target-store"]',
    },
    {
      name: 'event',
      open: (id: string) => window.__catchment!.store!.getState().select({ kind: 'event', id }),
      arg: () => eventId,
      action: '[data-action="event-offer"]',
    },
    {
      name: 'campaign',
      open: (id: string) => window.__catchment!.store!.getState().select({ kind: 'campaign', id }),
      arg: () => campaignId,
      action: '[data-status-action="paused"]',
    },
    {
      name: 'compare',
      open: (ids: string) => window.__catchment!.store!.getState().setAreaCompare(ids.split(',')),
      arg: () => areaIds.join(','),
      action: '[data-action="compare-campaign"]',
    },
    {
      name: 'white-space',
      open: () => {
        window.__catchment!.store!.getState().setAreaCompare(null);
        window.__catchment!.store!.getState().setWhiteSpace({ minStoreKm: 1 });
      },
      action: '[data-action="white-space-best"]',
    },
  ];

  for (const { name, viewport } of SIZES)
    it(`${name}: store, event, campaign, compare and white space open at their top, the main action in reach`, async () => {
      const { page, errors } = await openAppPage(browser, server.url, {
        viewport,
        session: server.fetch.session,
      });
      await page.waitForFunction(() => {
        const s = window.__catchment?.store?.getState();
        return s?.stores.status === 'ready' && s.areas.status === 'ready';
      });
      for (const panel of panels) {
        await scrollToEnd(page);
        await page.evaluate(panel.open as (arg: string) => void, panel.arg?.() ?? '');
        await page.locator(panel.action).first().waitFor();
        await expectInReach(page, panel.action);
        // The pinned foot covers nothing that says what the panel is (a phone's sheet may open only at its peek).
        await expectInReach(page, '.details__title');
        // Reached without scrolling: the panel is still at its top.
        await expect(scrollTop(page), panel.name).resolves.toBe(0);
        await page.screenshot({ path: `test-results/panel-actions-${panel.name}-${name}.png` });
      }
      expect(errors).toEqual([]);
      await page.close();
    });
});
