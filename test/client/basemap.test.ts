import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { chooseBasemap } from '../../client/map/basemap';

const offline: StyleSpecification = { version: 8, name: 'offline', sources: {}, layers: [] };
const glyphsUrl = 'http://127.0.0.1:8787/glyphs/{fontstack}/{range}.pbf';
const online = {
  version: 8,
  name: 'online',
  sources: { osm: { type: 'vector', url: 'tiles.json' } },
  layers: [],
  sprite: 'sprites/basic',
};

const answer = (body: string, init: ResponseInit = {}) =>
  (async () => new Response(body, init)) as typeof fetch;

describe('choosing the basemap', () => {
  it('without a configured style the offline style is used, and says why', async () => {
    const choice = await chooseBasemap({ styleUrl: null, offline, glyphsUrl });
    expect(choice).toMatchObject({ mode: 'offline', reason: 'unset', style: offline });
  });

  it('a style that loads is used, with relative URLs made absolute and our glyphs when it has none', async () => {
    const choice = await chooseBasemap({
      styleUrl: 'https://maps.example/styles/style.json',
      offline,
      glyphsUrl,
      fetch: answer(JSON.stringify(online), { headers: { 'content-type': 'application/json' } }),
    });
    expect(choice.mode).toBe('online');
    expect(choice.style.sources.osm).toMatchObject({
      url: 'https://maps.example/styles/tiles.json',
    });
    expect(choice.style.sprite).toBe('https://maps.example/styles/sprites/basic');
    expect(choice.style.glyphs).toBe(glyphsUrl);
  });

  it('an unreachable style (connection refused) falls back to offline', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const choice = await chooseBasemap({
      styleUrl: 'http://127.0.0.1:9/style.json',
      offline,
      glyphsUrl,
      fetch: refused,
    });
    expect(choice).toMatchObject({ mode: 'offline', reason: 'failed', detail: 'fetch failed' });
  });

  it('a style that does not answer in time falls back to offline', async () => {
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      })) as typeof fetch;
    const choice = await chooseBasemap({
      styleUrl: 'http://slow.example/style.json',
      offline,
      glyphsUrl,
      fetch: hanging,
      timeoutMs: 20,
    });
    expect(choice).toMatchObject({ mode: 'offline', reason: 'timeout' });
  });

  it('an HTML error page or JSON that is not a style falls back to offline', async () => {
    const html = await chooseBasemap({
      styleUrl: 'http://x/style.json',
      offline,
      glyphsUrl,
      fetch: answer('<html>502</html>', { status: 502 }),
    });
    expect(html).toMatchObject({ mode: 'offline', reason: 'failed', detail: 'HTTP 502' });
    const notStyle = await chooseBasemap({
      styleUrl: 'http://x/style.json',
      offline,
      glyphsUrl,
      fetch: answer('{"hello":"world"}'),
    });
    expect(notStyle).toMatchObject({
      mode: 'offline',
      reason: 'failed',
      detail: 'not a MapLibre style',
    });
    const notJson = await chooseBasemap({
      styleUrl: 'http://x/style.json',
      offline,
      glyphsUrl,
      fetch: answer('<html>ok</html>'),
    });
    expect(notJson.mode).toBe('offline');
  });

  it('a local Protomaps archive is used when no online style is set, and when the online style fails', async () => {
    const archive: StyleSpecification = { version: 8, name: 'archive', sources: {}, layers: [] };
    const unset = await chooseBasemap({ styleUrl: null, offline, archive, glyphsUrl });
    expect(unset).toMatchObject({ mode: 'archive', reason: null, style: archive });
    const failed = await chooseBasemap({
      styleUrl: 'http://x/style.json',
      offline,
      archive,
      glyphsUrl,
      fetch: answer('nope', { status: 404 }),
    });
    expect(failed).toMatchObject({ mode: 'archive', reason: 'failed', detail: 'HTTP 404' });
  });
});
