// Downloads of the workspace's own data: stores and neighbourhoods as GeoJSON files that hold what the API lists, and
// customers as CSV whose header row is the customer import's field names, limited to what the caller may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
const now = new Date('2026-12-07T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ customers: 800, clock: () => now });
});
afterAll(() => server.close());

const importFields =
  'id,firstName,email,phone,lat,lng,age,gender,jobTitle,industry,interests,loyaltyTier,visits,totalSpend,lastPurchaseAt,consent,homeStoreId';

/** RFC 4180 rows (quoted fields may hold commas, quotes and line ends); enough for checking our own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endCell();
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('GeoJSON exports', () => {
  it.each([
    ['/api/stores/export.geojson', '/api/stores', 'catchment-stores-2026-12-07.geojson'],
    [
      '/api/boundaries/export.geojson',
      '/api/boundaries',
      'catchment-neighbourhoods-2026-12-07.geojson',
    ],
  ])('%s is a FeatureCollection file of what %s lists', async (file, list, name) => {
    const viewer = await server.as('viewer');
    const response = await viewer(file);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    const exported = (await response.json()) as {
      type: string;
      features: { type: string; id: string; geometry: { type: string }; properties: unknown }[];
    };
    const listed = await (await viewer(list)).json();
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features.length).toBeGreaterThan(0);
    for (const f of exported.features) {
      expect(f.type).toBe('Feature');
      expect(['Point', 'Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    expect(exported).toEqual(listed);
  });
});

describe('GET /api/customers/export.csv', () => {
  it("has the import's field names as its header row and one row per customer, consent included", async () => {
    const response = await server.fetch('/api/customers/export.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="catchment-customers-2026-12-07.csv"',
    );
    const rows = parseCsv(await response.text());
    expect(rows[0]!.join(',')).toBe(importFields);
    expect(rows).toHaveLength(801);
    expect(rows.every((r) => r.length === 17)).toBe(true);
    const consent = rows.slice(1).map((r) => r[15]);
    expect(new Set(consent)).toEqual(new Set(['true', 'false']));

    const first = rows[1]!;
    const customer = (await (await server.fetch(`/api/customers/${first[0]}`)).json()) as {
      geometry: { coordinates: [number, number] };
      properties: { email: string; interests: string[]; consent: boolean; homeStoreId: string };
    };
    expect(Number(first[4])).toBe(customer.geometry.coordinates[1]);
    expect(Number(first[5])).toBe(customer.geometry.coordinates[0]);
    expect(first[2]).toBe(customer.properties.email);
    expect(first[10]).toBe(customer.properties.interests.join(';'));
    expect(first[16]).toBe(customer.properties.homeStoreId);

    const audit = server.deps.db
      .prepare("SELECT actor, detail FROM audit_log WHERE action = 'customer.export'")
      .all() as { actor: string; detail: string }[];
    expect(audit).toEqual([
      { actor: 'owner@example.test', detail: JSON.stringify({ format: 'csv', scope: 'all' }) },
    ]);
  });

  it("gives a store manager only their stores' customers, and refuses aggregate-only roles", async () => {
    const db = server.deps.db;
    const storeId = db.prepare('SELECT id FROM stores ORDER BY id LIMIT 1').pluck().get() as string;
    const theirs = db
      .prepare('SELECT count(*) FROM customers WHERE home_store_id = ?')
      .pluck()
      .get(storeId) as number;
    expect(theirs).toBeGreaterThan(0);
    const manager = await server.as('store_manager', { storeIds: [storeId] });
    const rows = parseCsv(await (await manager('/api/customers/export.csv')).text());
    expect(rows).toHaveLength(theirs + 1);
    expect(rows.slice(1).every((r) => r[16] === storeId)).toBe(true);
    for (const role of ['marketer', 'viewer'] as const)
      await expectProblem(await (await server.as(role))('/api/customers/export.csv'), 403);
  });

  it('quotes cells that hold commas, quotes and line ends, and keeps phone numbers but not formulas', async () => {
    const id = server.deps.db
      .prepare('SELECT id FROM customers ORDER BY seq LIMIT 1')
      .pluck()
      .get();
    server.deps.db
      .prepare('UPDATE customers SET first_name = ?, job_title = ?, industry = ? WHERE id = ?')
      .run('Anna, "Annie"', 'Chef\r\nde cuisine', '=HYPERLINK("x")', id);
    const rows = parseCsv(await (await server.fetch('/api/customers/export.csv')).text());
    expect(rows).toHaveLength(801);
    const row = rows.find((r) => r[0] === id)!;
    expect(row[1]).toBe('Anna, "Annie"');
    expect(row[8]).toBe('Chef\r\nde cuisine');
    expect(row[9]).toBe(`'=HYPERLINK("x")`);
    expect(rows.slice(1).every((r) => /^\+49 30 555 \d{5}$/.test(r[3]!))).toBe(true);
  });
});
