// The first API slice against a real server on an ephemeral port with a fresh, seeded SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { loadMigrations } from '../../server/db/migrate.js';

let server: TestServer;
const CUSTOMERS = 3000;

beforeAll(async () => {
  server = await startTestServer({ customers: CUSTOMERS });
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string, init?: RequestInit) => server.fetch(path, init);
const send = (
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) =>
  server.fetch(path, {
    method,
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

interface Feature<P = Record<string, unknown>> {
  type: 'Feature';
  geometry: { type: string; coordinates: number[] };
  properties: P;
}
interface Collection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<P>[];
  nextCursor?: string;
}

describe('health', () => {
  it('answers ok once the database is migrated', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: 'ok',
      schemaVersion: Math.max(...loadMigrations().map((m) => m.version)),
      customers: CUSTOMERS,
    });
  });
});

describe('stores', () => {
  it('lists the demo stores as Point features with id, name and brand', async () => {
    const body = (await (await get('/api/stores')).json()) as Collection<{
      id: string;
      name: string;
      brand: string;
    }>;
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThanOrEqual(12);
    for (const feature of body.features) {
      expect(feature.geometry.type).toBe('Point');
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      expect(lng).toBeGreaterThan(13);
      expect(lat).toBeGreaterThan(52);
      expect(feature.properties).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        brand: expect.any(String),
      });
    }
    expect(new Set(body.features.map((f) => f.properties.brand)).size).toBeGreaterThanOrEqual(2);
  });

  it("counts each store's home customers", async () => {
    const body = (await (await get('/api/stores')).json()) as Collection<{
      id: string;
      homeCustomers: number;
    }>;
    const db = new Database(server.dbFile, { readonly: true });
    const withHome = db
      .prepare('SELECT count(*) FROM customers WHERE home_store_id IS NOT NULL')
      .pluck()
      .get();
    db.close();
    expect(body.features.reduce((sum, f) => sum + f.properties.homeCustomers, 0)).toBe(withHome);
    expect(body.features.filter((f) => f.properties.homeCustomers > 0).length).toBeGreaterThan(
      body.features.length / 2,
    );
  });

  it('creates, edits with the current version, refuses a stale version, and deletes', async () => {
    const created = await send('POST', '/api/stores', {
      name: 'Pop-up Kiosk',
      brand: 'Kiezkaffee',
      location: { type: 'Point', coordinates: [13.41, 52.52] },
    });
    expect(created.status).toBe(201);
    const store = (await created.json()) as Feature<{ id: string; version: number; name: string }>;
    expect(store.properties).toMatchObject({ name: 'Pop-up Kiosk', version: 1 });

    const renamed = await send('PATCH', `/api/stores/${store.properties.id}`, {
      name: 'Kiosk am Markt',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as Feature<{ version: number }>).properties.version).toBe(2);

    const stale = await send('PATCH', `/api/stores/${store.properties.id}`, {
      name: 'Lost update',
      version: 1,
    });
    await expectProblem(stale, 409, 'body.version');
    const current = (await (await get('/api/stores')).json()) as Collection<{
      id: string;
      name: string;
    }>;
    expect(
      current.features.find((f) => f.properties.id === store.properties.id)?.properties.name,
    ).toBe('Kiosk am Markt');

    expect(
      (await server.fetch(`/api/stores/${store.properties.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    await expectProblem(
      await server.fetch(`/api/stores/${store.properties.id}`, { method: 'DELETE' }),
      404,
      'params.id',
    );
  });

  it('rejects invalid stores with 422 naming each field, and writes nothing', async () => {
    const before = ((await (await get('/api/stores')).json()) as Collection).features.length;
    const cases: [unknown, string][] = [
      [{ brand: 'X', location: { type: 'Point', coordinates: [13.4, 52.5] } }, 'body.name'],
      [
        { name: 'A', brand: 'X', location: { type: 'Point', coordinates: [200, 52.5] } },
        'body.location.coordinates.0',
      ],
      [
        { name: 'A', brand: 'X', location: { type: 'Point', coordinates: [13.4, 95] } },
        'body.location.coordinates.1',
      ],
      [
        { name: 'A', brand: 'X', location: { type: 'Point', coordinates: ['13.4', 52.5] } },
        'body.location.coordinates.0',
      ],
      [
        { name: 'A', brand: 'X', location: { type: 'Polygon', coordinates: [] } },
        'body.location.type',
      ],
      [
        {
          name: 'A',
          brand: 'X',
          attractiveness: 9,
          location: { type: 'Point', coordinates: [13.4, 52.5] },
        },
        'body.attractiveness',
      ],
      [
        {
          name: 'A',
          brand: 'X',
          isAdmin: true,
          location: { type: 'Point', coordinates: [13.4, 52.5] },
        },
        'body',
      ],
      [
        {
          name: "'; DROP TABLE stores; --",
          brand: 'X',
          opened: 'yesterday',
          location: { type: 'Point', coordinates: [13.4, 52.5] },
        },
        'body.opened',
      ],
    ];
    for (const [body, field] of cases)
      await expectProblem(await send('POST', '/api/stores', body), 422, field);
    expect(((await (await get('/api/stores')).json()) as Collection).features.length).toBe(before);
  });

  it('answers 400 for malformed JSON, 415 for another media type, 413 for a huge body', async () => {
    await expectProblem(await send('POST', '/api/stores', '{"name": "A",'), 400, 'body');
    await expectProblem(
      await send('POST', '/api/stores', 'name=A', {
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
      415,
      'headers.content-type',
    );
    const huge = JSON.stringify({
      name: 'A',
      brand: 'B',
      address: 'x'.repeat(2 * 1024 * 1024),
      location: { type: 'Point', coordinates: [13.4, 52.5] },
    });
    await expectProblem(await send('POST', '/api/stores', huge), 413);
  });
});

describe('boundaries', () => {
  it('lists at least 20 named neighbourhoods with population', async () => {
    const body = (await (await get('/api/boundaries')).json()) as Collection<{
      id: string;
      name: string;
      population: number;
    }>;
    expect(body.features.length).toBeGreaterThanOrEqual(20);
    for (const feature of body.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      expect(feature.properties.name).not.toBe('');
      expect(feature.properties.population).toBeGreaterThan(0);
    }
  });
});

describe('customers', () => {
  const bbox = '13.30,52.45,13.50,52.56';

  it('pages through a bbox with cursors, each customer once, matching an independent count', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await get(
        `/api/customers?bbox=${bbox}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as Collection<{
        id: string;
        consent: boolean;
        homeStoreId: string | null;
      }>;
      expect(page.features.length).toBeLessThanOrEqual(250);
      for (const feature of page.features) {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        expect(lng >= 13.3 && lng <= 13.5 && lat >= 52.45 && lat <= 52.56).toBe(true);
        expect(typeof feature.properties.consent).toBe('boolean');
        expect(seen.has(feature.properties.id)).toBe(false);
        seen.add(feature.properties.id);
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);

    const db = new Database(server.dbFile, { readonly: true });
    const expected = db
      .prepare(
        'SELECT count(*) FROM customers WHERE lng BETWEEN 13.30 AND 13.50 AND lat BETWEEN 52.45 AND 52.56',
      )
      .pluck()
      .get();
    db.close();
    expect(seen.size).toBe(expected);
    expect(pages).toBeGreaterThan(1);
  });

  it('carries every customer attribute in properties', async () => {
    const page = (await (await get(`/api/customers?limit=1`)).json()) as Collection;
    expect(Object.keys(page.features[0]!.properties).sort()).toEqual(
      [
        'age',
        'consent',
        'email',
        'firstName',
        'gender',
        'homeStoreId',
        'id',
        'industry',
        'interests',
        'jobTitle',
        'lastPurchaseAt',
        'loyaltyTier',
        'phone',
        'totalSpend',
        'visits',
      ].sort(),
    );
    expect(page.nextCursor).toBeDefined();
  });

  it('refuses a page size above 5000 instead of quietly giving fewer', async () => {
    await expectProblem(await get('/api/customers?limit=999999'), 400, 'query.limit');
    const page = (await (await get('/api/customers?limit=5000')).json()) as Collection;
    expect(page.features.length).toBe(Math.min(CUSTOMERS, 5000));
  });

  it.each(['1,2,3', '13.5,52.4,13.3,52.6', 'a,b,c,d', '0,0,0,100', ''])(
    'answers 400 naming bbox for bbox=%j',
    async (value) => {
      await expectProblem(
        await get(`/api/customers?bbox=${encodeURIComponent(value)}`),
        400,
        'query.bbox',
      );
    },
  );

  it('answers 400 for a bad limit or a forged cursor', async () => {
    await expectProblem(await get('/api/customers?limit=0'), 400, 'query.limit');
    await expectProblem(await get('/api/customers?limit=ten'), 400, 'query.limit');
    await expectProblem(await get('/api/customers?cursor=not-ours'), 400, 'query.cursor');
  });

  it('reads one customer, and answers 404 problem+json for an unknown id', async () => {
    const page = (await (await get('/api/customers?limit=1')).json()) as Collection<{ id: string }>;
    const id = page.features[0]!.properties.id;
    const one = (await (await get(`/api/customers/${encodeURIComponent(id)}`)).json()) as Feature<{
      id: string;
    }>;
    expect(one.properties.id).toBe(id);
    await expectProblem(await get('/api/customers/nobody'), 404, 'params.id');
  });
});

describe('errors for routes', () => {
  it('answers unknown API routes with 404 problem+json', async () => {
    await expectProblem(await get('/api/nothing-here'), 404);
    await expectProblem(await get('/api/stores/extra/segments'), 404);
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const response = await send('PUT', '/api/stores', {});
    await expectProblem(response, 405);
    expect(response.headers.get('allow')).toMatch(/GET/);
    expect(response.headers.get('allow')).toMatch(/POST/);
    await expectProblem(await server.fetch(`/api/boundaries`, { method: 'DELETE' }), 405);
  });
});

describe('OpenAPI', () => {
  it('describes the routes as OpenAPI 3.1 with the problem schema', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/stores',
      '/api/stores/{id}',
      '/api/boundaries',
      '/api/customers',
      '/api/customers/{id}',
      '/api/tiles/customers/{z}/{x}/{y}.pbf',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.schemas).toHaveProperty('CustomerProperties');
  });
});

describe('logs', () => {
  it('log routes, not customer ids or emails', async () => {
    const page = (await (await get('/api/customers?limit=5')).json()) as Collection<{
      id: string;
      email: string;
    }>;
    for (const f of page.features) await get(`/api/customers/${f.properties.id}`);
    const log = server.logLines.join('\n');
    expect(log).toContain('/api/customers/:id');
    for (const f of page.features) {
      expect(log).not.toContain(f.properties.id);
      expect(log).not.toContain(f.properties.email);
    }
  });
});

describe('unexpected failures', () => {
  it('answer 500 problem+json without a stack trace, and the server keeps serving', async () => {
    const broken = await (await import('../helpers/server.js')).startTestServer({ customers: 20 });
    try {
      broken.deps.db.close(); // the next query throws inside a route, as a real fault would
      const response = await broken.fetch('/api/stores');
      const body = await expectProblem(response, 500);
      expect(body.detail).not.toMatch(/database|sqlite/i);
      expect(broken.logLines.some((line) => line.includes('unhandled error'))).toBe(true);
      // Still answering: an anonymous request is turned away without touching the database.
      expect((await fetch(`${broken.url}/api/nothing`)).status).toBe(401);
    } finally {
      await broken.close();
    }
  });
});
