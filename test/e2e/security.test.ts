// Security in a real Chromium: HTML in data shows as text and runs nothing, the API docs work under the
// Content-Security-Policy, and the policy is enforced (an injected inline script is blocked and reported, which is how openAppPage turns violations into errors).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { openPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';

const skipReason = chromiumSkipReason();
const XSS = '<img src=x onerror=alert(1)>';

describe.skipIf(skipReason)('security in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  /** The owner's app page: the first test opens it (after saving its store), the policy test reaches it in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const ownerApp = () => shared.at('/', { session: server.fetch.session });

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ customers: 2000 }), launchChromium()]);
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('shows a store named like HTML as literal text, in the list and its details, and fires no dialog', async () => {
    const created = await server.fetch('/api/stores', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: XSS,
        brand: `Brand ${XSS}`,
        franchisee: XSS,
        address: XSS,
        location: { type: 'Point', coordinates: [13.4, 52.52] },
      }),
    });
    expect(created.status).toBe(201);

    const { page, errors } = await ownerApp();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const label = page.locator('.item__label', { hasText: XSS });
    await label.waitFor({ timeout: 30_000 });
    expect(await label.textContent()).toBe(XSS);
    expect(await page.getByText(`Brand ${XSS}`, { exact: true }).count()).toBeGreaterThan(0);

    await label.click();
    await page.getByRole('heading', { name: XSS }).first().waitFor({ timeout: 30_000 });
    // Give a planted onerror a moment to fire if the name had become markup.
    await page.waitForTimeout(500);

    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('serves the API docs, which run under the same policy', async () => {
    const { page, errors } = await openPage(browser, `${server.url}/api/docs`, {
      session: server.fetch.session,
    });
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 });
    expect(await page.locator('.swagger-ui .opblock-tag').count()).toBeGreaterThan(3);
    expect(await page.getByText('/api/users', { exact: true }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('blocks an injected inline script and reports the violation as an error', async () => {
    const { page, errors } = await ownerApp();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => errors.join('\n')).toMatch(/CSP violation: script-src/);
  });
});
