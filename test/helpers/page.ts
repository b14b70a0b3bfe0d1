// Opening the app in a browser page for end-to-end tests: console errors collected, and waiting for the map to settle.
import type { Browser, Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 800 };

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught page errors, for `expect(errors).toEqual([])`. */
  errors: string[];
}

/** Resolves once the map has drawn everything it was asked to (the app sets data-map-state="idle"). */
export function waitForMapIdle(page: Page) {
  return page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, { timeout: 90_000 });
}

/** A new page at `url` with English locale, open once the map is idle. */
export async function openAppPage(browser: Browser, url: string, { viewport = DESKTOP, reducedMotion }: { viewport?: { width: number; height: number }; reducedMotion?: 'reduce' } = {}): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport, locale: 'en-US', ...(reducedMotion ? { reducedMotion } : {}) });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await waitForMapIdle(page);
  return { page, errors };
}
