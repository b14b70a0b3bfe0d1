// The areas API against a real server with a fresh, seeded SQLite file: CRUD, derived shapes, combinations,
// territories, versions, and every validation failure (problem+json naming the field, nothing written).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  area,
  booleanClockwise,
  booleanIntersects,
  booleanPointInPolygon,
  distance,
  feature,
  featureCollection,
  intersect,
  union,
} from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { circlePolygon } from '../../server/domain/geometry/circle.js';
import { areaKm2, perimeterKm } from '../../server/domain/geometry/measure.js';

type Shape = Polygon | MultiPolygon;
interface AreaProps {
  id: string;
  name: string;
  kind: string;
  color: string;
  params: Record<string, unknown>;
  areaKm2: number;
  perimeterKm: number;
  customers?: number;
  version: number;
}
interface AreaFeature {
  type: 'Feature';
  id: string;
  geometry: Shape;
  properties: AreaProps;
}
interface Collection<F = AreaFeature> {
  type: 'FeatureCollection';
  features: F[];
}
type Point = {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; name: string };
};

let server: TestServer;
let stores: Point[];
beforeAll(async () => {
  server = await startTestServer({ customers: 600 });
  stores = ((await (await server.fetch(`/api/stores`)).json()) as Collection<Point>).features;
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string) => server.fetch(path);
const send = (method: string, path: string, body?: unknown) =>
  server.fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
async function created<T = AreaFeature>(response: Response): Promise<T> {
  if (response.status !== 201)
    throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
function rows(): number {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM areas').pluck().get() as number;
  } finally {
    db.close();
  }
}
const sq = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const m2 = (g: Shape) => area(g);

describe('areas CRUD', () => {
  it('creates a drawn polygon, lists it, reads it, renames it, refuses a stale or missing version, and deletes it', async () => {
    const response = await send('POST', '/api/areas', {
      name: 'Around the market',
      geometry: polygon(sq(13.4, 52.5, 13.42, 52.52)),
    });
    const area1 = await created(response);
    expect(response.headers.get('location')).toBe(`/api/areas/${area1.id}`);
    expect(area1.properties).toMatchObject({
      name: 'Around the market',
      kind: 'polygon',
      version: 1,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(area1.properties.areaKm2).toBeCloseTo(areaKm2(area1.geometry), 6);
    expect(Math.abs(area1.properties.areaKm2 / (m2(area1.geometry) / 1e6) - 1)).toBeLessThan(0.005); // ellipsoid vs Turf's sphere
    expect(area1.properties.perimeterKm).toBeCloseTo(perimeterKm(area1.geometry), 3); // 2.2 km north–south, 1.35 km east–west
    expect(area1.properties.perimeterKm).toBeGreaterThan(7);
    expect(area1.properties.customers).toBeGreaterThanOrEqual(0);

    const listed = (await (await get('/api/areas')).json()) as Collection;
    expect(listed.features.map((f) => f.id)).toContain(area1.id);
    expect(
      ((await (await get(`/api/areas/${area1.id}`)).json()) as AreaFeature).properties.name,
    ).toBe('Around the market');

    const renamed = await send('PATCH', `/api/areas/${area1.id}`, {
      name: 'Market square',
      color: '#123456',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as AreaFeature).properties).toMatchObject({
      name: 'Market square',
      color: '#123456',
      version: 2,
    });

    const stale = await expectProblem(
      await send('PATCH', `/api/areas/${area1.id}`, { name: 'Lost update', version: 1 }),
      409,
      'body.version',
    );
    expect(stale).toMatchObject({ currentVersion: 2 });
    expect(
      await expectProblem(
        await send('PATCH', `/api/areas/${area1.id}`, { name: 'No version' }),
        409,
        'body.version',
      ),
    ).toMatchObject({ currentVersion: 2 });
    expect(
      ((await (await get(`/api/areas/${area1.id}`)).json()) as AreaFeature).properties.name,
    ).toBe('Market square');

    expect((await send('DELETE', `/api/areas/${area1.id}`)).status).toBe(204);
    await expectProblem(await send('DELETE', `/api/areas/${area1.id}`), 404, 'params.id');
    await expectProblem(await get(`/api/areas/${area1.id}`), 404, 'params.id');
    await expectProblem(
      await send('PATCH', `/api/areas/${area1.id}`, { name: 'Gone', version: 2 }),
      404,
      'params.id',
    );
  });

  it('reshapes a drawn area with a new geometry and keeps the old one when the new one is invalid', async () => {
    const area1 = await created(
      await send('POST', '/api/areas', { geometry: polygon(sq(13.4, 52.5, 13.41, 52.51)) }),
    );
    expect(area1.properties.name).toMatch(/^Drawn area \d+$/);
    const bowtie = polygon([
      [13.4, 52.5],
      [13.42, 52.52],
      [13.42, 52.5],
      [13.4, 52.52],
      [13.4, 52.5],
    ]);
    const refused = await expectProblem(
      await send('PATCH', `/api/areas/${area1.id}`, { geometry: bowtie, version: 1 }),
      422,
      'body.geometry.coordinates[0][0]',
    );
    expect(JSON.stringify(refused)).toContain('[13.41, 52.51]');
    const bigger = await send('PATCH', `/api/areas/${area1.id}`, {
      geometry: polygon(sq(13.4, 52.5, 13.42, 52.52)),
      version: 1,
    });
    const after = (await bigger.json()) as AreaFeature;
    expect(after.properties.version).toBe(2);
    expect(after.properties.areaKm2).toBeCloseTo(area1.properties.areaKm2 * 4, 2);
  });

  it('re-creates a deleted area under its old id (undo), and refuses a taken id with 409', async () => {
    const original = await created(
      await send('POST', '/api/areas', {
        name: 'Undo me',
        color: '#abcdef',
        geometry: polygon(sq(13.43, 52.5, 13.44, 52.51)),
      }),
    );
    expect((await send('DELETE', `/api/areas/${original.id}`)).status).toBe(204);
    const restored = await created(
      await send('POST', '/api/areas', {
        id: original.id,
        name: 'Undo me',
        color: '#abcdef',
        kind: 'polygon',
        params: {},
        geometry: original.geometry,
      }),
    );
    expect(restored.id).toBe(original.id);
    expect(restored.properties).toMatchObject({
      name: 'Undo me',
      color: '#abcdef',
      areaKm2: original.properties.areaKm2,
    });
    const before = rows();
    await expectProblem(
      await send('POST', '/api/areas', {
        id: original.id,
        name: 'Twin',
        geometry: original.geometry,
      }),
      409,
      'body.id',
    );
    expect(rows()).toBe(before);
  });

  it('offers an area as a GeoJSON download with a safe file name', async () => {
    const area1 = await created(
      await send('POST', '/api/areas', {
        name: 'Kiez "Süd"/../<script>',
        geometry: polygon(sq(13.45, 52.5, 13.46, 52.51)),
      }),
    );
    const response = await get(`/api/areas/${area1.id}/geojson`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    // The name and the day say what the file holds.
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Kiez-Sud-script-\d{4}-\d{2}-\d{2}\.geojson"$/,
    );
    const body = (await response.json()) as AreaFeature;
    expect(body).toMatchObject({
      type: 'Feature',
      geometry: area1.geometry,
      properties: { id: area1.id, name: area1.properties.name },
    });
    await expectProblem(await get('/api/areas/nope/geojson'), 404);
  });
});

describe('radius and ring areas', () => {
  it('derives a radius area from its centre and radius: ≥ 64 vertices, radius within 0.5 %', async () => {
    const center: [number, number] = [13.405, 52.52];
    const area1 = await created(
      await send('POST', '/api/areas', { kind: 'radius', params: { center, radiusMeters: 1000 } }),
    );
    expect(area1.properties).toMatchObject({
      kind: 'radius',
      name: '1 km radius',
      params: { center, radiusMeters: 1000 },
    });
    const ring = (area1.geometry as Polygon).coordinates[0]!;
    expect(ring.length).toBeGreaterThanOrEqual(65);
    for (const p of ring)
      expect(Math.abs(distance(center, p, { units: 'meters' }) / 1000 - 1)).toBeLessThan(0.005);
    expect(Math.abs(area1.properties.areaKm2 / Math.PI - 1)).toBeLessThan(0.005);

    const wider = (await (
      await send('PATCH', `/api/areas/${area1.id}`, { params: { radiusMeters: 1500 }, version: 1 })
    ).json()) as AreaFeature;
    expect(wider.properties).toMatchObject({ version: 2, params: { center, radiusMeters: 1500 } });
    for (const p of (wider.geometry as Polygon).coordinates[0]!)
      expect(Math.abs(distance(center, p, { units: 'meters' }) / 1500 - 1)).toBeLessThan(0.005);
    const moved = (await (
      await send('PATCH', `/api/areas/${area1.id}`, {
        params: { center: [13.3, 52.5] },
        version: 2,
      })
    ).json()) as AreaFeature;
    expect(booleanPointInPolygon([13.3, 52.5], moved.geometry)).toBe(true);
    expect(booleanPointInPolygon(center, moved.geometry)).toBe(false);
  });

  it('targets around a store in one request', async () => {
    const store = stores[0]!;
    const area1 = await created(
      await send('POST', '/api/areas', {
        kind: 'radius',
        params: { storeId: store.properties.id, radiusMeters: 1200 },
      }),
    );
    expect(area1.properties.name).toBe(`1.2 km around ${store.properties.name}`);
    expect(area1.properties.params).toMatchObject({
      storeId: store.properties.id,
      center: store.geometry.coordinates,
      radiusMeters: 1200,
    });
  });

  it('saves a single ring as a donut whose hole runs clockwise', async () => {
    const area1 = await created(
      await send('POST', '/api/areas', {
        kind: 'ring',
        params: { center: [13.4, 52.5], innerRadiusMeters: 1000, radiusMeters: 3000 },
      }),
    );
    const [outer, hole] = (area1.geometry as Polygon).coordinates;
    expect(booleanClockwise(outer!)).toBe(false);
    expect(booleanClockwise(hole!)).toBe(true);
    expect(area1.properties.name).toBe('1–3 km ring');
    expect(area1.properties.areaKm2).toBeCloseTo(Math.PI * 8, 1);
  });

  it('creates rings 0–1, 1–3 and 3–5 km around a store in one transaction', async () => {
    const store = stores[1]!;
    const before = rows();
    const body = await created<Collection>(
      await send('POST', '/api/areas/rings', {
        storeId: store.properties.id,
        breaksMeters: [0, 1000, 3000, 5000],
      }),
    );
    expect(rows()).toBe(before + 3);
    expect(body.features.map((f) => f.properties.name)).toEqual([
      `${store.properties.name} · 0–1 km`,
      `${store.properties.name} · 1–3 km`,
      `${store.properties.name} · 3–5 km`,
    ]);
    expect(body.features.map((f) => (f.geometry as Polygon).coordinates.length)).toEqual([1, 2, 2]);
    expect(
      body.features.every(
        (f) => f.properties.kind === 'ring' && f.properties.params.storeId === store.properties.id,
      ),
    ).toBe(true);
    const total = body.features.reduce((sum, f) => sum + f.properties.areaKm2, 0);
    expect(total).toBeCloseTo(Math.PI * 25, 1);
    expect(new Set(body.features.map((f) => f.properties.color)).size).toBe(3);

    const n = rows();
    await expectProblem(
      await send('POST', '/api/areas/rings', {
        storeId: store.properties.id,
        breaksMeters: [0, 3000, 1000],
      }),
      422,
      'body.breaksMeters[2]',
    );
    await expectProblem(
      await send('POST', '/api/areas/rings', { breaksMeters: [0, 1000] }),
      422,
      'body.center',
    );
    await expectProblem(
      await send('POST', '/api/areas/rings', { storeId: 'no-such-store', breaksMeters: [0, 1000] }),
      422,
      'body.storeId',
    );
    expect(rows()).toBe(n);
  });
});

describe('boundary areas and combinations', () => {
  it('makes one area from several neighbourhoods (their union)', async () => {
    const boundaries = (
      (await (await get('/api/boundaries')).json()) as Collection<{
        geometry: Shape;
        properties: { id: string; name: string };
      }>
    ).features;
    const [a, b, c] = boundaries;
    const area1 = await created(
      await send('POST', '/api/areas', {
        kind: 'boundary',
        params: { boundaryIds: [a!.properties.id, b!.properties.id, c!.properties.id] },
      }),
    );
    expect(area1.properties.name).toBe(
      `${a!.properties.name} + ${b!.properties.name} + ${c!.properties.name}`,
    );
    const expected = m2(
      union(featureCollection([a!, b!, c!].map((x) => feature(x.geometry))))!.geometry,
    );
    expect(m2(area1.geometry) / expected).toBeCloseTo(1, 4);
    for (const x of [a!, b!, c!])
      expect(
        m2(intersect(featureCollection([feature(x.geometry), feature(area1.geometry)]))!.geometry) /
          m2(x.geometry),
      ).toBeCloseTo(1, 4);

    const before = rows();
    await expectProblem(
      await send('POST', '/api/areas', {
        kind: 'boundary',
        params: { boundaryIds: [a!.properties.id, 'nb-nowhere'] },
      }),
      422,
      'body.params.boundaryIds[1]',
    );
    await expectProblem(
      await send('POST', '/api/areas', { kind: 'boundary', params: {} }),
      422,
      'body.params.boundaryIds',
    );
    expect(rows()).toBe(before);
  });

  it('saves "1.5 km around the store minus the industrial park" as a combined area', async () => {
    const store = stores[2]!;
    const [lng, lat] = store.geometry.coordinates;
    const around = await created(
      await send('POST', '/api/areas', {
        kind: 'radius',
        params: { storeId: store.properties.id, radiusMeters: 1500 },
      }),
    );
    const parkShape = polygon([
      [lng + 0.005, lat - 0.004],
      [lng + 0.03, lat - 0.006],
      [lng + 0.032, lat + 0.01],
      [lng + 0.008, lat + 0.008],
      [lng + 0.005, lat - 0.004],
    ]);
    const park = await created(
      await send('POST', '/api/areas', { name: 'Industrial park', geometry: parkShape }),
    );
    const combined = await created(
      await send('POST', '/api/areas/combine', { op: 'subtract', areaIds: [around.id, park.id] }),
    );
    expect(combined.properties).toMatchObject({
      kind: 'combined',
      name: `${around.properties.name} − Industrial park`,
      params: { operations: [{ op: 'subtract', areaIds: [around.id, park.id] }] },
    });
    const overlap = m2(
      intersect(featureCollection([feature(around.geometry), feature(park.geometry)]))!.geometry,
    );
    expect((m2(combined.geometry) + overlap) / m2(around.geometry)).toBeCloseTo(1, 4);
    expect(booleanPointInPolygon([lng + 0.01, lat], combined.geometry)).toBe(false);
    expect(booleanPointInPolygon([lng, lat], combined.geometry)).toBe(true);

    const joined = await created(
      await send('POST', '/api/areas/combine', {
        op: 'union',
        areaIds: [around.id, park.id],
        name: 'Both',
        color: '#00ff00',
      }),
    );
    expect(joined.properties).toMatchObject({ name: 'Both', color: '#00ff00' });
    expect((m2(joined.geometry) + overlap) / (m2(around.geometry) + m2(park.geometry))).toBeCloseTo(
      1,
      4,
    );
  });

  it('reports an empty or impossible combination as 422 with a reason, never 500, and writes nothing', async () => {
    const small = await created(
      await send('POST', '/api/areas', { geometry: polygon(sq(13.41, 52.51, 13.42, 52.52)) }),
    );
    const big = await created(
      await send('POST', '/api/areas', { geometry: polygon(sq(13.4, 52.5, 13.43, 52.53)) }),
    );
    const far = await created(
      await send('POST', '/api/areas', { geometry: polygon(sq(13.6, 52.6, 13.61, 52.61)) }),
    );
    const before = rows();
    expect(
      await expectProblem(
        await send('POST', '/api/areas/combine', { op: 'subtract', areaIds: [small.id, big.id] }),
        422,
        'body.areaIds',
      ),
    ).toMatchObject({ reason: 'empty' });
    expect(
      await expectProblem(
        await send('POST', '/api/areas/combine', { op: 'intersect', areaIds: [small.id, far.id] }),
        422,
        'body.areaIds',
      ),
    ).toMatchObject({ reason: 'empty' });
    await expectProblem(
      await send('POST', '/api/areas/combine', { op: 'union', areaIds: [small.id, 'ar-missing'] }),
      422,
      'body.areaIds[1]',
    );
    await expectProblem(
      await send('POST', '/api/areas/combine', { op: 'union', areaIds: [small.id] }),
      422,
      'body.areaIds',
    );
    await expectProblem(
      await send('POST', '/api/areas/combine', { op: 'xor', areaIds: [small.id, big.id] }),
      422,
      'body.op',
    );
    expect(rows()).toBe(before);
  });
});

describe('territories', () => {
  it('splits the city into one nearest-store territory per store: no overlaps, all inside the city, together the city', async () => {
    const before = rows();
    const body = await created<
      Collection & { merged: { storeId: string }[]; outside: string[]; failed: unknown[] }
    >(await server.fetch(`/api/areas/territories`, { method: 'POST' }));
    expect(body.failed).toEqual([]);
    expect(body.outside).toEqual([]);
    expect(body.merged).toEqual([]);
    expect(body.features).toHaveLength(stores.length);
    expect(rows()).toBe(before + body.features.length);
    const basemap = (await (await get('/api/basemap')).json()) as Collection<{
      geometry: Shape;
      properties: { kind: string };
    }>;
    const city = basemap.features.find((f) => f.properties.kind === 'land')!.geometry;
    for (const territory of body.features) {
      const store = stores.find((s) => s.properties.id === territory.properties.params.storeId)!;
      expect(territory.properties).toMatchObject({
        kind: 'territory',
        name: `Territory · ${store.properties.name}`,
      });
      const inside = intersect(featureCollection([feature(territory.geometry), feature(city)]));
      expect(m2(inside!.geometry) / m2(territory.geometry)).toBeCloseTo(1, 4);
    }
    const cells = body.features.map((f) => f.geometry);
    for (let i = 0; i < cells.length; i++) {
      for (let k = i + 1; k < cells.length; k++) {
        const shared = intersect(featureCollection([feature(cells[i]!), feature(cells[k]!)]));
        expect(shared ? m2(shared.geometry) : 0).toBeLessThan(10); // m²: shared borders, not overlaps
        // Touching territories never share a colour, so two of them never read as one.
        if (booleanIntersects(cells[i]!, cells[k]!))
          expect(body.features[i]!.properties.color).not.toBe(body.features[k]!.properties.color);
      }
    }
    expect(cells.reduce((sum, c) => sum + m2(c), 0) / m2(city)).toBeCloseTo(1, 3);
  });

  it('makes territories for chosen stores only, and names an unknown store', async () => {
    const chosen = stores.slice(0, 3).map((s) => s.properties.id);
    const body = await created<Collection>(
      await send('POST', '/api/areas/territories', { storeIds: chosen }),
    );
    expect(body.features.map((f) => f.properties.params.storeId)).toEqual(chosen);
    const before = rows();
    await expectProblem(
      await send('POST', '/api/areas/territories', { storeIds: [chosen[0], 'st-nowhere'] }),
      422,
      'body.storeIds[1]',
    );
    expect(rows()).toBe(before);
  });
});

describe('validation', () => {
  const ok = polygon(sq(13.4, 52.5, 13.41, 52.51));
  const cases: [string, unknown, string, RegExp?][] = [
    ['a Point', { geometry: { type: 'Point', coordinates: [13.4, 52.5] } }, 'body.geometry.type'],
    [
      'a LineString',
      {
        geometry: {
          type: 'LineString',
          coordinates: [
            [13.4, 52.5],
            [13.5, 52.5],
          ],
        },
      },
      'body.geometry.type',
    ],
    [
      'an unclosed ring',
      {
        geometry: polygon([
          [13.4, 52.5],
          [13.41, 52.5],
          [13.41, 52.51],
          [13.4, 52.51],
        ]),
      },
      'body.geometry.coordinates[0]',
      /not closed/,
    ],
    [
      'a ring of 3 positions',
      {
        geometry: polygon([
          [13.4, 52.5],
          [13.41, 52.5],
          [13.4, 52.5],
        ]),
      },
      'body.geometry.coordinates[0]',
      /at least 4/,
    ],
    [
      'swapped coordinates',
      {
        geometry: polygon([
          [-33.87, 151.2],
          [-33.87, 151.22],
          [-33.85, 151.22],
          [-33.87, 151.2],
        ]),
      },
      'body.geometry.coordinates[0][0]',
      /swapped/,
    ],
    [
      'a longitude of 200',
      {
        geometry: polygon([
          [13.4, 52.5],
          [13.41, 52.5],
          [200, 52.51],
          [13.4, 52.5],
        ]),
      },
      'body.geometry.coordinates[0][2]',
      /out of range/,
    ],
    [
      'a string coordinate',
      {
        geometry: polygon([
          ['13.40' as unknown as number, 52.5],
          [13.41, 52.5],
          [13.41, 52.51],
          [13.4, 52.5],
        ]),
      },
      'body.geometry.coordinates[0][0]',
    ],
    [
      'a self-intersection',
      {
        geometry: polygon([
          [13.4, 52.5],
          [13.42, 52.52],
          [13.42, 52.5],
          [13.4, 52.52],
          [13.4, 52.5],
        ]),
      },
      'body.geometry.coordinates[0][0]',
      /crosses itself at \[13\.41, 52\.51\]/,
    ],
    [
      'a flat ring',
      {
        geometry: polygon([
          [13.4, 52.5],
          [13.41, 52.51],
          [13.42, 52.52],
          [13.4, 52.5],
        ]),
      },
      'body.geometry.coordinates[0]',
      /no area/,
    ],
    [
      'a hole outside its shell',
      { geometry: polygon(sq(13.4, 52.5, 13.41, 52.51), sq(13.45, 52.5, 13.46, 52.51).reverse()) },
      'body.geometry.coordinates[1]',
      /outside/,
    ],
    ['no geometry for a polygon', { name: 'Nothing' }, 'body.geometry'],
    [
      'a radius without radiusMeters',
      { kind: 'radius', params: { center: [13.4, 52.5] } },
      'body.params.radiusMeters',
    ],
    [
      'a radius without a centre',
      { kind: 'radius', params: { radiusMeters: 500 } },
      'body.params.center',
    ],
    [
      'a radius with a geometry',
      { kind: 'radius', params: { center: [13.4, 52.5], radiusMeters: 500 }, geometry: ok },
      'body.geometry',
    ],
    [
      'a radius of 0',
      { kind: 'radius', params: { center: [13.4, 52.5], radiusMeters: 0 } },
      'body.params.radiusMeters',
    ],
    [
      'a ring whose hole is too big',
      {
        kind: 'ring',
        params: { center: [13.4, 52.5], innerRadiusMeters: 3000, radiusMeters: 2000 },
      },
      'body.params.innerRadiusMeters',
    ],
    [
      'a radius around an unknown store',
      { kind: 'radius', params: { storeId: 'st-nope', radiusMeters: 500 } },
      'body.params.storeId',
    ],
    ['an unknown kind', { kind: 'blob', geometry: ok }, 'body.kind'],
    ['a bad colour', { color: 'red', geometry: ok }, 'body.color'],
    ['an empty name', { name: '  ', geometry: ok }, 'body.name'],
    ['an unsafe id', { id: '../etc/passwd', geometry: ok }, 'body.id'],
    ['an unknown field', { geometry: ok, owner: 'me' }, 'body'],
  ];

  it.each(cases)(
    'refuses %s with 422 naming the field, and writes nothing',
    async (_label, body, field, message) => {
      const before = rows();
      const problem = await expectProblem(await send('POST', '/api/areas', body), 422, field);
      if (message) expect(problem.errors?.find((e) => e.field === field)?.message).toMatch(message);
      expect(rows()).toBe(before);
    },
  );

  it('refuses more than 20,000 vertices', async () => {
    const ring = circlePolygon({
      center: [13.4, 52.5],
      radiusMeters: 3000,
      steps: 20_000,
    }).coordinates[0]!.map(([x, y]) => [+x!.toFixed(6), +y!.toFixed(6)]);
    ring[ring.length - 1] = ring[0]!;
    const before = rows();
    const problem = await expectProblem(
      await send('POST', '/api/areas', { geometry: polygon(ring) }),
      422,
      'body.geometry.coordinates',
    );
    expect(problem.errors?.[0]?.message).toMatch(/20,001 positions; at most 20,000/);
    expect(rows()).toBe(before);
  });

  it('accepts MultiPolygons with holes and islands', async () => {
    const geometry: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [sq(13.4, 52.5, 13.44, 52.54), sq(13.41, 52.51, 13.43, 52.53).reverse()],
        [sq(13.415, 52.515, 13.425, 52.525)],
      ],
    };
    const area1 = await created(await send('POST', '/api/areas', { geometry }));
    expect(area1.geometry.type).toBe('MultiPolygon');
    expect(area1.properties.areaKm2).toBeCloseTo(areaKm2(geometry), 6);
    expect(area1.properties.areaKm2).toBeCloseTo(
      (0.04 * 0.04 - 0.02 * 0.02 + 0.01 * 0.01) * 111.32 ** 2 * Math.cos((52.52 * Math.PI) / 180),
      1,
    );
  });
});

describe('customer counts', () => {
  it('fills `customers` in lists with the customers inside each area', async () => {
    const db = new Database(server.dbFile, { readonly: true });
    const points = db.prepare('SELECT lng, lat FROM customers').all() as {
      lng: number;
      lat: number;
    }[];
    db.close();
    const countCustomersInArea = (geometry: Shape) =>
      points.filter((p) => booleanPointInPolygon([p.lng, p.lat], geometry)).length;
    const list = (await (await get('/api/areas')).json()) as Collection;
    expect(list.features.length).toBeGreaterThan(5);
    for (const f of list.features)
      expect(f.properties.customers).toBe(countCustomersInArea(f.geometry));
    expect(list.features.some((f) => (f.properties.customers ?? 0) > 0)).toBe(true);
  });
});

describe('API document', () => {
  it('lists the area routes', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/areas'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/areas/{id}'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
    for (const path of ['/api/areas/{id}/geojson']) expect(doc.paths[path]).toHaveProperty('get');
    for (const path of ['/api/areas/combine', '/api/areas/rings', '/api/areas/territories'])
      expect(doc.paths[path]).toHaveProperty('post');
  });
});
