// CATCHMENT_DEMO=0: a workspace that starts with no demo city, works anyway, and stays the owner's on the next start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ env: { CATCHMENT_DEMO: '0' } });
});
afterAll(() => server.close());

const getJson = async <T>(path: string): Promise<T> => {
  const response = await server.fetch(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

describe('an empty workspace (CATCHMENT_DEMO=0)', () => {
  it('has no stores, customers, neighbourhoods or events, and answers health, config and the map', async () => {
    expect(await getJson('/api/health')).toMatchObject({ status: 'ok' });
    expect(await getJson('/api/stores')).toEqual({ type: 'FeatureCollection', features: [] });
    expect(await getJson('/api/boundaries')).toEqual({ type: 'FeatureCollection', features: [] });
    expect(await getJson('/api/customers')).toEqual({ type: 'FeatureCollection', features: [] });
    expect(await getJson('/api/basemap')).toEqual({ type: 'FeatureCollection', features: [] });
    expect(await getJson('/api/basemap/streets')).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
    const config = await getJson<{ workspace: { name: string; zoom: number; bbox: number[] } }>(
      '/api/config',
    );
    expect(config.workspace.name).toBe('My workspace');
    expect(config.workspace.bbox).toHaveLength(4);
    expect(server.deps.customerIndex.size).toBe(0);
    expect(await getJson('/api/workspace/demo')).toEqual({
      present: false,
      stores: 0,
      customers: 0,
      boundaries: 0,
      events: 0,
    });
  });

  it('counts an empty audience and answers customer tiles', async () => {
    const response = await server.fetch('/api/audience', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [13.3, 52.4],
              [13.5, 52.4],
              [13.5, 52.6],
              [13.3, 52.6],
              [13.3, 52.4],
            ],
          ],
        },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ count: 0 });
    expect((await server.fetch('/api/tiles/customers/12/2200/1343.pbf')).status).toBeLessThan(300);
  });

  it('is not seeded with the demo at the next start, even with the demo on', async () => {
    const again = await startTestServer({ dbFile: server.dbFile });
    try {
      expect(
        ((await (await again.fetch('/api/stores')).json()) as { features: [] }).features,
      ).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
