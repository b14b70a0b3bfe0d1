// A new campaign's sensible defaults, in a real Chromium whose own clock is UTC: the workspace's time zone (the demo's
// is Europe/Berlin) and the next full hour there; changing the zone keeps 09:00 at 09:00; free text in the app's font.
// Screenshots of the form at a laptop's and a phone's size.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextFullHour, utcToLocal } from '../../server/domain/time';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();
const dialog = (page: Page) => page.locator('dialog.dialog--campaign');
const input = (page: Page, label: string) => dialog(page).getByLabel(label, { exact: true });

/** The next full hour in Berlin, as the form's datetime-local shows it, for an instant. */
const berlinNextHour = (ms: number) =>
  utcToLocal(nextFullHour(new Date(ms), 'Europe/Berlin'), 'Europe/Berlin');

describe.skipIf(skipReason)('a new campaign’s defaults', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ customers: 2000 }), launchChromium()]);
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [size, viewport] of [
    ['laptop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`start in the workspace’s zone at its next full hour, keep wall-clock times when the zone changes (${size})`, async () => {
      const { page, errors } = await openAppPage(browser, server.url, {
        viewport,
        session: server.fetch.session,
      });
      // The viewer's own zone is not the workspace's: the default must come from the workspace.
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).not.toBe(
        'Europe/Berlin',
      );
      const before = await page.evaluate(() => Date.now());
      await page.evaluate(() =>
        document.querySelector<HTMLElement>('[data-action="new-campaign"]')!.click(),
      );
      await dialog(page).waitFor();
      const after = await page.evaluate(() => Date.now());
      await expect(input(page, 'Time zone').inputValue()).resolves.toBe('Europe/Berlin');
      const start = await input(page, 'Starts').inputValue();
      // Opened within the same hour, or just across one: either answer is the next full hour at that moment.
      expect([berlinNextHour(before), berlinNextHour(after)]).toContain(start);
      expect(start).toMatch(/T\d\d:00$/);
      await input(page, 'Starts').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/campaign-form-${size}.png` });

      await input(page, 'Starts').fill('2026-12-01T09:00');
      await input(page, 'Time zone').fill('America/New_York');
      await expect(input(page, 'Starts').inputValue()).resolves.toBe('2026-12-01T09:00');

      // Free text in the app's font, not the browser's monospace for textareas.
      const fonts = await page.evaluate(() => ({
        body: getComputedStyle(document.body).fontFamily,
        textarea: getComputedStyle(document.querySelector('dialog.dialog--campaign textarea')!)
          .fontFamily,
      }));
      expect(fonts.textarea).toBe(fonts.body);
      expect(fonts.textarea).not.toMatch(/mono/i);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
