// An area's report in a real Chromium: "Report" on a saved area opens a print-ready page with the map image (the area
// and its stores), key figures, the profile against the city, the top over-represented groups, events nearby and the
// campaign that targets it; printed (print media) to A4 and on a desktop and a phone, nothing runs off the page.
// Screenshots go to test-results/ to be looked at.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
/** A4 at 96 dpi, less 12 mm margins either side: the width the printed page lays out in. */
const A4_PRINTABLE = { width: 703, height: 1016 };
const DESKTOP = { width: 1440, height: 900 };

async function waitForReport(page: Page) {
  await page.waitForSelector('html[data-report-ready]', { timeout: 90_000 });
  expect(await page.getAttribute('html', 'data-report-ready')).toBe('1');
}

/** Elements wider than the page (cut off when printed), described. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.report *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${e.className} ends at ${e.getBoundingClientRect().right}`,
      );
  });
}

/**
 * Index figures (143, ۱۴۳) that do not sit on one line in their cell, described: broken onto a second line, or wider
 * than the cell. A Range over the text gives one box per line it takes.
 */
function wrappedIndices(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.report-top__index, .report-table__index')]
      .map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        return lines > 1 || cell.scrollWidth > cell.clientWidth
          ? `${cell.className} "${cell.textContent}": ${lines} lines, ${cell.scrollWidth} px in ${cell.clientWidth} px`
          : null;
      })
      .filter((problem): problem is string => problem !== null),
  );
}

/**
 * Ids on the page more than once, and id references (aria-labelledby, aria-describedby, aria-controls, for) that name
 * no element, described.
 */
function idProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const times = new Map<string, number>();
    for (const e of document.querySelectorAll('[id]')) times.set(e.id, (times.get(e.id) ?? 0) + 1);
    for (const [id, n] of times) if (n > 1) problems.push(`id "${id}" is on ${n} elements`);
    for (const attribute of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for'])
      for (const e of document.querySelectorAll(`[${attribute}]`))
        for (const id of e.getAttribute(attribute)!.split(/\s+/).filter(Boolean))
          if (!document.getElementById(id)) problems.push(`${attribute}="${id}" names no element`);
    return problems;
  });
}

/** Each report section's accessible name, from the elements its aria-labelledby names. */
function sectionNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.report-section[aria-labelledby]')].map((section) =>
      section
        .getAttribute('aria-labelledby')!
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' '),
    ),
  );
}

describe.skipIf(skipReason)("an area's report", () => {
  let server: TestServer;
  let browser: Browser;
  let areaId: string;
  /** A second area for the comparison, made before any page opens so the app loads both. */
  let other: string;
  /** One app page per size, shared by the tests: each reaches its screen in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const appAt = (address: string, viewport = DESKTOP) =>
    shared.at(address, { session: server.fetch.session, viewport });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer({ customers: 3000 }), launchChromium()]);
    const created = await server.fetch(
      '/api/areas',
      json('POST', {
        name: 'Mitte around the square',
        kind: 'radius',
        params: { center: [13.4, 52.52], radiusMeters: 1500 },
      }),
    );
    expect(created.status).toBe(201);
    areaId = ((await created.json()) as { properties: { id: string } }).properties.id;
    const now = Date.now();
    const campaign = await server.fetch(
      '/api/campaigns',
      json('POST', {
        name: 'Rainy-day latte',
        areaIds: [areaId],
        offer: { headline: '20% off when it rains', code: 'RAIN20', discountPercent: 20 },
        channel: 'in_store',
        startsAt: new Date(now - 86_400_000).toISOString(),
        endsAt: new Date(now + 30 * 86_400_000).toISOString(),
        timezone: 'Europe/Berlin',
        status: 'active',
        triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
        triggerMode: 'any',
      }),
    );
    expect(campaign.status).toBe(201);
    const second = await server.fetch(
      '/api/areas',
      json('POST', {
        name: 'Kreuzberg',
        kind: 'radius',
        params: { center: [13.41, 52.497], radiusMeters: 1200 },
      }),
    );
    expect(second.status).toBe(201);
    other = ((await second.json()) as { properties: { id: string } }).properties.id;
    // A campaign on both areas: its results appear in each area's section of the comparison.
    const both = await server.fetch(
      '/api/campaigns',
      json('POST', {
        name: 'Two-district brunch',
        areaIds: [areaId, other],
        offer: { headline: 'Free coffee with brunch', code: 'BRUNCH', discountPercent: 10 },
        channel: 'in_store',
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        timezone: 'Europe/Berlin',
        status: 'active',
        triggers: [],
        triggerMode: 'any',
      }),
    );
    expect(both.status).toBe(201);
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('opens from the area panel with the segment in force', async () => {
    const { page, errors } = await appAt(`/?sel=area:${areaId}&seg=tier:gold,silver`);
    const link = page.locator('.details-panel [data-action="open-report"]');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`?report=area:${areaId}&seg=tier:gold,silver`);
    const [report] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await waitForReport(report);
    await expect(report.locator('[data-segment]').textContent()).resolves.toContain('Gold');
    await report.close();
    expect(errors).toEqual([]);
  });

  it('shows the map, figures, profile against the city, top groups, events and the campaign, and prints onto the page', async () => {
    const { page, errors } = await openPage(browser, `${server.url}/?report=area:${areaId}`, {
      session: server.fetch.session,
      viewport: { width: 1440, height: 900 },
    });
    await waitForReport(page);
    const audience = (await (
      await server.fetch('/api/audience', json('POST', { areaId }))
    ).json()) as { count: number; cityCount: number };

    // The map image is drawn, and not blank: the area's colour and the stores' white halos are in it.
    const image = page.locator('.report-map img');
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const colours = await image.evaluate(async (img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let white = 0;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7) {
        seen.add((data[i]! >> 4) * 256 + (data[i + 1]! >> 4) * 16 + (data[i + 2]! >> 4));
        if (data[i]! > 250 && data[i + 1]! > 250 && data[i + 2]! > 250) white++;
      }
      return { distinct: seen.size, white };
    });
    expect(colours.distinct).toBeGreaterThan(20);
    expect(colours.white).toBeGreaterThan(0);

    const figure = (key: string) => page.locator(`[data-figure="${key}"] dd`).textContent();
    await expect(figure('customers')).resolves.toBe(audience.count.toLocaleString('en-US'));
    await expect(figure('city')).resolves.toBe(audience.cityCount.toLocaleString('en-US'));
    expect(await page.locator('.report-profile table').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.report-top__list li').count()).toBeGreaterThan(0);
    for (const index of await page.locator('.report-top__index').allTextContents())
      expect(Number(index.replace(/,/g, ''))).toBeGreaterThan(100);
    await page.locator('.report-campaign', { hasText: 'Rainy-day latte' }).waitFor();
    await page.locator('.report-section', { hasText: 'Events nearby' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    expect(await wrappedIndices(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/report-desktop.png', fullPage: true });

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4_PRINTABLE);
    expect(await page.locator('.report-actions').isVisible()).toBe(false);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/report-print-a4.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("marks the city's share on every audience bar, with the index, and sorts by it", async () => {
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const { page, errors } = await appAt(`/?sel=area:${areaId}`, viewport);
      const chart = page.locator('.audience .bar-chart').filter({ hasText: 'Top interests' });
      await chart.waitFor();
      expect(await chart.locator('.bar-chart__city').count()).toBeGreaterThan(0);
      expect(await chart.locator('table th').allTextContents()).toContain(
        'Index (100 = as in the city)',
      );
      await page.locator('.city-legend__sort').click();
      expect(await page.locator('.city-legend__sort').getAttribute('aria-pressed')).toBe('true');
      const indices = (await chart.locator('.bar-chart__index').allTextContents())
        .filter((text) => text !== '–')
        .map((text) => Number(text.replace(/,/g, '')));
      expect(indices.length).toBeGreaterThan(1);
      expect(indices).toEqual([...indices].sort((a, b) => b - a));
      if (name === 'phone') {
        await page.locator('.bottom-sheet__handle').click();
        await page.waitForFunction(
          () => document.querySelector('.bottom-sheet')?.getAttribute('data-height') === 'full',
        );
      }
      await page.locator('.city-legend').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `test-results/audience-city-${name}.png` });
      expect(errors).toEqual([]);
    }
  });

  it('reports on a comparison: both areas on one map, each with its own sections', async () => {
    // The comparison panel has the indices against the city, and links to this report.
    const app = await appAt(`/?cmp=${areaId},${other}`);
    const indices = app.page.locator('.compare-indices');
    await indices.waitFor();
    expect(await indices.locator('tbody tr').count()).toBe(2);
    await indices.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await app.page.screenshot({ path: 'test-results/compare-indices.png' });
    expect(
      await app.page.locator('.area-compare [data-action="open-report"]').getAttribute('href'),
    ).toBe(`?report=compare:${areaId},${other}`);
    expect(app.errors).toEqual([]);

    const { page, errors } = await openPage(
      browser,
      `${server.url}/?report=compare:${areaId},${other}`,
      { session: server.fetch.session, viewport: { width: 1440, height: 900 } },
    );
    await waitForReport(page);
    expect(await page.locator('.report-article').count()).toBe(2);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Mitte around the square · Kreuzberg',
    );
    // Key figures side by side, a column per area; the server's PDF of the comparison in A4 and Letter.
    const table = page.locator('.report-compare__table');
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Mitte around the square',
      'Kreuzberg',
    ]);
    expect(await table.locator('tr[data-figure="customers"] td').count()).toBe(2);
    expect(await page.locator('.report-article [data-figure]').count()).toBe(0);
    // Every section is there once per area (issue 20): each id once on the page, each label pointing at something,
    // and each section named apart, after its area ("Kreuzberg Events nearby").
    await page.locator('.report-campaign', { hasText: 'Two-district brunch' }).nth(1).waitFor();
    // The campaigns' results and trends come after the report is ready: wait until none is busy.
    await page.waitForFunction(
      () => document.querySelector('.report-campaign [aria-busy="true"]') === null,
      undefined,
      { timeout: 60_000 },
    );
    expect(await idProblems(page)).toEqual([]);
    const names = await sectionNames(page);
    expect(names).toContain('Kreuzberg Events nearby');
    expect(names.filter((name) => name.startsWith('Mitte around the square '))).toHaveLength(4);
    expect(new Set(names).size).toBe(names.length);
    // The second area's sections, on a desktop and on a phone.
    const second = page.locator('.report-article').nth(1);
    /** Scrolls the second area's title to the top, below the actions bar that stays there. */
    const showSecond = () =>
      second.evaluate((el) => {
        el.scrollIntoView({ block: 'start' });
        const bar = document.querySelector('.report-actions')?.getBoundingClientRect().height ?? 0;
        window.scrollBy(0, -bar - 8);
      });
    await showSecond();
    await page.screenshot({ path: 'test-results/report-compare-second-desktop.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await showSecond();
    await page.screenshot({ path: 'test-results/report-compare-second-phone.png' });
    await page.setViewportSize({ width: 1440, height: 900 });
    const pdfLinks = page.locator('.report-actions a[download]');
    expect(await pdfLinks.count()).toBe(2);
    expect(await pdfLinks.first().getAttribute('href')).toMatch(
      new RegExp(`^/api/reports/compare/${areaId},${other}\\.pdf\\?format=A4&lang=en(-US)?$`),
    );
    await page.screenshot({ path: 'test-results/report-compare-desktop.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4_PRINTABLE);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/report-compare-print.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone', async () => {
    const { page, errors } = await openPage(
      browser,
      `${server.url}/?report=area:${areaId}&lang=de`,
      {
        session: server.fetch.session,
        viewport: { width: 390, height: 844 },
      },
    );
    await waitForReport(page);
    await expect(page.locator('.report-section h2').first().textContent()).resolves.toBe(
      'Kennzahlen',
    );
    expect(await overflowing(page)).toEqual([]);
    expect(await wrappedIndices(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/report-phone.png', fullPage: true });
    await page.screenshot({ path: 'test-results/report-phone-top.png' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
