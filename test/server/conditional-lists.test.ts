// Stores, areas and customer tiles answer with an ETag and `private, no-cache`, 304 when the caller already has the
// current body, and a new ETag as soon as a write changes what they would send; callers who are sent different data
// never share an ETag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';
import { bboxPolygon } from '@turf/turf';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ customers: 400 });
});
afterAll(async () => {
  await server?.close();
});

/** A square of side `d` degrees with its south-west corner at (x, y). */
const square = (x: number, y: number, d: number) => bboxPolygon([x, y, x + d, y + d]).geometry;
// Berlin Mitte at zoom 13: the demo city's customers are there.
const TILE = '/api/tiles/customers/13/4401/2686.pbf';

async function etagOf(as: SignedInFetch, path: string): Promise<string> {
  const response = await as(path);
  // 204: a tile with none of this caller's customers in it, which still has an ETag.
  expect([200, 204]).toContain(response.status);
  await response.arrayBuffer();
  const etag = response.headers.get('etag');
  expect(etag).toMatch(/^"[^"]+"$/);
  expect(response.headers.get('cache-control')).toBe('private, no-cache');
  return etag!;
}

async function revalidate(as: SignedInFetch, path: string, etag: string): Promise<number> {
  const response = await as(path, { headers: { 'If-None-Match': etag } });
  await response.arrayBuffer();
  return response.status;
}

describe('conditional GETs of the lists the map loads', () => {
  it.each(['/api/stores', '/api/areas', TILE])(
    '%s answers 304 to its own ETag and 200 to another',
    async (path) => {
      const etag = await etagOf(server.fetch, path);
      expect(await revalidate(server.fetch, path, etag)).toBe(304);
      expect(await revalidate(server.fetch, path, `W/${etag}`)).toBe(304);
      expect(await revalidate(server.fetch, path, '"something-else"')).toBe(200);
      // The same ETag again: the body came from the cache and says the same.
      expect(await etagOf(server.fetch, path)).toBe(etag);
    },
  );

  it('moves the areas ETag when an area is created, renamed or deleted, and the list shows it', async () => {
    const before = await etagOf(server.fetch, '/api/areas');
    const created = await server.fetch('/api/areas', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Etag test', geometry: square(13.4, 52.5, 0.01) }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const afterCreate = await etagOf(server.fetch, '/api/areas');
    expect(afterCreate).not.toBe(before);
    expect(await revalidate(server.fetch, '/api/areas', before)).toBe(200);
    const names = async () =>
      (
        (await (await server.fetch('/api/areas')).json()) as {
          features: { id: string; properties: { name: string } }[];
        }
      ).features
        .filter((f) => f.id === id)
        .map((f) => f.properties.name);
    expect(await names()).toEqual(['Etag test']);

    const renamed = await server.fetch(`/api/areas/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Etag test, renamed', version: 1 }),
    });
    expect(renamed.status).toBe(200);
    const afterRename = await etagOf(server.fetch, '/api/areas');
    expect(afterRename).not.toBe(afterCreate);
    expect(await names()).toEqual(['Etag test, renamed']);

    expect((await server.fetch(`/api/areas/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await etagOf(server.fetch, '/api/areas')).not.toBe(afterRename);
    expect(await names()).toEqual([]);
  });

  it('moves the stores ETag when a store changes, and the list shows the new name', async () => {
    const before = await etagOf(server.fetch, '/api/stores');
    const list = (await (await server.fetch('/api/stores')).json()) as {
      features: { id: string; properties: { name: string; version: number } }[];
    };
    const store = list.features[0]!;
    const patched = await server.fetch(`/api/stores/${store.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `${store.properties.name} (renamed)`,
        version: store.properties.version,
      }),
    });
    expect(patched.status).toBe(200);
    expect(await etagOf(server.fetch, '/api/stores')).not.toBe(before);
    expect(await revalidate(server.fetch, '/api/stores', before)).toBe(200);
    const after = (await (await server.fetch('/api/stores')).json()) as typeof list;
    expect(after.features.find((f) => f.id === store.id)?.properties.name).toBe(
      `${store.properties.name} (renamed)`,
    );
  });

  it('moves the tile and areas ETags when a customer is erased', async () => {
    const tileBefore = await etagOf(server.fetch, TILE);
    const areasBefore = await etagOf(server.fetch, '/api/areas');
    const page = (await (
      await server.fetch('/api/customers?bbox=13.0,52.3,13.8,52.7&limit=1')
    ).json()) as { features: { id: string }[] };
    const id = page.features[0]!.id;
    expect(
      (await server.fetch(`/api/customers/${encodeURIComponent(id)}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect(await etagOf(server.fetch, TILE)).not.toBe(tileBefore);
    expect(await etagOf(server.fetch, '/api/areas')).not.toBe(areasBefore);
  });

  it('never gives callers who see different customers the same tile or areas ETag', async () => {
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { id: string }[];
    };
    const marketer = await server.as('marketer');
    const manager = await server.as('store_manager', { storeIds: [stores.features[0]!.id] });
    const otherManager = await server.as('store_manager', { storeIds: [stores.features[1]!.id] });
    for (const path of [TILE, '/api/areas']) {
      const tags = [
        await etagOf(server.fetch, path),
        await etagOf(marketer, path),
        await etagOf(manager, path),
        await etagOf(otherManager, path),
      ];
      expect(new Set(tags).size).toBe(tags.length);
      // The owner's ETag is no good to the marketer: the marketer is sent their own answer.
      expect(await revalidate(marketer, path, tags[0]!)).not.toBe(304);
    }
    // Stores are the same for everyone.
    expect(await etagOf(marketer, '/api/stores')).toBe(await etagOf(server.fetch, '/api/stores'));
  });
});
