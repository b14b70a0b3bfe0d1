// The API docs page works offline under a strict CSP: local assets only, no inline code, a fixed asset whitelist.
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { apiDocsRoutes } from '../../server/http/api-docs.js';

// Mounted where createApp mounts it, so the page's absolute asset paths resolve.
const app = new Hono().route('/api/docs', apiDocsRoutes({ specUrl: '/api/openapi.json' }));

async function docsPage(): Promise<string> {
  const res = await app.request('/api/docs');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
}

const referencedUrls = (html: string) =>
  [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);

describe('the docs page', () => {
  test('is titled Catchment API and has a mount point for Swagger UI', async () => {
    const html = await docsPage();
    expect(html).toContain('<title>Catchment API</title>');
    expect(html).toContain('<div id="swagger-ui"></div>');
  });

  test('references only assets on this server, under /api/docs', async () => {
    const urls = referencedUrls(await docsPage());
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/docs/assets/swagger-ui.css',
        '/api/docs/assets/swagger-ui-bundle.js',
        '/api/docs/assets/favicon-32x32.png',
        '/api/docs/init.js',
      ]),
    );
    for (const url of urls) expect(url).toMatch(/^\/api\/docs\/[\w./-]+$/);
    expect(await docsPage()).not.toMatch(/https?:|\/\/[a-z]/i);
  });

  test('has no inline script, inline style or event handler attribute, so a strict CSP allows it', async () => {
    const html = await docsPage();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test('every asset it references is served with the right content type', async () => {
    const expected: Record<string, RegExp> = {
      css: /^text\/css/,
      js: /^text\/javascript/,
      png: /^image\/png$/,
    };
    for (const url of referencedUrls(await docsPage())) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      const ext = url.slice(url.lastIndexOf('.') + 1);
      expect(res.headers.get('content-type'), url).toMatch(expected[ext]!);
      expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
    }
  });

  test('the start-up script points Swagger UI at our OpenAPI document and at no online validator', async () => {
    const js = await (await app.request('/api/docs/init.js')).text();
    expect(js).toContain('SwaggerUIBundle(');
    expect(js).toContain('"url":"/api/openapi.json"');
    expect(js).toContain('"dom_id":"#swagger-ui"');
    expect(js).toContain('"validatorUrl":null');
  });
});

describe('docs assets', () => {
  test.each([
    'index.html',
    'swagger-ui.js',
    'swagger-ui-bundle.js.map',
    'package.json',
    '..%2Fpackage.json',
    '..%2F..%2F..%2Fpackage.json',
    '%2Fetc%2Fpasswd',
    'swagger-ui.css%00',
    'SWAGGER-UI.CSS',
    '__proto__',
    'constructor',
  ])('%s is not served', async (file) => {
    const res = await app.request(`/api/docs/assets/${file}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  test('dot segments in the path never reach a file outside the whitelist', async () => {
    const res = await app.request('/api/docs/assets/../../../package.json');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('"name"');
  });
});
