// From a walk to a report, as a franchise manager would do it: "Travel time" on a store previews the 15-minute walk,
// Save keeps it as an area, "Report" on that area opens the print-ready page; printed (print media at the width of
// A4's printable area), on a desktop and on a phone it has the map image, the key figures and the profile table with
// nothing running off the page, and its PDF download answers application/pdf. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage, openPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
/** A4 at 96 dpi less 12 mm margins either side: the width a printed page lays out in. */
const A4_PRINTABLE = { width: 703, height: 1016 };

/** Elements of the report wider than the page (cut off when printed), described. */
const overflowing = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.report *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} ends at ${e.getBoundingClientRect().right}`,
      );
  });

/** What a reader must find on the page: the map image drawn, the figures, the profile against the city. */
async function expectEssentials(page: Page, customers: number) {
  const image = page.locator('.report-map img');
  expect(await image.isVisible()).toBe(true);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const shown = page.locator('[data-figure="customers"] dd');
  expect(await shown.isVisible()).toBe(true);
  expect(await shown.textContent()).toBe(customers.toLocaleString('en-US'));
  const tables = page.locator('.report-profile table');
  expect(await tables.count()).toBeGreaterThanOrEqual(5);
  expect(await tables.first().isVisible()).toBe(true);
  expect(await overflowing(page)).toEqual([]);
}

describe.skipIf(skipReason)('a walk isochrone, saved, reported and printed', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([
      startTestServer({ customers: 3000, reports: { timeoutMs: 90_000 } }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from a store to a printed report and a PDF', async () => {
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { properties: { id: string; name: string } }[];
    };
    const store = stores.features[0]!.properties;
    const app = await openAppPage(
      browser,
      `${server.url}/?sel=store:${encodeURIComponent(store.id)}`,
      {
        viewport: { width: 1440, height: 900 },
        reducedMotion: 'reduce',
        session: server.fetch.session,
      },
    );
    await app.page.locator('[data-action="travel-time"]').click();
    await app.page.locator('.travel-details[data-status="ready"]').waitFor({ timeout: 30_000 });
    await app.page.locator('[data-action="save-travel"]').click();
    const title = `15 min walk from ${store.name}`;
    await app.page
      .locator('.details-panel .details__title', { hasText: title })
      .waitFor({ timeout: 15_000 });
    const areas = (await (await server.fetch('/api/areas')).json()) as {
      features: { properties: { id: string; name: string; kind: string } }[];
    };
    const saved = areas.features.find((f) => f.properties.name.startsWith(title))!;
    expect(saved.properties.kind).toBe('isochrone');
    const audience = (await (
      await server.fetch('/api/audience', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ areaId: saved.properties.id }),
      })
    ).json()) as { count: number };
    expect(audience.count).toBeGreaterThan(0);

    // "Report" on the saved area opens the report in a new tab.
    const link = app.page.locator('.details-panel [data-action="open-report"]');
    const [report] = await Promise.all([app.page.context().waitForEvent('page'), link.click()]);
    await report.setViewportSize({ width: 1440, height: 900 });
    await report.waitForSelector('html[data-report-ready]', { timeout: 90_000 });
    expect(await report.getAttribute('html', 'data-report-ready')).toBe('1');
    await expect(report.locator('h1').textContent()).resolves.toBe(saved.properties.name);
    await expectEssentials(report, audience.count);
    await report.screenshot({ path: 'test-results/walk-report-desktop.png', fullPage: true });

    await report.emulateMedia({ media: 'print' });
    await report.setViewportSize(A4_PRINTABLE);
    expect(await report.locator('.report-actions').isVisible()).toBe(false);
    await expectEssentials(report, audience.count);
    await report.screenshot({ path: 'test-results/walk-report-print-a4.png', fullPage: true });
    await report.emulateMedia({ media: 'screen' });

    // The PDF download the toolbar offers.
    const href = await report.locator('.report-actions a[download]').first().getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/reports/area/${saved.properties.id}\\.pdf\\?format=A4`));
    const pdf = await server.fetch(href!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await report.close();
    expect(app.errors).toEqual([]);
    await app.page.close();

    // On a phone.
    const phone = await openPage(browser, `${server.url}/?report=area:${saved.properties.id}`, {
      session: server.fetch.session,
      viewport: { width: 390, height: 844 },
    });
    await phone.page.waitForSelector('html[data-report-ready="1"]', { timeout: 90_000 });
    await expectEssentials(phone.page, audience.count);
    await phone.page.screenshot({ path: 'test-results/walk-report-phone.png', fullPage: true });
    await phone.page.screenshot({ path: 'test-results/walk-report-phone-top.png' });
    expect(phone.errors).toEqual([]);
    await phone.page.close();
  });
});
