// The shipped glyph PBFs draw real labels in MapLibre: served by glyphRoutes, rendered in headless Chromium.
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { glyphRoutes } from '../../server/http/glyphs.js';
import { chromiumSkipReason, launchChromium } from '../helpers/browser.js';

const maplibreDist = join(
  dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json')),
  'dist',
);
const maplibreFiles: Record<string, string> = {
  'maplibre-gl.mjs': 'text/javascript; charset=utf-8',
  'maplibre-gl-worker.mjs': 'text/javascript; charset=utf-8',
  'maplibre-gl.css': 'text/css; charset=utf-8',
};
const SCREENSHOT = 'test-results/glyphs.png';

// Two Berlin districts; the title line exercises the Bold stack, umlauts and the 8192-8447 range (en dash).
// Three cafés' names in Persian, Hebrew and Kazakh exercise the Arabic presentation forms MapLibre shapes
// into, Hebrew, and Cyrillic with Kazakh letters (ә, қ, ө).
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>glyphs</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html, body { margin: 0 } #map { width: 640px; height: 360px }</style>
</head><body><div id="map"></div>
<script type="module">
import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const point = (name, lng, lat) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: [lng, lat] } });
const map = new maplibregl.Map({
  container: 'map', center: [13.435, 52.53], zoom: 10.6, fadeDuration: 0, attributionControl: false,
  style: {
    version: 8,
    glyphs: location.origin + '/glyphs/{fontstack}/{range}.pbf',
    sources: {
      places: { type: 'geojson', data: { type: 'FeatureCollection', features: [point('Kreuzberg', 13.403, 52.497), point('Weißensee', 13.466, 52.556)] } },
      scripts: { type: 'geojson', data: { type: 'FeatureCollection', features: [point('کافه تهران', 13.5, 52.505), point('קפה תל אביב', 13.36, 52.568), point('Көктем кофеханасы', 13.51, 52.57)] } },
      title: { type: 'geojson', data: { type: 'FeatureCollection', features: [point('Köpenick – Plätze & Straßen', 13.36, 52.535)] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f3efe6' } },
      { id: 'labels', type: 'symbol', source: 'places',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'], 'text-size': 24, 'text-allow-overlap': true },
        paint: { 'text-color': '#1d2b36', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } },
      { id: 'scripts', type: 'symbol', source: 'scripts',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Regular'], 'text-size': 30, 'text-allow-overlap': true },
        paint: { 'text-color': '#0b4f6c', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } },
      { id: 'title', type: 'symbol', source: 'title',
        layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans Bold'], 'text-size': 18, 'text-allow-overlap': true },
        paint: { 'text-color': '#8a3b12' } },
    ],
  },
});
window.mapErrors = [];
map.on('error', (event) => window.mapErrors.push(String(event.error?.message ?? event.error ?? event)));
map.on('idle', () => { window.mapIdle = true; });
window.map = map;
</script></body></html>`;

function testServer(glyphRequests: string[]): Hono {
  const app = new Hono();
  app.use('/glyphs/*', async (c, next) => {
    await next();
    glyphRequests.push(`${c.res.status} ${decodeURIComponent(c.req.path)}`);
  });
  app.route('/', glyphRoutes());
  app.get('/', (c) => c.html(PAGE));
  app.get('/maplibre/:file', (c) => {
    const file = c.req.param('file');
    const type = maplibreFiles[file];
    if (!type) return c.notFound();
    return c.body(readFileSync(join(maplibreDist, file)), 200, { 'Content-Type': type });
  });
  return app;
}

const skipReason = chromiumSkipReason();

describe.skipIf(skipReason)('offline glyphs in MapLibre', () => {
  let server: ServerType;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const glyphRequests: string[] = [];
  const pageProblems: string[] = [];

  beforeAll(async () => {
    server = await new Promise<ServerType>((resolve) => {
      const s = serve(
        { fetch: testServer(glyphRequests).fetch, port: 0, hostname: '127.0.0.1' },
        () => resolve(s),
      );
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 640, height: 360 } });
    page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) pageProblems.push(`${response.status()} ${response.url()}`);
    });
    // MapLibre warns (rather than errors) when it falls back to drawing a glyph range locally.
    page.on('console', (message) => {
      if (message.type() === 'error' || /glyph/i.test(message.text()))
        pageProblems.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      () => (window as unknown as { mapIdle?: boolean }).mapIdle === true,
      undefined,
      { timeout: 60_000 },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  test('both district labels are placed on the map, drawn from the served glyph PBFs', async () => {
    const names = await page.evaluate(() => {
      const map = (
        window as unknown as {
          map: {
            queryRenderedFeatures(o: { layers: string[] }): { properties: { name: string } }[];
          };
        }
      ).map;
      return map
        .queryRenderedFeatures({ layers: ['labels'] })
        .map((f) => f.properties.name)
        .sort();
    });
    expect(names).toEqual(['Kreuzberg', 'Weißensee']);
    expect(glyphRequests).toContain('200 /glyphs/Noto Sans Regular/0-255.pbf');
    expect(glyphRequests).toContain('200 /glyphs/Noto Sans Bold/8192-8447.pbf');
  });

  test('Persian, Hebrew and Kazakh names are placed, from the Arabic, Hebrew and Cyrillic ranges', async () => {
    const names = await page.evaluate(() =>
      (
        window as unknown as {
          map: {
            queryRenderedFeatures(o: { layers: string[] }): { properties: { name: string } }[];
          };
        }
      ).map
        .queryRenderedFeatures({ layers: ['scripts'] })
        .map((f) => f.properties.name)
        .sort(),
    );
    expect(names).toEqual(['Көктем кофеханасы', 'کافه تهران', 'קפה תל אביב'].sort());
    // Arabic letters arrive shaped into presentation forms (MapLibre's own shaping), Hebrew and Cyrillic as they are.
    expect(glyphRequests).toContain('200 /glyphs/Noto Sans Regular/65024-65279.pbf');
    expect(glyphRequests).toContain('200 /glyphs/Noto Sans Regular/1280-1535.pbf');
    expect(glyphRequests).toContain('200 /glyphs/Noto Sans Regular/1024-1279.pbf');
  });

  test('the map reports no errors and never falls back to local glyphs', async () => {
    const mapErrors = await page.evaluate(
      () => (window as unknown as { mapErrors: string[] }).mapErrors,
    );
    expect(mapErrors).toEqual([]);
    expect(pageProblems).toEqual([]);
  });

  test('a screenshot shows the labels', async () => {
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    const png = await page.screenshot({ path: SCREENSHOT });
    expect(png.byteLength).toBeGreaterThan(1000);
  });
});
