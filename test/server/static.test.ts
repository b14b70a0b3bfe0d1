// The built client: long-cached hashed assets with the right types, the SPA shell only for app routes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';

let server: TestServer;
let distDir: string;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'catchment-dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(
    join(distDir, 'index.html'),
    '<!doctype html><title>Catchment</title><div id="root"></div>',
  );
  writeFileSync(join(distDir, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
  writeFileSync(join(distDir, 'assets', 'maplibre-gl-worker-a1b2c3.mjs'), 'export {}');
  writeFileSync(join(distDir, 'assets', 'module-d4e5f6.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(distDir, 'assets', 'tile-0a0b0c.pbf'), Buffer.from([1, 2, 3]));
  writeFileSync(join(distDir, 'assets', 'index-3f9a1c.css'), 'body{}');
  server = await startTestServer({ customers: 50, distDir });
});
afterAll(async () => {
  await server?.close();
  rmSync(distDir, { recursive: true, force: true });
});

const get = (path: string) => server.fetch(path);

/** fetch normalises `..` away; node:http sends the path exactly as written, like an attacker would. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it.each([
    ['/assets/index-3f9a1c.js', /^text\/javascript/],
    ['/assets/maplibre-gl-worker-a1b2c3.mjs', /^text\/javascript/],
    ['/assets/module-d4e5f6.wasm', /^application\/wasm/],
    ['/assets/tile-0a0b0c.pbf', /^application\/x-protobuf/],
    ['/assets/index-3f9a1c.css', /^text\/css/],
  ])('serves %s with its type and a one-year immutable cache', async (path, type) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never answers a missing asset with HTML', async () => {
    const response = await get('/assets/index-deadbeef.js');
    await expectProblem(response, 404);
  });

  it.each(['/', '/areas', '/areas/abc-123', '/campaigns/new'])(
    'serves the app shell for the app route %s, not cached',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    },
  );

  it('answers a missing file outside /assets with 404, not the app shell', async () => {
    await expectProblem(await get('/favicon-missing.png'), 404);
  });

  it('never serves HTML under /api', async () => {
    const response = await get('/api/areas/unknown/thing');
    await expectProblem(response, 404);
  });

  it.each([
    '/assets/../../../etc/passwd',
    '/assets/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%5c..%5cpackage.json',
  ])('refuses path traversal: %s', async (path) => {
    const response = await rawGet(path);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toMatch(/root:|"name": "catchment"/);
  });
});
