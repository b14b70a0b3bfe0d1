// Issue 21 item 5: with 200 connections keeping the heavy routes busy, new connections are still accepted and health
// and till lookups answer. The server runs here on an ephemeral port, the load in its own process (so it does not
// share this event loop), and the probes from here, each on a NEW connection as a load balancer's health check opens.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAVY_ROUTES } from '../../server/http/heavy-routes.js';
import { SESSION_COOKIE } from '../../server/services/accounts/auth.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CONNECTIONS = 200;
/** A load balancer's health check gives up after this long. */
const PROBE_TIMEOUT_MS = 10_000;
/** Only a liveness bound: every connection gets its first answer at all. */
const LIVENESS_MS = 30_000;

let server: TestServer;
beforeAll(async () => {
  // SATURATION_LIMITS_OFF=1 runs the same test without the heavy-route limiter, to see it fail.
  server = await startTestServer({
    customers: 2000,
    env: {
      CATCHMENT_LOG: 'error',
      ...(process.env.SATURATION_LIMITS_OFF ? { CATCHMENT_LIMITS: 'off' } : {}),
    },
  });
}, 60_000);
afterAll(() => server?.close());

/** One GET on a fresh connection: its status and time, or status 0 when it failed or timed out. */
function probe(path: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  return new Promise<{ status: number; ms: number }>((resolve) => {
    const req = request(
      server.url + path,
      { agent: false, headers, timeout: PROBE_TIMEOUT_MS },
      (res) => {
        res.resume();
        res.once('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

interface LoadCounts {
  answers: number;
  busy: number;
  busyWithRetryAfter: number;
  failures: number;
  answeredConnections: number;
  medianServedMs: number;
}

function startLoad(cookie: string) {
  const child = spawn(
    join('node_modules', '.bin', 'tsx'),
    ['test/helpers/heavy-load.ts', server.url, cookie, String(CONNECTIONS)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const saw = (text: string, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const look = () => {
        if (!output.includes(text)) return;
        clearTimeout(timer);
        resolve(true);
      };
      look();
      child.stdout.on('data', look);
    });
  return {
    connecting: () => saw('connecting', 60_000),
    everyConnectionAnswered: (timeoutMs: number) => saw('answered on every connection', timeoutMs),
    async stop(): Promise<LoadCounts> {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
      return JSON.parse(output.trim().split('\n').at(-1)!) as LoadCounts;
    },
  };
}

describe('200 connections on the heavy routes', () => {
  it('accepts every connection and new ones, and health and till lookups answer while the heavy routes are saturated', async () => {
    const token = await server.fetch('/api/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'till', scopes: ['offers:read'] }),
    });
    const { secret } = (await token.json()) as { secret: string };
    const load = startLoad(`${SESSION_COOKIE}=${server.fetch.session}`);
    // The loader's own start (compiling TypeScript on a busy machine) is not the server's to answer for.
    expect(await load.connecting()).toBe(true);
    // Before the fix the 200 connections took many seconds to be accepted, a few per turn of a loop busy with heavy
    // work, and health probes queued behind them; many were never answered while the load lasted.
    const accepted = await load.everyConnectionAnswered(LIVENESS_MS);
    const probes = [];
    for (let i = 0; i < 5; i++) {
      probes.push(await probe('/api/health'));
      probes.push(
        await probe('/api/offers/live?lat=52.52&lng=13.41', { Authorization: `Bearer ${secret}` }),
      );
    }
    const counts = await load.stop();
    const report = { counts, probes: probes.map((p) => `${p.status} in ${Math.round(p.ms)} ms`) };

    expect(accepted, JSON.stringify(report)).toBe(true);
    expect(counts.answeredConnections).toBe(CONNECTIONS);
    expect(counts.failures).toBe(0);
    // Saturated: the heavy routes refused some requests, each with a Retry-After.
    expect(counts.busy, JSON.stringify(report)).toBeGreaterThan(0);
    expect(counts.busyWithRetryAfter).toBe(counts.busy);
    // Every probe answered within its time-out…
    expect(
      probes.map((p) => p.status),
      JSON.stringify(report),
    ).toEqual(Array(10).fill(200));
    // …and faster than a typical heavy request that was served: health and tills do not wait behind the heavy queue.
    const probeMedian = probes.map((p) => p.ms).sort((a, b) => a - b)[probes.length / 2]!;
    expect(probeMedian, JSON.stringify(report)).toBeLessThan(counts.medianServedMs);
  }, 60_000);
});

describe('the heavy route classes', () => {
  it('name only routes the API has, so a renamed route cannot slip out of its limit unseen', async () => {
    const spec = (await (await server.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({
        method: method.toUpperCase(),
        // A sample value for each {parameter}, as a request would carry it.
        path: path.replace(/\{[^}]+\}/g, 'x1'),
      })),
    );
    for (const route of HEAVY_ROUTES)
      expect(
        operations.some((op) => op.method === route.method && route.path.test(op.path)),
        `${route.method} ${route.path}`,
      ).toBe(true);
  });

  it('document their 503 (problem+json with Retry-After) in the OpenAPI document, and only theirs', async () => {
    const spec = (await (await server.fetch('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, Refusal> }>>;
    };
    interface Refusal {
      headers?: Record<string, { schema?: { type?: string } }>;
      content?: Record<string, { schema?: unknown }>;
    }
    let documented = 0;
    for (const [path, methods] of Object.entries(spec.paths))
      for (const [method, operation] of Object.entries(methods)) {
        const sample = path.replace(/\{[^}]+\}/g, 'x1');
        const heavy = HEAVY_ROUTES.some(
          (r) => r.method === method.toUpperCase() && r.path.test(sample),
        );
        const refusal = operation.responses['503'];
        expect(Boolean(refusal), `${method} ${path}`).toBe(heavy);
        if (!refusal) continue;
        documented += 1;
        expect(refusal.headers?.['Retry-After']?.schema?.type, `${method} ${path}`).toBe('integer');
        expect(refusal.content?.['application/problem+json']?.schema).toEqual(
          operation.responses['400']?.content?.['application/problem+json']?.schema ??
            expect.anything(),
        );
      }
    expect(documented).toBeGreaterThanOrEqual(HEAVY_ROUTES.length);
    // Health is never limited, so it never answers 503 for load.
    expect(spec.paths['/api/health']?.get?.responses['503']).toBeUndefined();
  });
});
