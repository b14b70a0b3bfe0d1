// Workspace settings in a browser, as the owner: add a store manager with one store, create an API token and see
// its secret exactly once, find both in the audit log, then change the owner's own password. Needs the users,
// tokens, audit and settings routes. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { expectQueryParam, openAppPage } from '../helpers/page';
import { OWNER_EMAIL, OWNER_PASSWORD, startTestServer, type TestServer } from '../helpers/server';

const skipReason = chromiumSkipReason();

describe.skipIf(skipReason)('workspace settings in a browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the owner adds a store manager and an API token, finds both in the audit log, and changes their password', async () => {
    const { page, errors } = await openAppPage(browser, server.url, {
      session: server.fetch.session,
    });
    const storeName = await page.evaluate(
      () => window.__catchment!.store!.getState().stores.data!.features[0]!.properties.name,
    );

    // Opened from the user menu; the URL names the tab.
    await page.locator('#user-menu-button').click();
    await page.getByRole('button', { name: 'Workspace settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Workspace settings' });
    await dialog.waitFor();
    await expectQueryParam(page, 'admin', 'users');
    await dialog.locator(`tr[data-user="${OWNER_EMAIL}"]`).waitFor();

    // A store manager with one store.
    const email = 'store-manager-e2e@example.test';
    await dialog.getByRole('button', { name: 'Add user' }).click();
    const form = dialog.getByRole('form', { name: 'New user' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Sam');
    await form.getByLabel('Password').fill('a-store-manager-password');
    await form.getByLabel('Role').selectOption('store_manager');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.locator('.field__error').textContent()).resolves.toBe(
      'Choose at least one store for a store manager.',
    );
    await form.getByLabel(storeName, { exact: true }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = dialog.locator(`tr[data-user="${email}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Store manager');
    await expect(row.textContent()).resolves.toContain(storeName);
    await page.screenshot({ path: 'test-results/admin-users.png' });
    // Deactivating asks first.
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('button', { name: 'Deactivate user' }).click();
    await row.getByText('Deactivated').waitFor();
    await expect(server.signIn(email, 'a-store-manager-password')).rejects.toThrow();

    // An API token: its secret once, then never again.
    await dialog.getByRole('tab', { name: 'API tokens' }).click();
    await expectQueryParam(page, 'admin', 'tokens');
    await dialog.getByRole('button', { name: 'New token' }).click();
    await dialog.getByLabel('Name').fill('Shop window');
    await dialog.getByLabel('Read audience counts').check();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const secret = dialog.locator('[data-secret]');
    await secret.waitFor();
    await expect(secret.textContent()).resolves.toMatch(/^ctk_/);
    await expect(dialog.textContent()).resolves.toContain('it will not be shown again');
    await page.screenshot({ path: 'test-results/admin-token-secret.png' });
    const shown = (await secret.textContent())!;
    // The secret works for what its scopes allow.
    const viaToken = await fetch(`${server.url}/api/audience/facets`, {
      headers: { Authorization: `Bearer ${shown}` },
    });
    expect(viaToken.status).toBe(200);
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await expect(secret.count()).resolves.toBe(0);
    const tokenRow = dialog.locator('tr[data-token="Shop window"]');
    await tokenRow.waitFor();
    await expect(tokenRow.textContent()).resolves.not.toContain(shown);

    // Both in the audit log, newest first, in words.
    await dialog.getByRole('tab', { name: 'Audit log' }).click();
    const entries = dialog.locator('.audit-list__entry');
    await entries.first().waitFor();
    const actions = await entries.evaluateAll((items) =>
      items.map((item) => (item as HTMLElement).dataset.action),
    );
    expect(actions.indexOf('token.create')).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf('token.create')).toBeLessThan(actions.indexOf('user.create'));
    await expect(
      dialog.locator('[data-action="token.create"]').first().textContent(),
    ).resolves.toContain('API token created');
    await expect(
      dialog.locator('[data-action="user.create"]').first().textContent(),
    ).resolves.toContain('User created');
    await dialog.getByLabel('Action').selectOption('token.create');
    await dialog.locator('[data-action="token.create"]').first().waitFor();
    await expect(dialog.locator('[data-action="user.create"]').count()).resolves.toBe(0);
    await page.screenshot({ path: 'test-results/admin-audit.png' });

    // Escape closes the view, the URL forgets it, focus is back on the menu button.
    await dialog.getByRole('tab', { name: 'Audit log' }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expectQueryParam(page, 'admin', null);
    await page.waitForFunction(() => document.activeElement?.id === 'user-menu-button', null, {
      timeout: 5_000,
    });

    // The owner's own password.
    await page.locator('#user-menu-button').click();
    await page.getByRole('button', { name: 'Change password' }).click();
    const passwordDialog = page.getByRole('dialog', { name: 'Change your password' });
    await passwordDialog.getByLabel('Current password').fill(OWNER_PASSWORD);
    await passwordDialog
      .getByLabel('New password', { exact: true })
      .fill('the-owners-new-password');
    await passwordDialog.getByLabel('Repeat the new password').fill('the-owners-new-password');
    await passwordDialog.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.toast', { hasText: 'Your password was changed' }).waitFor();
    await expect(server.signIn(OWNER_EMAIL, 'the-owners-new-password')).resolves.toBeTruthy();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a deep link opens the tab it names', async () => {
    const owner = await server.as('owner');
    const { page } = await openAppPage(browser, `${server.url}/?admin=privacy`, {
      session: owner.session,
    });
    const dialog = page.getByRole('dialog', { name: 'Workspace settings' });
    await dialog.waitFor();
    await expect(
      dialog.getByRole('tab', { name: 'Privacy' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await dialog.getByLabel('Smallest group shown (k)').waitFor();
    await page.context().close();
  });
});
