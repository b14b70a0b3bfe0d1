// Webhooks against a real server and a real local receiver (node:http on port 0): signed deliveries, idempotency,
// retries with back-off on a fake clock, time-outs, giving up, webhooks off, settings validation, who may see the
// secret, and targets on loopback or the intranet refused (when saved and when delivered) without the opt-in. The
// receiver listens on 127.0.0.1, so the main server opts in with CATCHMENT_ALLOW_PRIVATE_URLS=1.
import { createHmac } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueWebhook,
  activationPayload,
  verifySignature,
  exponentialBackoff,
} from '../../server/services/webhooks/index.js';
import { claimOutbox, dueOutbox } from '../../server/db/repos/webhook-outbox.js';
import { readWebhookUrl, writeWebhookUrl } from '../../server/db/repos/webhook-settings.js';
import type { WebhookDelivery, WebhookSettings } from '../../server/domain/schemas/webhook.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: TestServer;
let receiver: Server;
let receiverUrl: string;
let received: Received[] = [];
/** How the receiver answers the next requests, in order; when empty it answers 200. */
let answers: ('ok' | 'error' | 'hang' | 'redirect')[] = [];
let now = new Date('2026-11-23T09:00:00Z');
const advance = (ms: number) => (now = new Date(now.getTime() + ms));

beforeAll(async () => {
  receiver = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers.shift() ?? 'ok';
      if (answer === 'hang') return; // never answers: the sender's time-out has to end it
      if (answer === 'redirect') return res.writeHead(307, { Location: '/elsewhere' }).end();
      res
        .writeHead(answer === 'ok' ? 200 : 500, { 'Content-Type': 'text/plain' })
        .end(answer === 'ok' ? 'thanks' : 'receiver broke');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/catchment`;
  server = await startTestServer({
    customers: 300,
    clock: () => now,
    env: { CATCHMENT_ALLOW_PRIVATE_URLS: '1' },
    webhooks: {
      intervalMs: 3_600_000,
      timeoutMs: 400,
      maxAttempts: 3,
      backoff: (attempts) => 30_000 * 2 ** (attempts - 1),
    },
  });
});
afterAll(async () => {
  await server?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});
afterEach(() => {
  server.deps.db.prepare('DELETE FROM webhook_outbox').run();
  received = [];
  answers = [];
});

/** A local port nobody listens on: opened, then closed again. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const setUrl = async (url: string | null) => {
  const response = await server.fetch('/api/settings/webhook', {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as WebhookSettings;
};
const settings = async () =>
  (await (await server.fetch('/api/settings/webhook')).json()) as WebhookSettings;
const deliveries = async (query = '') =>
  (await (await server.fetch(`/api/webhooks/deliveries${query}`)).json()) as {
    deliveries: WebhookDelivery[];
    nextCursor: string | null;
  };
const deliver = () => server.deps.webhooks.deliverDue(now);

const started = (activationId: number) =>
  activationPayload({
    type: 'activation.started',
    activationId,
    at: now,
    campaign: {
      id: 'cp-rain',
      name: 'Rainy mornings',
      channel: 'push',
      segment: { lapsedDays: 60 },
      frequencyCap: { maxPerCustomer: 1, perDays: 7 },
    },
    area: { id: 'ar-1', name: 'Around the café' },
    offer: { headline: 'Hot drinks −20 %', code: 'RAIN20' },
    reasons: [{ trigger: 'weather', metric: 'rain', observed: 1.4, threshold: 1, unit: 'mm/h' }],
  });
const enqueue = (activationId: number, target: TestServer = server) => {
  const payload = started(activationId);
  return enqueueWebhook(target.deps.db, {
    kind: payload.type,
    payload,
    idempotencyKey: payload.id,
    at: now,
  });
};

describe('delivering an activation', () => {
  it('arrives as JSON with a signature that verifies, with the idempotency key and user agent', async () => {
    const { secret } = await setUrl(receiverUrl);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    enqueue(1);
    expect(await deliver()).toBe(1);

    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [Received];
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe('Catchment-Webhooks/1');
    expect(headers['idempotency-key']).toBe('activation-1-started');
    expect(JSON.parse(body)).toEqual({
      type: 'activation.started',
      id: 'activation-1-started',
      occurredAt: '2026-11-23T09:00:00.000Z',
      campaign: {
        id: 'cp-rain',
        name: 'Rainy mornings',
        channel: 'push',
        segment: { lapsedDays: 60 },
        frequencyCap: { maxPerCustomer: 1, perDays: 7 },
      },
      area: { id: 'ar-1', name: 'Around the café' },
      offer: { headline: 'Hot drinks −20 %', code: 'RAIN20' },
      reasons: [{ trigger: 'weather', metric: 'rain', observed: 1.4, threshold: 1, unit: 'mm/h' }],
    });

    const header = headers['catchment-signature'] as string;
    expect(verifySignature(secret, header, body, now, 300)).toEqual({
      ok: true,
      timestamp: now.getTime() / 1000,
    });
    // Independently of our verifier: t=<seconds>,v1=hex HMAC-SHA256(secret, t.body).
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)!;
    expect(Number(t)).toBe(Math.floor(now.getTime() / 1000));
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
    // A changed body, the wrong secret or a replay ten minutes later do not verify.
    expect(verifySignature(secret, header, body.replace('RAIN20', 'RAIN99'), now, 300)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature('not-the-secret', header, body, now, 300)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(secret, header, body, new Date(now.getTime() + 600_000), 300)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySignature(secret, 'garbage', body, now, 300)).toEqual({
      ok: false,
      reason: 'malformed',
    });

    const [row] = (await deliveries()).deliveries;
    expect(row).toMatchObject({
      kind: 'activation.started',
      idempotencyKey: 'activation-1-started',
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
      deliveredAt: now.toISOString(),
      nextAttemptAt: null,
    });
  });

  it('delivers the same activation edge once, however often it is enqueued', async () => {
    await setUrl(receiverUrl);
    expect(enqueue(2)).toBe(true);
    expect(enqueue(2)).toBe(false);
    await deliver();
    expect(enqueue(2)).toBe(false); // also after it went out
    advance(60_000);
    await deliver();
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual(['activation-2-started']);
  });

  it('sends a row once when two runs overlap', async () => {
    await setUrl(receiverUrl);
    enqueue(3);
    const counts = await Promise.all([deliver(), deliver(), server.deps.webhooks.deliverDue(now)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(received).toHaveLength(1);
  });

  it('lets only one worker claim a due row (a second reader of the same row gets nothing)', () => {
    enqueue(9);
    const [a] = dueOutbox(server.deps.db, now.toISOString(), 10);
    const [b] = dueOutbox(server.deps.db, now.toISOString(), 10);
    const lease = new Date(now.getTime() + 60_000).toISOString();
    expect(claimOutbox(server.deps.db, a!, lease)).toBe(true);
    expect(claimOutbox(server.deps.db, b!, lease)).toBe(false);
    expect(dueOutbox(server.deps.db, now.toISOString(), 10)).toEqual([]);
  });
});

describe('retries', () => {
  it('retries a 500 after the back-off, not before, and then delivers', async () => {
    await setUrl(receiverUrl);
    answers = ['error'];
    enqueue(4);
    await deliver();
    let [row] = (await deliveries()).deliveries;
    expect(row).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastStatus: 500,
      nextAttemptAt: new Date(now.getTime() + 30_000).toISOString(),
    });
    expect(row!.lastError).toMatch(/^HTTP 500: receiver broke/);

    advance(29_000);
    expect(await deliver()).toBe(0);
    advance(1_000);
    expect(await deliver()).toBe(1);
    [row] = (await deliveries()).deliveries;
    expect(row).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatus: 200,
      lastError: null,
    });
    // Both attempts carry the same key, each signed afresh.
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual([
      'activation-4-started',
      'activation-4-started',
    ]);
    const attempts = server.deps.db
      .prepare(
        'SELECT status FROM webhook_deliveries d JOIN webhook_outbox o ON o.id = d.outbox_id ORDER BY d.id',
      )
      .pluck()
      .all();
    expect(attempts).toEqual([500, 200]);
  });

  it('treats a receiver that does not answer in time as a failure and retries', async () => {
    await setUrl(receiverUrl);
    answers = ['hang'];
    enqueue(5);
    const before = performance.now();
    await deliver();
    expect(performance.now() - before).toBeLessThan(3_000);
    const [row] = (await deliveries()).deliveries;
    expect(row).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastStatus: null,
      lastError: 'timed out after 400 ms',
    });
    advance(30_000);
    await deliver();
    expect((await deliveries()).deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('gives up after maxAttempts, with every attempt in the log, and survives a receiver that is gone', async () => {
    await setUrl(receiverUrl);
    answers = ['error', 'error'];
    enqueue(6);
    await deliver();
    advance(30_000);
    await deliver();
    // The third attempt goes to a port nobody listens on: a network error, not a crash.
    await setUrl(`http://127.0.0.1:${await closedPort()}/nowhere`);
    advance(60_000);
    await deliver();
    const [row] = (await deliveries()).deliveries;
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      failedAt: now.toISOString(),
      nextAttemptAt: null,
      lastStatus: null,
    });
    expect(row!.lastError).toMatch(/ECONNREFUSED/);
    expect(server.deps.db.prepare('SELECT count(*) FROM webhook_deliveries').pluck().get()).toBe(3);
    advance(3_600_000);
    expect(await deliver()).toBe(0);
  });
});

describe('redirects', () => {
  it('counts a redirect as a failure and does not follow it with the signed body', async () => {
    await setUrl(receiverUrl);
    answers = ['redirect'];
    enqueue(10);
    await deliver();
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual(['activation-10-started']);
    expect((await deliveries()).deliveries[0]).toMatchObject({
      status: 'retrying',
      lastStatus: 307,
      lastError: 'HTTP 307',
    });
  });
});

describe('webhooks off', () => {
  it('sends nothing while no URL is set; the rows wait and go out once one is saved', async () => {
    await setUrl(null);
    enqueue(7);
    expect(await deliver()).toBe(0);
    expect(received).toHaveLength(0);
    expect((await deliveries()).deliveries[0]).toMatchObject({ status: 'pending', attempts: 0 });
    await expectProblem(
      await server.fetch('/api/settings/webhook/test', { method: 'POST' }),
      409,
      'url',
    );

    await setUrl(receiverUrl); // saving a URL kicks the worker
    await expect.poll(() => received.length).toBe(1);
    await expect.poll(async () => (await deliveries()).deliveries[0]?.status).toBe('delivered');
  });
});

describe('settings', () => {
  it('refuses a URL that is not http(s) with 422 naming body.url, and stores nothing', async () => {
    await setUrl(receiverUrl);
    for (const url of [
      'ftp://example.test/hook',
      'not a url',
      'http://user:pass@example.test/hook',
      42,
    ]) {
      const response = await server.fetch('/api/settings/webhook', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url }),
      });
      await expectProblem(response, 422, 'body.url');
    }
    expect((await settings()).url).toBe(receiverUrl);
  });

  it('shows the secret to owners only; managers read the delivery log, marketers nothing', async () => {
    const manager = await server.as('manager');
    await expectProblem(await manager('/api/settings/webhook'), 403);
    await expectProblem(
      await manager('/api/settings/webhook', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: null }),
      }),
      403,
    );
    await expectProblem(
      await manager('/api/settings/webhook/rotate-secret', { method: 'POST' }),
      403,
    );
    expect((await manager('/api/webhooks/deliveries')).status).toBe(200);
    const marketer = await server.as('marketer');
    await expectProblem(await marketer('/api/webhooks/deliveries'), 403);
  });

  it('rotating the secret signs the next delivery with the new one, and is audited without the secret', async () => {
    const { secret: old } = await setUrl(receiverUrl);
    const response = await server.fetch('/api/settings/webhook/rotate-secret', { method: 'POST' });
    const { secret } = (await response.json()) as WebhookSettings;
    expect(secret).not.toBe(old);
    expect((await settings()).secret).toBe(secret);
    enqueue(8);
    await deliver();
    const [{ headers, body }] = received as [Received];
    expect(
      verifySignature(secret, headers['catchment-signature'] as string, body, now),
    ).toMatchObject({ ok: true });
    expect(verifySignature(old, headers['catchment-signature'] as string, body, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });

    const audit = (await (await server.fetch('/api/audit?targetType=settings')).json()) as {
      entries: { action: string; detail: unknown }[];
    };
    expect(audit.entries.map((e) => e.action)).toContain('webhook.rotate-secret');
    expect(JSON.stringify(audit.entries)).not.toContain(secret);
    expect(JSON.stringify(audit.entries)).not.toContain(old);
  });

  it('sends a test ping, and neither the log nor the audit shows the URL’s path or query', async () => {
    await setUrl(`${receiverUrl}?token=sekrit-hook-token`);
    const response = await server.fetch('/api/settings/webhook/test', { method: 'POST' });
    expect(response.status).toBe(202);
    const { idempotencyKey } = (await response.json()) as { idempotencyKey: string };
    await expect.poll(() => received.length).toBe(1);
    expect(JSON.parse(received[0]!.body)).toEqual({
      type: 'ping',
      id: idempotencyKey,
      occurredAt: now.toISOString(),
    });
    await expect
      .poll(async () => (await deliveries()).deliveries[0])
      .toMatchObject({ kind: 'ping', status: 'delivered' });
    const audit = await (await server.fetch('/api/audit?action=webhook.update')).text();
    expect(server.logLines.join('\n')).toContain('webhook attempt');
    for (const text of [server.logLines.join('\n'), audit]) {
      expect(text).not.toContain('sekrit-hook-token');
      expect(text).not.toContain('/hooks/catchment');
    }
  });

  it('pages the delivery log newest first', async () => {
    await setUrl(null);
    for (const id of [11, 12, 13]) enqueue(id);
    const first = await deliveries('?limit=2');
    expect(first.deliveries.map((d) => d.idempotencyKey)).toEqual([
      'activation-13-started',
      'activation-12-started',
    ]);
    const second = await deliveries(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.deliveries.map((d) => d.idempotencyKey)).toEqual(['activation-11-started']);
    expect(second.nextCursor).toBeNull();
    await expectProblem(
      await server.fetch('/api/webhooks/deliveries?cursor=nonsense'),
      400,
      'query.cursor',
    );
  });
});

describe('targets inside the network', () => {
  /** A server without CATCHMENT_ALLOW_PRIVATE_URLS: webhooks go to public addresses only, as calendar feeds do. */
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer({
      customers: 100,
      clock: () => now,
      webhooks: { intervalMs: 3_600_000, timeoutMs: 400, maxAttempts: 3 },
    });
  });
  afterAll(async () => {
    await strict?.close();
  });
  const patchUrl = (target: TestServer, url: string) =>
    target.fetch('/api/settings/webhook', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url }),
    });
  const port = () => (receiver.address() as AddressInfo).port;

  it('are refused when saved without the opt-in: 422 naming body.url, and nothing is stored or audited', async () => {
    for (const [url, why] of [
      [receiverUrl, /127\.0\.0\.1 is a loopback address/],
      [`http://localhost:${port()}/hooks/catchment`, /is a loopback address/], // a name, resolved and checked
      [`http://[::1]:${port()}/hook`, /loopback/],
      ['http://[::ffff:10.0.0.5]/hook', /private network/],
      ['https://192.168.1.20/hook', /private network/],
      ['http://169.254.169.254/latest/meta-data', /link-local/],
    ] as const) {
      const problem = await expectProblem(await patchUrl(strict, url), 422, 'body.url');
      expect(problem.detail, url).toMatch(why);
    }
    expect(readWebhookUrl(strict.deps.db)).toBeNull();
    const audit = (await (await strict.fetch('/api/audit?action=webhook.update')).json()) as {
      entries: unknown[];
    };
    expect(audit.entries).toEqual([]);
  });

  it('are not connected to at delivery without the opt-in, even when the URL got in (a name that now resolves to loopback)', async () => {
    // As if the name had resolved to a public address when saved and to loopback now (DNS rebinding).
    for (const [id, url] of [
      [21, `http://localhost:${port()}/hooks/catchment`],
      [22, receiverUrl],
    ] as const) {
      writeWebhookUrl(strict.deps.db, url);
      enqueue(id, strict);
      expect(await strict.deps.webhooks.deliverDue(now)).toBe(1);
      const [row] = (
        (await (await strict.fetch('/api/webhooks/deliveries')).json()) as {
          deliveries: WebhookDelivery[];
        }
      ).deliveries;
      expect(row).toMatchObject({
        idempotencyKey: `activation-${id}-started`,
        status: 'retrying',
        attempts: 1,
        lastStatus: null,
        deliveredAt: null,
      });
      expect(row!.lastError).toMatch(/address 127\.0\.0\.1 is a loopback address/);
    }
    expect(received).toEqual([]);
    expect(
      strict.logLines.filter(
        (line) => line.includes('webhook attempt') && line.includes('loopback'),
      ),
    ).toHaveLength(2);
    strict.deps.db.prepare('DELETE FROM webhook_outbox').run();
  });

  it('are reached with the opt-in, also by a name that resolves to them', async () => {
    await setUrl(`http://localhost:${port()}/hooks/catchment`);
    enqueue(23);
    await deliver();
    expect(received.map((r) => r.headers['idempotency-key'])).toEqual(['activation-23-started']);
    expect((await deliveries()).deliveries[0]).toMatchObject({
      status: 'delivered',
      lastStatus: 200,
    });
  });
});

describe('back-off', () => {
  it('starts at 30 s, doubles, stops at an hour, and jitters by at most 20 %', () => {
    const middle = exponentialBackoff(() => 0.5);
    expect([1, 2, 3, 8, 20].map(middle)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
    expect(exponentialBackoff(() => 0)(1)).toBe(24_000);
    expect(exponentialBackoff(() => 0.999)(1)).toBeCloseTo(36_000, -2);
  });
});
