// A campaign's page in a real Chromium shows what the campaign did, from purchases: the measures for offered and
// held-out customers with the lift and its verdict, the weekly purchases with the live weeks shaded (and their table
// for screen readers), and the cohorts — at desktop and phone size, nothing cut off.
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const DAY_MS = 86_400_000;
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

describe.skipIf(skipReason)('campaign results in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let campaignId: string;
  let areaId: string;
  let secondAreaId: string;
  /** The owner's 1440×900 page: the results test opens it, the compare test reaches it in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const laptopAt = (address: string) =>
    shared.at(address, { session: server.fetch.session, viewport: { width: 1440, height: 900 } });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
    };
    const center = stores.features[0]!.geometry.coordinates;
    const other = stores.features[1]!.geometry.coordinates;
    const second = await server.fetch(
      '/api/areas',
      json('POST', {
        name: 'Second shop',
        kind: 'radius',
        params: { center: other, radiusMeters: 3000 },
      }),
    );
    secondAreaId = ((await second.json()) as { properties: { id: string } }).properties.id;
    const area = await server.fetch(
      '/api/areas',
      json('POST', {
        name: 'Around the shop',
        kind: 'radius',
        params: { center, radiusMeters: 3000 },
      }),
    );
    areaId = ((await area.json()) as { properties: { id: string } }).properties.id;
    const now = Date.now();
    const created = await server.fetch(
      '/api/campaigns',
      json('POST', {
        name: 'Autumn loyalty',
        areaIds: [areaId],
        segment: {},
        offer: { headline: 'A free pastry', code: 'PASTRY', discountPercent: 100 },
        channel: 'in_store',
        startsAt: new Date(now - 30 * DAY_MS).toISOString(),
        endsAt: new Date(now + 10 * DAY_MS).toISOString(),
        timezone: 'Europe/Berlin',
        status: 'active',
        triggers: [],
        holdoutPercent: 20,
      }),
    );
    expect(created.status).toBe(201);
    campaignId = ((await created.json()) as { id: string }).id;
    // Live now: an activation, so the current week is shaded.
    expect((await server.fetch('/api/triggers/evaluate', { method: 'POST' })).status).toBe(200);
    // A purchase history: every customer buys every few weeks over the last four months, some more often lately.
    const db = new Database(server.dbFile);
    try {
      const ids = db.prepare('SELECT id FROM customers').pluck().all() as string[];
      const add = db.prepare(
        'INSERT INTO purchases (id, customer_id, store_id, purchased_at, amount) VALUES (?, ?, ?, ?, ?)',
      );
      // An earlier live period, two weeks long, as the scheduler would have recorded it.
      db.prepare(
        "INSERT INTO activations (campaign_id, area_id, started_at, ended_at, reasons) VALUES (?, ?, ?, ?, '[]')",
      ).run(
        campaignId,
        areaId,
        new Date(now - 30 * DAY_MS).toISOString(),
        new Date(now - 16 * DAY_MS).toISOString(),
      );
      db.transaction(() => {
        ids.forEach((id, i) => {
          for (let k = 0; k < 6; k++) {
            const daysAgo = (i * 7 + k * 19) % 120;
            if (k === 5 && i % 3 !== 0) continue;
            add.run(
              `p-${i}-${k}`,
              id,
              stores.features[i % stores.features.length]!.properties.id,
              new Date(now - daysAgo * DAY_MS).toISOString(),
              5 + ((i * 13 + k * 7) % 40),
            );
          }
        });
      })();
    } finally {
      db.close();
    }
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  async function expectResults(page: Page) {
    const measures = page.locator('[data-measures]');
    await measures.waitFor();
    await expect(measures.locator('tr[data-measure]').count()).resolves.toBe(6);
    await expect(
      measures.locator('tr[data-measure="conversion"] td').first().textContent(),
    ).resolves.toMatch(/^\d+(\.\d)?%$/);
    // The verdict is said in words, whatever it is.
    await expect(
      measures.locator('tr[data-verdict="conversion"] .measures__verdict').textContent(),
    ).resolves.toMatch(/Higher with the offer|Lower with the offer|No conclusion/);
    const chart = page.locator('[data-chart="weekly"]');
    await chart.waitFor();
    const weeks = await chart.locator('.trend__week').count();
    expect(weeks).toBeGreaterThan(15);
    await expect(chart.locator('.trend__week[data-live]').count()).resolves.toBeGreaterThan(2);
    // The same weeks as a table for screen readers.
    await expect(chart.locator('table tbody tr').count()).resolves.toBe(weeks);
    await page.locator('[data-chart="cohorts"] tbody tr').first().waitFor();
    return { measures, chart };
  }

  it('shows the measures, the lift and the weekly trend with live weeks shaded, at 1440×900 and on a phone', async () => {
    const { page, errors } = await laptopAt(`/?sel=campaign:${campaignId}`);
    const { measures, chart } = await expectResults(page);
    // Switching the chart to revenue relabels it.
    await chart.getByLabel('Revenue', { exact: true }).check();
    await expect(chart.locator('figcaption').textContent()).resolves.toBe('Revenue per week');
    await measures.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/campaign-measures.png' });
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/campaign-trend.png' });
    for (const box of [await measures.boundingBox(), await chart.boundingBox()])
      expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    expect(errors).toEqual([]);

    const phone = await openAppPage(browser, `${server.url}/?sel=campaign:${campaignId}`, {
      session: server.fetch.session,
      viewport: { width: 390, height: 844 },
    });
    const small = await expectResults(phone.page);
    await small.measures.scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: 'test-results/campaign-measures-phone.png' });
    await small.chart.scrollIntoViewIfNeeded();
    await phone.page.screenshot({ path: 'test-results/campaign-trend-phone.png' });
    for (const box of [await small.measures.boundingBox(), await small.chart.boundingBox()]) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    expect(phone.errors).toEqual([]);
    await phone.page.close();
  });

  it('compare shows conversion, retention and growth per area with their index, and a window to choose', async () => {
    const { page, errors } = await laptopAt(`/?cmp=${areaId},${secondAreaId}`);
    const conversion = page.locator('.compare-bars[data-metric="conversion"]');
    await conversion.waitFor();
    // Each area's conversion with its index; the indexes of two areas average 100.
    const texts = await conversion.locator('.bar-chart__count').allTextContents();
    expect(texts).toHaveLength(2);
    const indexes = texts.map((text) => Number(/index (\d+)/.exec(text)![1]));
    expect(indexes[0]! + indexes[1]!).toBeGreaterThanOrEqual(199);
    expect(indexes[0]! + indexes[1]!).toBeLessThanOrEqual(201);
    await page.locator('[data-compare-window]').selectOption('30');
    await page.locator('.area-compare[data-state="ready"]').waitFor();
    await expect(page.locator('.area-compare').textContent()).resolves.toMatch(/against/);
    await conversion.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/compare-behaviour.png' });
    expect(errors).toEqual([]);
  });
});
