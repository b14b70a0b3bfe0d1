// Privacy in a real Chromium against a real server: a store manager's map and lists hold only their stores'
// customers; a marketer sees hidden small groups as "< 10" and no export link.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../server/domain/schemas/audience';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage, openPage, waitForMapIdle } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const MANAGER = { email: 'franchisee@example.test', password: 'franchisee-password' };

/** Customers on the map after moving it: single points (with their store) and cluster sizes. */
async function customersOnMap(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(
    ({ center, zoom }) =>
      new Promise<void>((resolve) => {
        const map = window.__catchment!.map;
        map.once('idle', () => resolve());
        map.jumpTo({ center, zoom });
      }),
    { center, zoom },
  );
  await waitForMapIdle(page);
  return page.evaluate(() => {
    const map = window.__catchment!.map;
    const points = map
      .queryRenderedFeatures({ layers: ['customers-points'] })
      .map((f) => ({ id: f.properties.id as string, store: f.properties.store as string }));
    const clusters = map
      .queryRenderedFeatures({ layers: ['customers-clusters'] })
      .map((f) => Number(f.properties.point_count));
    return { points, clusters };
  });
}

describe.skipIf(skipReason)('privacy in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let stores: string[];
  let theirs: { id: string; lng: number; lat: number }[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ customers: 4000 }), launchChromium()]);
    const byStore = server.deps.db
      .prepare(
        'SELECT home_store_id AS id FROM customers WHERE home_store_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC',
      )
      .pluck()
      .all() as string[];
    stores = byStore.slice(0, 2);
    theirs = server.deps.db
      .prepare('SELECT id, lng, lat FROM customers WHERE home_store_id IN (?, ?)')
      .all(stores[0], stores[1]) as typeof theirs;
    await server.as('store_manager', {
      storeIds: stores,
      email: MANAGER.email,
      password: MANAGER.password,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a store manager signs in, and their map and customer lists hold only their stores' customers", async () => {
    const { page, errors } = await openPage(browser, server.url);
    await page.getByLabel('Email').fill(MANAGER.email);
    await page.getByLabel('Password').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForMapIdle(page);
    const far = await customersOnMap(page, [13.4, 52.52], 10);
    expect(far.clusters.length + far.points.length).toBeGreaterThan(0);
    expect(far.clusters.reduce((sum, n) => sum + n, 0) + far.points.length).toBeLessThanOrEqual(
      theirs.length,
    );
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/privacy-store-manager.png' });

    // Up close, among their customers: every point is one of theirs.
    const one = theirs[0]!;
    const near = await customersOnMap(page, [one.lng, one.lat], 17);
    expect(near.points.length).toBeGreaterThan(0);
    for (const p of near.points) expect(stores).toContain(p.store);
    const ids = new Set(theirs.map((c) => c.id));
    for (const p of near.points) expect(ids.has(p.id)).toBe(true);

    // The same session's list of customers, as the app's own API client would read it.
    const listed = await page.evaluate(async () => {
      const body = (await (await fetch('/api/customers?limit=5000')).json()) as {
        features: { properties: { homeStoreId: string } }[];
      };
      return body.features.map((f) => f.properties.homeStoreId);
    });
    expect(listed.length).toBe(theirs.length);
    for (const store of listed) expect(stores).toContain(store);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a marketer sees "< 10" for small groups and no export link', async () => {
    const marketer = await server.as('marketer');
    const created = await server.fetch('/api/areas', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Small circle',
        kind: 'radius',
        params: { center: [theirs[0]!.lng, theirs[0]!.lat], radiusMeters: 1500 },
      }),
    });
    const area = (await created.json()) as { id: string };
    const answer = (await (
      await marketer('/api/audience', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ areaId: area.id }),
      })
    ).json()) as Audience;
    expect(answer.minGroupSize).toBe(10);
    expect(
      Object.values(answer.breakdown)
        .flat()
        .some((b) => b.count === null),
    ).toBe(true);

    const { page, errors } = await openAppPage(
      browser,
      `${server.url}/?sel=area:${encodeURIComponent(area.id)}`,
      { session: marketer.session },
    );
    await page
      .locator('.audience[data-status="ready"]:not([data-stale])')
      .waitFor({ timeout: 15_000 });
    await expect(
      page.locator('.audience .bar-chart__count', { hasText: '< 10' }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(
      page.locator('.audience .bar-chart__bar--hidden').count(),
    ).resolves.toBeGreaterThan(0);
    await expect(
      page.locator('.audience .bar-chart table td', { hasText: '< 10' }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.locator('.audience__export').count()).resolves.toBe(0);
    // On the map: clusters only, never a single customer.
    const close = await customersOnMap(page, [theirs[0]!.lng, theirs[0]!.lat], 17);
    expect(close.points).toEqual([]);
    for (const n of close.clusters) expect(n).toBeGreaterThanOrEqual(10);
    mkdirSync('test-results', { recursive: true });
    await page.locator('.details-panel').evaluate((panel) =>
      panel.scrollTo({
        top: panel.querySelector<HTMLElement>('.audience-charts')!.offsetTop - 60,
      }),
    );
    await page.screenshot({ path: 'test-results/privacy-marketer.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
