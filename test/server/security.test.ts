// Security against a real server: the headers every response carries (CSP, no framing, no sniffing), SQL injection
// strings stored and answered literally, and path traversal on static routes refused.
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createApp } from '../../server/app.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
});
afterAll(async () => {
  await server?.close();
});

const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

function cspDirectives(response: Response): string[] {
  return (response.headers.get('content-security-policy') ?? '')
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
}

/** What an API answer (JSON, tiles, glyphs) gets: a policy that refuses everything, since no page renders from it. */
const API_CSP = ["default-src 'none'", "frame-ancestors 'none'"];

function expectSecurityHeaders(response: Response, csp = EXPECTED_CSP) {
  expect(cspDirectives(response).sort()).toEqual([...csp].sort());
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

/** fetch normalises `..` and backslashes away; node:http sends the path exactly as written, like an attacker would. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: 'GET',
        headers: { Cookie: `catchment_session=${server.fetch.session}` },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('security headers', () => {
  it.each(['/', '/areas/abc', '/api/docs', '/api/docs/init.js'])(
    "are on %s, with the page's policy",
    async (path) => {
      expectSecurityHeaders(await server.fetch(path));
    },
  );

  it.each(['/api/health', '/api/stores', '/api/no-such-route', '/glyphs/missing.pbf'])(
    'are on %s, with the policy of an answer no page renders from',
    async (path) => {
      const response = await server.fetch(path);
      expectSecurityHeaders(response, API_CSP);
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+$/);
    },
  );

  it('are on answers made without Node underneath too (app.request)', async () => {
    const app = createApp(server.deps);
    expectSecurityHeaders(await app.request('/api/health'), API_CSP);
    expectSecurityHeaders(await app.request('/'));
    // A refusal by a check in the same middleware level as the headers gets them too.
    const tooLong = await app.request(`/api/health?q=${'a'.repeat(9000)}`);
    expect(tooLong.status).toBe(414);
    expectSecurityHeaders(tooLong, API_CSP);
  });

  it('are on refusals too (401, 403, 400 for traversal)', async () => {
    expectSecurityHeaders(await fetch(`${server.url}/api/areas`), API_CSP);
    expectSecurityHeaders(
      await fetch(`${server.url}/api/areas/territories`, {
        method: 'POST',
        headers: {
          Cookie: `catchment_session=${server.fetch.session}`,
          Origin: 'https://evil.example',
        },
      }),
      API_CSP,
    );
    expectSecurityHeaders(await server.fetch('/assets/%2e%2e/package.json'));
  });

  it('let the map reach a configured basemap style and its https: tiles, and nothing else', async () => {
    const withBasemap = await startTestServer({
      customers: 20,
      env: { CATCHMENT_BASEMAP_STYLE: 'https://tiles.example.com/styles/streets/style.json' },
    });
    try {
      const directives = cspDirectives(await withBasemap.fetch('/'));
      expect(directives).toContain("connect-src 'self' https://tiles.example.com https:");
      expect(directives).toContain("script-src 'self'");
    } finally {
      await withBasemap.close();
    }
  });

  it('keep the API docs free of inline script', async () => {
    const html = await (await server.fetch('/api/docs')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style|\sstyle="|\son\w+="/i);
  });
});

describe('SQL injection', () => {
  const attacks = [
    "x' OR '1'='1",
    "'); DROP TABLE areas;--",
    '"; DELETE FROM users; --',
    '1 UNION SELECT password_hash FROM users--',
  ];
  const tables = () =>
    server.deps.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
  const count = (table: string) =>
    server.deps.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  let tablesBefore: string[];
  let usersBefore: number;

  beforeAll(() => {
    tablesBefore = tables();
    usersBefore = count('users');
  });

  it('stores names literally', async () => {
    for (const name of attacks) {
      const created = await server.fetch('/api/stores', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name,
          brand: name,
          location: { type: 'Point', coordinates: [13.4, 52.52] },
        }),
      });
      expect(created.status).toBe(201);
      const feature = (await created.json()) as {
        id: string;
        properties: { name: string; brand: string };
      };
      expect(feature.properties).toMatchObject({ name, brand: name });
      const listed = (await (await server.fetch('/api/stores')).json()) as {
        features: { id: string; properties: { name: string } }[];
      };
      expect(listed.features.find((f) => f.id === feature.id)?.properties.name).toBe(name);
    }
    const area = await server.fetch('/api/areas/territories', { method: 'POST' });
    expect(area.status).toBe(201);
  });

  it('answers ids and query parameters literally: nothing found, nothing leaked', async () => {
    for (const attack of attacks) {
      const id = encodeURIComponent(attack);
      await expectProblem(await server.fetch(`/api/areas/${id}`), 404);
      await expectProblem(await server.fetch(`/api/customers/${id}`), 404);
      await expectProblem(await server.fetch(`/api/users/${id}`, { method: 'DELETE' }), 404);
      await expectProblem(await server.fetch(`/api/tokens/${id}`, { method: 'DELETE' }), 404);
      await expectProblem(
        await server.fetch(`/api/stores/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ version: 1, name: 'x' }),
        }),
        404,
      );
      const audit = await server.fetch(`/api/audit?action=${id}&targetType=${id}`);
      expect(audit.status).toBe(200);
      expect(await audit.json()).toEqual({ entries: [], nextBefore: null });
      await expectProblem(await server.fetch(`/api/customers?cursor=${id}`), 400, 'query.cursor');
      await expectProblem(await server.fetch(`/api/customers?bbox=${id}`), 400, 'query.bbox');
    }
  });

  it('signs nobody in with an injection in the email or password', async () => {
    for (const attack of attacks) {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify({ email: attack, password: attack }),
      });
      expect([401, 429]).toContain(response.status);
    }
  });

  it('leaves every table and row in place', () => {
    expect(tables()).toEqual(tablesBefore);
    expect(tables()).toContain('areas');
    expect(count('users')).toBe(usersBefore);
    expect(count('areas')).toBeGreaterThan(0);
  });
});

describe('path traversal', () => {
  const packageName = JSON.parse(readFileSync('package.json', 'utf8')).name as string;
  it.each([
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/%2E%2E/%2E%2E/package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/%252e%252e/%252e%252e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets\\..\\..\\package.json',
    '/..\\..\\etc\\passwd',
    '/assets/..%5c..%5cpackage.json',
    '/%5c..%5c..%5cpackage.json',
    '/glyphs/..%2f..%2fpackage.json',
    '/api/docs/assets/..%2f..%2fpackage.json',
    '/api/docs/assets/%2e%2e%2fpackage.json',
    '/assets/.%2e/.%2e/package.json',
  ])('refuses %s', async (path) => {
    const response = await rawGet(path);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toMatch(/root:x?:0:0|"devDependencies"/);
    expect(response.body).not.toContain(`"name": "${packageName}"`);
  });
});
