// Imported rows with an address but no coordinates, without a geocoder: kept as "needs a place", listed for the
// roles that import, placed by hand (then they count in audiences), discarded, and erased with their customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { applyRetention } from '../../server/services/customers/retention.js';

let server: TestServer;

interface Listed {
  items: { kind: string; id: string; name: string; address: string; state: string }[];
  total: number;
  geocoding: number;
  nextCursor?: string;
}

const post = (path: string, body: string, type: string, as = server.fetch) =>
  as(path, { method: 'POST', headers: { 'Content-Type': type }, body });
const importCsv = async (kind: string, csv: string) => {
  const response = await post(`/api/import/${kind}`, csv, 'text/csv');
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as {
    inserted: number;
    needsPlace: number;
    geocoding: number;
    rejected: { row: number; errors: { field: string; message: string }[] }[];
  };
};
const listed = async (query = '') => {
  const response = await server.fetch(`/api/import/unplaced${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Listed;
};
const ids = (list: Listed) => list.items.map((item) => item.id);
const square = (lng: number, lat: number, d = 0.0005) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ],
  ],
});
const place = (kind: string, id: string, coordinates: unknown) =>
  post(
    `/api/import/unplaced/${kind}/${encodeURIComponent(id)}/place`,
    JSON.stringify({ location: { type: 'Point', coordinates } }),
    'application/json',
  );

beforeAll(async () => {
  server = await startTestServer({ customers: 50 });
});
afterAll(async () => {
  await server?.close();
});

describe('rows with an address but no coordinates, without a geocoder', () => {
  it('are imported as needing a place, with German address headers; a row with neither is rejected', async () => {
    const result = await importCsv(
      'customers',
      [
        'Kundennummer;Vorname;Straße;PLZ;Ort;Breitengrad;Längengrad',
        'ADR-1;Anna;Hauptstraße 5;10115;Berlin;;',
        'ADR-2;Ben;;;;52.5;13.4',
        'ADR-3;Cem;;;;;',
      ].join('\n'),
    );
    expect(result).toMatchObject({ inserted: 1, needsPlace: 1, geocoding: 0 });
    expect(result.rejected).toEqual([
      {
        row: 4,
        errors: [{ field: 'lat', code: 'no_location', message: expect.any(String) }],
      },
    ]);
    const list = await listed();
    expect(list.items.find((item) => item.id === 'ADR-1')).toEqual(
      expect.objectContaining({
        kind: 'customers',
        name: 'Anna',
        address: 'Hauptstraße 5, 10115 Berlin',
        state: 'manual',
      }),
    );
    expect((await server.fetch('/api/customers/ADR-1')).status).toBe(404);
    // The address is personal data: it never reaches the log.
    expect(server.logLines.join('\n')).not.toContain('Hauptstra');
  });

  it('a file with only address columns is accepted; stores keep their joined address once placed', async () => {
    const result = await importCsv(
      'stores',
      'id,name,brand,Adresse,PLZ,Ort\nST-ADR,Kiosk,Acme,Torstr. 1,10119,Berlin\n',
    );
    expect(result).toMatchObject({ inserted: 0, needsPlace: 1 });
    expect((await listed('?kind=stores')).items).toEqual([
      expect.objectContaining({ id: 'ST-ADR', name: 'Kiosk', address: 'Torstr. 1, 10119 Berlin' }),
    ]);
    const placed = await place('stores', 'ST-ADR', [13.4, 52.53]);
    expect(await placed.json()).toEqual({ kind: 'stores', id: 'ST-ADR', result: 'inserted' });
    const stores = await (await server.fetch('/api/stores')).json();
    const store = stores.features.find((f: { id: string }) => f.id === 'ST-ADR');
    expect(store.geometry.coordinates).toEqual([13.4, 52.53]);
    expect(store.properties.address).toBe('Torstr. 1, 10119 Berlin');
  });

  it('a strict import keeps address-only rows only when no row is bad', async () => {
    const refused = await post(
      '/api/import/customers?mode=strict',
      'id,city,age\nSTRICT-1,Berlin,30\nSTRICT-2,Berlin,old\n',
      'text/csv',
    );
    expect(refused.status).toBe(422);
    expect(ids(await listed())).not.toContain('STRICT-1');
    const accepted = await post(
      '/api/import/customers?mode=strict',
      'id,city,age\nSTRICT-1,Berlin,30\n',
      'text/csv',
    );
    expect(await accepted.json()).toMatchObject({ inserted: 0, needsPlace: 1 });
    expect(ids(await listed())).toContain('STRICT-1');
  });

  it('placing a row makes a customer that counts in the audience of an area around it', async () => {
    await importCsv('customers', 'id,address,consent\nFAR-ADR,Somewhere 1,yes\n');
    const area = square(-70, -40);
    const audience = async () =>
      (await (
        await post('/api/audience', JSON.stringify({ geometry: area }), 'application/json')
      ).json()) as { count: number; consented: number };
    const before = await audience();
    const response = await place('customers', 'FAR-ADR', [-70, -40]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: 'inserted' });
    expect(await audience()).toEqual(
      expect.objectContaining({ count: before.count + 1, consented: before.consented + 1 }),
    );
    expect(ids(await listed())).not.toContain('FAR-ADR');
    // Placed once: a second try finds nothing waiting.
    await expectProblem(await place('customers', 'FAR-ADR', [-70, -40]), 404, 'params.id');
  });

  it('refuses a bad place, an unknown row, a bad page size or cursor with problem+json naming the field', async () => {
    await importCsv('customers', 'id,city\nBAD-PLACE,Berlin\n');
    await expectProblem(await place('customers', 'BAD-PLACE', [200, 95]), 422);
    await expectProblem(
      await post(
        '/api/import/unplaced/customers/BAD-PLACE/place',
        JSON.stringify({ location: { type: 'Point', coordinates: [13, 52] }, extra: 1 }),
        'application/json',
      ),
      422,
    );
    await expectProblem(await place('trees', 'BAD-PLACE', [13, 52]), 400, 'params.kind');
    await expectProblem(await place('customers', 'NOPE', [13, 52]), 404, 'params.id');
    expect(ids(await listed())).toContain('BAD-PLACE');
    await expectProblem(await server.fetch('/api/import/unplaced?limit=5000'), 400, 'query.limit');
    await expectProblem(await server.fetch('/api/import/unplaced?cursor=abc'), 400, 'query.cursor');
  });

  it('lists in pages and discards a row', async () => {
    await importCsv('customers', 'id,city\nPAGE-1,Berlin\nPAGE-2,Potsdam\n');
    const all = await listed();
    const first = await listed('?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(all.total);
    const second = await listed(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    const discarded = await server.fetch('/api/import/unplaced/customers/PAGE-2', {
      method: 'DELETE',
    });
    expect(discarded.status).toBe(204);
    expect(ids(await listed())).not.toContain('PAGE-2');
    expect((await listed()).total).toBe(all.total - 1);
  });

  it('erasing a customer removes the row waiting for a place, and the id cannot come back', async () => {
    await importCsv('customers', 'id,city\nERASE-ME,Berlin\n');
    expect((await server.fetch('/api/customers/ERASE-ME', { method: 'DELETE' })).status).toBe(204);
    expect(ids(await listed())).not.toContain('ERASE-ME');
    const again = await importCsv('customers', 'id,city\nERASE-ME,Berlin\n');
    expect(again.rejected[0]!.errors[0]!.field).toBe('id');
    // A placed customer re-imported with only an address: erasing them removes both.
    await importCsv('customers', 'id,lat,lng\nBOTH,52.5,13.4\n');
    await importCsv('customers', 'id,city\nBOTH,Berlin\n');
    expect(ids(await listed())).toContain('BOTH');
    expect((await server.fetch('/api/customers/BOTH', { method: 'DELETE' })).status).toBe(204);
    expect(ids(await listed())).not.toContain('BOTH');
  });

  it('roles that may not see every customer cannot list, place or discard them', async () => {
    await importCsv('customers', 'id,city\nHIDDEN,Berlin\n');
    for (const role of ['viewer', 'marketer', 'store_manager'] as const) {
      const as = await server.as(role);
      await expectProblem(await as('/api/import/unplaced'), 403);
      await expectProblem(
        await post(
          '/api/import/unplaced/customers/HIDDEN/place',
          JSON.stringify({ location: { type: 'Point', coordinates: [13, 52] } }),
          'application/json',
          as,
        ),
        403,
      );
      await expectProblem(
        await as('/api/import/unplaced/customers/HIDDEN', { method: 'DELETE' }),
        403,
      );
    }
    expect(ids(await listed())).toContain('HIDDEN');
  });

  // Last: it erases the demo customers too.
  it('retention drops customers that waited for a place longer than the retention period', async () => {
    await importCsv('customers', 'id,city\nOLD-WAIT,Berlin\n');
    const patched = await server.fetch('/api/settings', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ retentionMonths: 6 }),
    });
    expect(patched.status).toBe(200);
    applyRetention(server.deps, new Date());
    expect(ids(await listed())).toContain('OLD-WAIT');
    applyRetention(server.deps, new Date(Date.now() + 400 * 86_400_000));
    expect(ids(await listed())).not.toContain('OLD-WAIT');
    const again = await importCsv('customers', 'id,city\nOLD-WAIT,Berlin\n');
    expect(again.rejected[0]!.errors[0]!.field).toBe('id');
  });
});
