// Your own account in a browser: change your password from the user menu (a wrong current password is shown on
// its field; the new one signs in), and what a viewer does not get (drawing, workspace settings).
import { mkdirSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { sharedPages } from '../helpers/shared-pages';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();

/** The error shown under the field with this label. */
const fieldError = (scope: Locator, label: string) =>
  scope
    .locator('.field', { has: scope.page().getByLabel(label, { exact: true }) })
    .locator('[data-field-error]');

describe.skipIf(skipReason)('your account in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  const email = 'marketer-pw@example.test';
  let marketer: SignedInFetch;
  /** The marketer's page, shared by the tests that need no other role: the second reaches it in-app. */
  const shared = sharedPages(
    () => browser,
    () => server.url,
  );
  const marketerPage = () => shared.at('/', { session: marketer.session });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    marketer = await server.as('marketer', { email, password: 'the-old-password-1' });
  });

  afterAll(async () => {
    await shared.close();
    await browser?.close();
    await server?.close();
  });

  it('a marketer changes their password from the user menu; a wrong current password shows on its field', async () => {
    const { page, errors } = await marketerPage();

    await page.getByRole('button', { name: `Signed in as ${email}` }).click();
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change your password' });
    await dialog.waitFor();
    // A marketer is not an owner: no workspace settings in the menu.
    await expect(page.getByRole('button', { name: 'Workspace settings' }).count()).resolves.toBe(0);

    await dialog.getByLabel('Current password').fill('not-my-password');
    await dialog.getByLabel('New password', { exact: true }).fill('short');
    await dialog.getByLabel('Repeat the new password').fill('short');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(fieldError(dialog, 'New password').textContent()).resolves.toBe(
      'Use at least 12 characters.',
    );

    await dialog.getByLabel('New password', { exact: true }).fill('a-brand-new-password');
    await dialog.getByLabel('Repeat the new password').fill('a-brand-new-password');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(fieldError(dialog, 'Current password').textContent()).resolves.toBe(
      'This is not your current password.',
    );
    await expect(dialog.getByLabel('Current password').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await page.screenshot({ path: 'test-results/account-password-wrong.png' });

    await dialog.getByLabel('Current password').fill('the-old-password-1');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.toast', { hasText: 'Your password was changed' }).waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    // Focus goes back to the menu button, and this tab is still signed in (the server rotated its cookie).
    await page.waitForFunction(() => document.activeElement?.id === 'user-menu-button', null, {
      timeout: 5_000,
    });
    await expect(page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(
      200,
    );
    await expect(server.signIn(email, 'a-brand-new-password')).resolves.toBeTruthy();
    // The browser logs the refused attempt itself; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });

  it('Escape closes the password dialog and focus returns to the user menu button', async () => {
    const { page } = await marketerPage();
    await page.locator('#user-menu-button').click();
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('dialog', { name: 'Change your password' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Change your password' }).waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.id === 'user-menu-button', null, {
      timeout: 5_000,
    });
  });

  it('a viewer sees the map and areas but no draw toolbar, and the draw keys do nothing', async () => {
    const viewer = await server.as('viewer');
    const { page, errors } = await openAppPage(browser, server.url, { session: viewer.session });
    await expect(page.locator('.draw-toolbar').count()).resolves.toBe(0);
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('c');
    await expect(page.evaluate(() => window.__catchment!.store!.getState().tool)).resolves.toBe(
      'select',
    );
    // The shortcuts list leaves the drawing keys out.
    await page.keyboard.press('?');
    await page.locator('.shortcuts-dialog[open]').waitFor();
    await expect(page.locator('[data-shortcut="drawCircle"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-shortcut="toggleHeatmap"]').count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    // Deep-linking the settings view does not open it for someone who may not use it.
    await page.goto(`${server.url}/?admin=users`);
    await page.locator('.top-bar').waitFor();
    await expect(page.getByRole('dialog', { name: 'Workspace settings' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
