// Webhooks in a browser, as the owner: open the Webhooks tab from a deep link, see the empty log, refuse a bad URL
// next to the field, save the URL of a local receiver, send a test and see it delivered (and signed) in the log, then
// a retrying one for a receiver that is gone;
// rotate the secret after confirming. Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../server/services/webhooks/signature';
import { chromiumSkipReason, launchChromium } from '../helpers/browser';
import { openAppPage } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

/** A local port nobody listens on: opened, then closed again. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const skipReason = chromiumSkipReason();

describe.skipIf(skipReason)('webhooks in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: Server;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // The receiver is on loopback, which webhooks reach only with the opt-in.
    [server, browser] = await Promise.all([
      startTestServer({ env: { CATCHMENT_ALLOW_PRIVATE_URLS: '1' } }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('the owner saves a receiver URL, sends a test, and sees it delivered in the log', async () => {
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/catchment`;
    const { page, errors } = await openAppPage(browser, `${server.url}/?admin=webhooks`, {
      session: server.fetch.session,
    });
    const dialog = page.getByRole('dialog', { name: 'Workspace settings' });
    await dialog.waitFor();
    await expect(
      dialog.getByRole('tab', { name: 'Webhooks' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await dialog.getByText('No deliveries yet').waitFor();
    // Masked until asked.
    const secret = dialog.locator('[data-webhook-secret]');
    await expect(secret.getAttribute('data-webhook-secret')).resolves.toBe('masked');
    await expect(dialog.getByRole('button', { name: 'Send test' }).isDisabled()).resolves.toBe(
      true,
    );

    const url = dialog.getByLabel('Send activations to');
    await url.fill('ftp://example.test/hook');
    await dialog.getByRole('button', { name: 'Save URL' }).click();
    await expect(dialog.locator('[data-field-error]').textContent()).resolves.toMatch(/http/);

    await url.fill(receiverUrl);
    await dialog.getByRole('button', { name: 'Save URL' }).click();
    await page.locator('.toast', { hasText: 'Webhook URL saved' }).waitFor();
    await expect(dialog.locator('[data-field-error]').count()).resolves.toBe(0);

    await dialog.getByRole('button', { name: 'Send test' }).click();
    const row = dialog.locator('tr[data-status="delivered"]');
    await row.waitFor({ timeout: 10_000 });
    await expect(row.textContent()).resolves.toMatch(/Test.*Delivered/);
    await page.screenshot({ path: 'test-results/webhooks-delivered.png' });

    expect(received).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Show' }).click();
    const shown = (await secret.textContent())!;
    expect(
      verifySignature(
        shown,
        received[0]!.headers['catchment-signature'] as string,
        received[0]!.body,
        new Date(),
      ),
    ).toMatchObject({ ok: true });

    // Rotating asks first, then shows a different secret.
    await dialog.getByRole('button', { name: 'Rotate secret' }).click();
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();
    await page.locator('.toast', { hasText: 'Signing secret replaced' }).waitFor();
    await expect.poll(() => secret.textContent()).not.toBe(shown);
    // A receiver that is gone: the next test waits for a retry, with the error in the log (refreshed while open).
    await server.fetch('/api/settings/webhook', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${await closedPort()}/gone` }),
    });
    expect((await server.fetch('/api/settings/webhook/test', { method: 'POST' })).status).toBe(202);
    const retrying = dialog.locator('tr[data-status="retrying"]');
    await retrying.waitFor({ timeout: 10_000 });
    await expect(retrying.textContent()).resolves.toMatch(/Retrying.*next in .*ECONNREFUSED/);
    await page.screenshot({ path: 'test-results/webhooks-retrying.png' });

    // The refused ftp:// URL is the one expected error.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });
});
