// Starting without the demo, in a browser: an empty workspace shows the way to the import (desktop and phone), and an
// owner removes the demo city from workspace settings and is left with an empty map. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage, waitForMapIdle } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };

/** Counts the import requests the page sends (the import dialog listens for the same event). */
const countImportRequests = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { importRequests: number };
    w.importRequests = 0;
    window.addEventListener('catchment:open-import', () => w.importRequests++);
  });
const importRequests = (page: Page) =>
  page.evaluate(() => (window as unknown as { importRequests: number }).importRequests);
const storeCount = (page: Page) =>
  page.evaluate(() => window.__catchment!.store!.getState().stores.data?.features.length ?? -1);

describe.skipIf(skipReason)('an empty workspace in a browser', () => {
  let empty: TestServer;
  let demo: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [empty, demo, browser] = await Promise.all([
      startTestServer({ env: { CATCHMENT_DEMO: '0' } }),
      startTestServer({ customers: 500 }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([empty?.close(), demo?.close()]);
  });

  it('shows the way to the import on a desktop and a phone, without errors', async () => {
    for (const [viewport, name] of [
      [WIDE, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page, errors } = await openAppPage(browser, empty.url, {
        session: empty.fetch.session,
        viewport,
      });
      const heading = page.getByRole('heading', {
        name: 'Import your customers, stores and neighbourhoods',
      });
      await heading.waitFor();
      expect(await storeCount(page)).toBe(0);
      await expect(page.locator('body').textContent()).resolves.not.toContain('POST /api/');
      // On the phone too the button is in view (the bottom sheet rises for an empty workspace).
      const importButton = page
        .locator('.empty-workspace')
        .getByRole('button', { name: 'Import…' });
      await importButton.waitFor();
      await page.screenshot({ path: `test-results/empty-workspace-${name}.png` });
      await countImportRequests(page);
      await importButton.click();
      expect(await importRequests(page)).toBe(1);
      // The request reaches the import feature: its dialog opens.
      await page.getByRole('dialog', { name: 'Import data' }).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the owner removes the demo data in workspace settings and sees an empty map', async () => {
    const { page, errors } = await openAppPage(browser, `${demo.url}/?admin=data`, {
      session: demo.fetch.session,
      viewport: WIDE,
    });
    expect(await storeCount(page)).toBeGreaterThan(0);
    const dialog = page.getByRole('dialog', { name: 'Workspace settings' });
    await dialog.getByText('This workspace holds the demo city').waitFor();
    // The downloads: here and, folded, at the end of the side panel.
    expect(await page.locator('.nav-downloads a').count()).toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: 'Stores (GeoJSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^catchment-stores-\d{4}-\d{2}-\d{2}\.geojson$/);
    await dialog.getByRole('button', { name: 'Remove demo data…' }).click();
    await expect(dialog.locator('.confirm__question').textContent()).resolves.toMatch(
      /^Remove \d+ demo stores, 500 customers, \d+ neighbourhoods, \d+ events and the demo map\?/,
    );
    await page.screenshot({ path: 'test-results/remove-demo-confirm.png' });
    await dialog.getByRole('button', { name: 'Remove demo data', exact: true }).click();
    await dialog.getByText('There is no demo data in this workspace.').waitFor();
    await page.getByText('Demo data removed').first().waitFor();
    await page.waitForFunction(
      () => window.__catchment?.store?.getState().stores.data?.features.length === 0,
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await waitForMapIdle(page);
    await page
      .getByRole('heading', { name: 'Import your customers, stores and neighbourhoods' })
      .waitFor();
    expect(await storeCount(page)).toBe(0);
    await page.screenshot({ path: 'test-results/remove-demo-after.png' });
    expect(errors).toEqual([]);
  });
});
