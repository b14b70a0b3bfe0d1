// Exports that round-trip: the stores and neighbourhoods GeoJSON and the customer CSV a workspace downloads import into
// a fresh, empty workspace (CATCHMENT_DEMO=0) without a mapping, and that workspace exports the same data again.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let source: TestServer;
let target: TestServer;
const now = new Date('2026-12-07T09:00:00Z');

beforeAll(async () => {
  [source, target] = await Promise.all([
    startTestServer({ customers: 600, clock: () => now }),
    startTestServer({ env: { CATCHMENT_DEMO: '0' }, clock: () => now }),
  ]);
  // Quoting, a formula-looking value and a customer without a place in life yet: the awkward cells.
  const first = source.deps.db
    .prepare('SELECT id FROM customers ORDER BY seq LIMIT 1')
    .pluck()
    .get();
  source.deps.db
    .prepare(
      `UPDATE customers SET first_name = ?, job_title = ?, industry = ?, age = NULL, last_purchase_at = NULL,
         home_store_id = NULL WHERE id = ?`,
    )
    .run('Anna, "Annie"', 'Chef de cuisine', '=SUM(A1)', first);
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

interface ImportAnswer {
  inserted: number;
  updated: number;
  rejected: unknown[];
}
type Collection = {
  features: { id: string; geometry: unknown; properties: Record<string, unknown> }[];
};

async function download(server: TestServer, path: string) {
  const response = await server.fetch(path);
  expect(response.status).toBe(200);
  return response.text();
}

async function reimport(kind: string, body: string, type: string): Promise<ImportAnswer> {
  const response = await target.fetch(`/api/import/${kind}?mode=strict`, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ImportAnswer;
}

/** Every customer as the API lists them, by id. */
async function customersOf(server: TestServer) {
  const all = new Map<
    string,
    { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }
  >();
  let cursor = '';
  for (;;) {
    const page = (await (
      await server.fetch(`/api/customers?limit=5000${cursor ? `&cursor=${cursor}` : ''}`)
    ).json()) as {
      features: {
        geometry: { coordinates: [number, number] };
        properties: Record<string, unknown>;
      }[];
      nextCursor?: string;
    };
    for (const f of page.features) all.set(f.properties.id as string, f);
    if (!page.nextCursor) return all;
    cursor = encodeURIComponent(page.nextCursor);
  }
}

/** The CSV's lines after the header, sorted: the same customers with the same cells, whatever the order. */
const sortedRows = (csv: string) => {
  const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.map((cells) =>
    JSON.stringify(cells),
  );
  return { header, rows: rows.sort() };
};

describe('a workspace exported and imported into an empty one', () => {
  it('has the same stores, neighbourhoods and customers, field for field', async () => {
    const stores = await download(source, '/api/stores/export.geojson');
    const boundaries = await download(source, '/api/boundaries/export.geojson');
    const customers = await download(source, '/api/customers/export.csv');
    const storeCount = (JSON.parse(stores) as Collection).features.length;
    const boundaryCount = (JSON.parse(boundaries) as Collection).features.length;

    expect(await reimport('stores', stores, 'application/geo+json')).toEqual(
      expect.objectContaining({ inserted: storeCount, updated: 0, rejected: [] }),
    );
    expect(await reimport('boundaries', boundaries, 'application/geo+json')).toEqual(
      expect.objectContaining({ inserted: boundaryCount, updated: 0, rejected: [] }),
    );
    expect(await reimport('customers', customers, 'text/csv')).toEqual(
      expect.objectContaining({ inserted: 600, updated: 0, rejected: [] }),
    );

    // A workspace of one's own is shown where its data is: the stores are all inside its view.
    const config = (await (await target.fetch('/api/config')).json()) as {
      workspace: { bbox: [number, number, number, number] };
    };
    const [minLng, minLat, maxLng, maxLat] = config.workspace.bbox;
    for (const { geometry } of (JSON.parse(stores) as Collection).features) {
      const [lng, lat] = (geometry as { coordinates: [number, number] }).coordinates;
      expect(lng > minLng && lng < maxLng && lat > minLat && lat < maxLat).toBe(true);
    }
    expect(config.workspace.bbox).not.toEqual([13.08, 52.33, 13.77, 52.68]);

    // The GeoJSON files come back as they went out (the stores' home-customer counts included).
    expect(JSON.parse(await download(target, '/api/stores/export.geojson'))).toEqual(
      JSON.parse(stores),
    );
    expect(JSON.parse(await download(target, '/api/boundaries/export.geojson'))).toEqual(
      JSON.parse(boundaries),
    );

    // The customer CSV comes back cell for cell: consent, tier, interests, dates, the quoted and the prefixed cells.
    const again = sortedRows(await download(target, '/api/customers/export.csv'));
    const before = sortedRows(customers);
    expect(again.header).toBe(before.header);
    expect(again.rows).toHaveLength(600);
    expect(again.rows).toEqual(before.rows);

    // And as the API reads them: every property equal, the coordinates within 1e-7°.
    const [was, is] = await Promise.all([customersOf(source), customersOf(target)]);
    expect([...is.keys()].sort()).toEqual([...was.keys()].sort());
    for (const [id, customer] of was) {
      const copy = is.get(id)!;
      expect(copy.properties).toEqual(customer.properties);
      const [lng, lat] = customer.geometry.coordinates;
      expect(Math.abs(copy.geometry.coordinates[0] - lng)).toBeLessThan(1e-7);
      expect(Math.abs(copy.geometry.coordinates[1] - lat)).toBeLessThan(1e-7);
    }
    const awkward = [...is.values()].find((c) => c.properties.firstName === 'Anna, "Annie"');
    expect(awkward?.properties).toMatchObject({
      jobTitle: 'Chef de cuisine',
      industry: '=SUM(A1)',
      age: null,
      lastPurchaseAt: null,
      homeStoreId: null,
    });
  });

  it('updates rather than duplicates when the same export is imported a second time', async () => {
    const customers = await download(source, '/api/customers/export.csv');
    expect(await reimport('customers', customers, 'text/csv')).toEqual(
      expect.objectContaining({ inserted: 0, updated: 600, rejected: [] }),
    );
    expect((await customersOf(target)).size).toBe(600);
  });
});
