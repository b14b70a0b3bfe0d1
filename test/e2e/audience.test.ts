// The live audience panel in a real Chromium against a real server: a neighbourhood's panel shows what
// POST /api/audience answers for its geometry; a segment narrows it to the API's own count; a reload keeps the segment.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../server/domain/schemas/audience';
import type { AreaGeometry } from '../../server/domain/schemas/geojson';
import type { Segment } from '../../server/domain/schemas/segment';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { DESKTOP, expectQueryParam, openAppPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const PHONE = { width: 390, height: 844 };

interface Boundary {
  id: string;
  name: string;
  geometry: AreaGeometry;
}

async function audienceOf(
  server: TestServer,
  geometry: AreaGeometry,
  segment?: Segment,
): Promise<Audience> {
  const response = await server.fetch(`/api/audience`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(segment ? { geometry, segment } : { geometry }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Audience;
}

// Reduced motion: the sheet and bars settle at once, so screenshots show the final layout.
const openPage = (browser: Browser, server: TestServer, url: string, viewport = DESKTOP) =>
  openAppPage(browser, url, { viewport, session: server.fetch.session });

/** The panel's figure once the newest answer is in (not the stale one still shown while it loads). */
async function shownFigure(page: Page, figure: 'count' | 'consented'): Promise<number> {
  await page
    .locator('.audience[data-status="ready"]:not([data-stale])')
    .waitFor({ timeout: 15_000 });
  const text = await page
    .locator(`.audience-figure[data-figure="${figure}"] dd`)
    .first()
    .textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe.skipIf(skipReason)('the live audience panel in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let boundary: Boundary;
  let everyone: Audience;
  let gold: Audience;
  /** A saved area over the neighbourhood, made before the page opens so the app loads it with the rest. */
  let areaId: string;
  /** The desktop tests share one page, moved between screens in-app instead of loaded again. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const desktop = (address: string) =>
    shared.at(address, { viewport: DESKTOP, session: server.fetch.session });

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ customers: 20_000 }),
      launchChromium(),
    ]);
    const collection = (await (await server.fetch(`/api/boundaries`)).json()) as {
      features: { geometry: AreaGeometry; properties: { id: string; name: string } }[];
    };
    // The neighbourhood with the most gold-tier customers: a segment there has something to show.
    let best = -1;
    for (const f of collection.features) {
      const counted = await audienceOf(server, f.geometry, { loyaltyTiers: ['gold'] });
      if (counted.count! > best) {
        best = counted.count!;
        boundary = { id: f.properties.id, name: f.properties.name, geometry: f.geometry };
      }
    }
    everyone = await audienceOf(server, boundary.geometry);
    gold = await audienceOf(server, boundary.geometry, { loyaltyTiers: ['gold'] });
    const created = await server.fetch(`/api/areas`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `Around ${boundary.name}`,
        kind: 'polygon',
        geometry: boundary.geometry,
      }),
    });
    expect(created.status).toBe(201);
    areaId = ((await created.json()) as { properties: { id: string } }).properties.id;
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('selecting a neighbourhood shows who lives there: the same count as the API for its geometry', async () => {
    expect(gold.count).toBeGreaterThan(0);
    expect(gold.count).toBeLessThan(everyone.count!);
    const { page, errors } = await desktop('/');
    // In the Neighbourhoods list (store names can contain a neighbourhood's name), the row with exactly that name.
    const list = page.locator('.nav-panel .list-section', {
      has: page.locator('h2', { hasText: 'Neighbourhoods' }),
    });
    const label = new RegExp(`^${boundary.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await list.locator('.item', { has: page.locator('.item__label', { hasText: label }) }).click();
    await page.locator('.details-panel .audience').waitFor();
    expect(await shownFigure(page, 'count')).toBe(everyone.count);
    expect(await shownFigure(page, 'consented')).toBe(everyone.consented);
    // The charts are there, each with a table for screen readers.
    await expect(page.locator('.audience .bar-chart').count()).resolves.toBe(7);
    await expect(
      page.locator('.audience .bar-chart table caption').first().textContent(),
    ).resolves.toBe('Age');
    // A neighbourhood is not a saved area: no export link.
    await expect(page.locator('.audience__export').count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-results/audience-desktop.png' });
    expect(errors).toEqual([]);
  });

  it('a gold-tier segment narrows the count to the API’s; a bad field says why; a reload keeps the segment', async () => {
    const { page, errors } = await desktop(`/?sel=boundary:${encodeURIComponent(boundary.id)}`);
    expect(await shownFigure(page, 'count')).toBe(everyone.count);

    await page.locator('.segment__toggle').click();
    await page.locator('.segment button.chip-toggle[data-value="gold"]').click();
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('seg') === 'tier:gold',
    );
    expect(await shownFigure(page, 'count')).toBe(gold.count);
    await expect(page.locator('.segment__summary .chip').allTextContents()).resolves.toEqual([
      'Gold',
    ]);

    // An age range upside down is refused next to the field; the segment in force (and in the URL) stays as it was.
    await page.locator('input[data-field="ageMin"]').fill('50');
    await page.locator('input[data-field="ageMax"]').fill('40');
    const error = page.locator(
      '.segment-number:has(input[data-field="ageMax"]) .segment-field__error',
    );
    await expect(error.textContent()).resolves.toBe('Must not be below the lower bound');
    await expect(
      page.locator('input[data-field="ageMax"]').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expectQueryParam(page, 'seg', 'age:50-;tier:gold');
    await page.locator('input[data-field="ageMin"]').fill('');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('seg') === 'age:-40;tier:gold',
    );
    const young = await audienceOf(server, boundary.geometry, {
      ageMax: 40,
      loyaltyTiers: ['gold'],
    });
    expect(await shownFigure(page, 'count')).toBe(young.count);
    await page
      .locator('.details-panel')
      .evaluate((panel) =>
        panel.scrollTo({ top: panel.querySelector<HTMLElement>('.audience')!.offsetTop - 60 }),
      );
    await page.screenshot({ path: 'test-results/audience-segment-desktop.png' });

    await page.locator('input[data-field="ageMax"]').fill('');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('seg') === 'tier:gold',
    );
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
      timeout: 90_000,
    });
    expect(new URL(page.url()).searchParams.get('seg')).toBe('tier:gold');
    expect(await shownFigure(page, 'count')).toBe(gold.count);
    await expect(page.locator('.segment__summary .chip').allTextContents()).resolves.toEqual([
      'Gold',
    ]);

    // Clear brings everyone back.
    await page.locator('.segment__clear').click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('seg'));
    expect(await shownFigure(page, 'count')).toBe(everyone.count);
    expect(errors).toEqual([]);
  });

  it('a saved area offers the CSV export of its consented audience, with the segment applied', async () => {
    const { page, errors } = await desktop(
      `/?sel=area:${encodeURIComponent(areaId)}&seg=tier:gold`,
    );
    expect(await shownFigure(page, 'count')).toBe(gold.count);
    const link = page.locator('.audience__export a');
    await expect(page.locator('.audience__export-note').textContent()).resolves.toMatch(
      /consented customers only/i,
    );
    const href = (await link.getAttribute('href'))!;
    expect(JSON.parse(new URL(href, server.url).searchParams.get('segment')!)).toEqual({
      loyaltyTiers: ['gold'],
    });
    const csv = await (await server.fetch(href)).text();
    const rows = csv.trim().split(/\r?\n/).length - 1; // minus the header
    expect(gold.consented).toBeGreaterThan(0);
    expect(rows).toBe(gold.consented);
    expect(errors).toEqual([]);
  });

  it('on a phone the panel lives in the bottom sheet and stays legible', async () => {
    const { page, errors } = await openPage(
      browser,
      server,
      `${server.url}/?sel=boundary:${encodeURIComponent(boundary.id)}&seg=tier:gold`,
      PHONE,
    );
    await page.locator('.bottom-sheet .audience').waitFor();
    expect(await shownFigure(page, 'count')).toBe(gold.count);
    await page.locator('.bottom-sheet__handle').click();
    await page.waitForFunction(
      () => document.querySelector('.bottom-sheet')?.getAttribute('data-height') === 'full',
    );
    await page
      .locator('.bottom-sheet .audience')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: 'test-results/audience-phone.png' });
    await page.locator('.segment__toggle').click();
    await page.locator('.segment__fields').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: 'test-results/audience-phone-segment.png' });
    // Tap targets: the tier chips are at least 44 px tall on a phone.
    const chip = await page.locator('.segment button.chip-toggle[data-value="gold"]').boundingBox();
    expect(chip!.height).toBeGreaterThanOrEqual(44);
    expect(errors).toEqual([]);
    await page.close();
  });
});
