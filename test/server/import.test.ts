// POST /api/import/{kind} and its preview against a real server: messy CSV files (BOM, semicolons, tabs, quoted
// newlines, CRLF, Windows-1252, German dates), XLSX and GeoJSON, strict vs lenient, idempotent re-imports, the erasure
// tombstone, and the new customers showing up in audiences and lists as soon as the import commits.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
let server: TestServer;

interface Result {
  inserted: number;
  updated: number;
  rejected: { row: number; errors: { field: string; message: string }[] }[];
  warnings: { code: string; message: string; column?: string }[];
}

const send = (path: string, body: BodyInit, type = 'text/csv', as = server.fetch) =>
  as(path, { method: 'POST', headers: { 'Content-Type': type }, body });
const importFile = async (kind: string, body: BodyInit, query = '', type = 'text/csv') => {
  const response = await send(`/api/import/${kind}${query}`, body, type);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Result;
};
const db = () => new Database(server.dbFile, { readonly: true });
const customerRow = (id: string) => {
  const handle = db();
  try {
    return handle.prepare('SELECT * FROM customers WHERE id = ?').get(id) as
      Record<string, unknown> | undefined;
  } finally {
    handle.close();
  }
};

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
});
afterAll(async () => {
  await server?.close();
});

describe('previewing a file', () => {
  it('detects BOM, semicolons and German headers, and guesses the mapping and date format', async () => {
    const response = await send('/api/import/customers/preview', fixture('bom-semicolon-crlf.csv'));
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      savedMappingId: null,
    });
    expect(preview.headers[0]).toBe('Kundennummer');
    expect(preview.rows).toHaveLength(3);
    expect(preview.rows[2][1]).toBe('Zoë "Zo" Z.');
    expect(preview.rows[2][10]).toBe('Kino;\r\nTheater');
    expect(preview.mapping.columns).toMatchObject({
      Kundennummer: 'id',
      Vorname: 'firstName',
      'E-Mail': 'email',
      Geschlecht: 'gender',
      Alter: 'age',
      Treuestufe: 'loyaltyTier',
      'Letzter Kauf': 'lastPurchaseAt',
      Breitengrad: 'lat',
      Längengrad: 'lng',
      Einwilligung: 'consent',
      Interessen: 'interests',
    });
    expect(preview.mapping.values.gender).toMatchObject({
      w: 'female',
      männlich: 'male',
      F: 'female',
    });
    expect(preview.mapping.dateFormat).toBe('dmy');
    expect(preview.fields.find((f: { name: string }) => f.name === 'gender')).toMatchObject({
      type: 'enum',
      values: ['female', 'male', 'diverse', 'unknown'],
    });
  });

  it('names the latitude column of a file whose coordinates are swapped', async () => {
    const preview = await (
      await send('/api/import/customers/preview', fixture('swapped.csv'))
    ).json();
    expect(preview.warnings).toContainEqual(
      expect.objectContaining({ code: 'swapped-coordinates', column: 'lat' }),
    );
  });

  it('reuses a saved mapping for the same header set', async () => {
    const headers = ['Nummer', 'Rufname', 'Breite', 'Länge'];
    const mapping = {
      columns: { Nummer: 'id', Rufname: 'firstName', Breite: 'lat', Länge: 'lng' },
      values: {},
      dateFormat: null,
    };
    const saved = await send(
      '/api/import/mappings',
      JSON.stringify({ kind: 'customers', headers, mapping }),
      'application/json',
    );
    expect(saved.status).toBe(201);
    const { id } = await saved.json();
    const file = 'rufname,nummer,länge,breite\nRita,M-1,13.4,52.5\n';
    const preview = await (await send('/api/import/customers/preview', file)).json();
    expect(preview.savedMappingId).toBe(id);
    const result = await importFile('customers', file);
    expect(result).toMatchObject({ inserted: 1, rejected: [] });
    expect(customerRow('M-1')).toMatchObject({ first_name: 'Rita', lat: 52.5, lng: 13.4 });
  });
});

describe('importing customers', () => {
  it('imports a BOM + semicolon + CRLF file with German dates, quoted newlines and blank lines', async () => {
    const result = await importFile('customers', fixture('bom-semicolon-crlf.csv'));
    expect(result).toMatchObject({ inserted: 3, updated: 0, rejected: [] });
    expect(customerRow('K-1001')).toMatchObject({
      first_name: 'Anna',
      gender: 'female',
      loyalty_tier: 'gold',
      last_purchase_at: '2026-11-03',
      consent: 1,
      lat: 52.52,
      lng: 13.405,
      interests: '["Radfahren","Kaffee"]',
    });
    expect(customerRow('K-1002')).toMatchObject({
      first_name: 'Jörg; der Zweite',
      gender: 'male',
      consent: 0,
    });
    expect(customerRow('K-1003')).toMatchObject({
      loyalty_tier: 'bronze',
      interests: '["Kino","Theater"]',
    });
  });

  it('refuses a line break inside a one-line field with the row and field named', async () => {
    // A name is one line: a quoted line break in it names the row rather than storing it broken.
    const result = await importFile(
      'customers',
      'id,firstName,lat,lng\nQ-1,"two\nlines",52.5,13.4\n',
    );
    expect(result.rejected).toEqual([
      {
        row: 2,
        errors: [expect.objectContaining({ field: 'firstName', code: 'invalid_format' })],
      },
    ]);
  });

  it('reads tab-separated files with field names as headers, and Windows-1252 umlauts', async () => {
    expect(await importFile('customers', fixture('tabs.csv'))).toMatchObject({
      inserted: 2,
      rejected: [],
    });
    expect(customerRow('T-1')).toMatchObject({ loyalty_tier: 'gold', consent: 1 });
    expect(await importFile('customers', fixture('windows-1252.csv'))).toMatchObject({
      inserted: 2,
    });
    expect(customerRow('W-2')?.first_name).toBe('Björn Größe');
  });

  it('reads one location column (WKT or "lat,lng") and US dates', async () => {
    expect(await importFile('customers', fixture('location-column.csv'))).toMatchObject({
      inserted: 2,
      rejected: [],
    });
    expect(customerRow('L-1')).toMatchObject({
      lng: 13.4,
      lat: 52.52,
      last_purchase_at: '2026-11-03',
    });
    expect(customerRow('L-2')).toMatchObject({
      lng: 13.39,
      lat: 52.51,
      last_purchase_at: '2026-12-31',
    });
  });

  it('a missing consent column means no consent', async () => {
    await importFile('customers', 'id,lat,lng\nNC-1,52.5,13.4\n');
    expect(customerRow('NC-1')?.consent).toBe(0);
  });

  it('lenient mode imports the good rows and names every bad one', async () => {
    const result = await importFile('customers', fixture('bad-rows.csv'), '?mode=lenient');
    expect(result.inserted).toBe(2);
    expect(result.rejected.map((r) => [r.row, r.errors.map((e) => e.field)])).toEqual([
      [3, ['gender']],
      [4, ['age']],
      [5, ['firstName']],
      [6, ['lat']],
    ]);
    expect(customerRow('B-1')).toBeDefined();
    expect(customerRow('B-2')).toBeUndefined();
  });

  it('strict mode applies nothing when any row is bad', async () => {
    const file = readFileSync(
      new URL('../fixtures/import/bad-rows.csv', import.meta.url),
      'utf8',
    ).replace(/B-/g, 'SB-');
    const response = await send('/api/import/customers?mode=strict', file);
    const problem = await expectProblem(response, 422, 'body.rows.3.gender');
    expect(problem).toMatchObject({ inserted: 0, updated: 0 });
    expect(customerRow('SB-1')).toBeUndefined();
    expect(customerRow('SB-6')).toBeUndefined();
  });

  it('strict mode applies a clean file whole', async () => {
    const result = await importFile(
      'customers',
      'id,lat,lng\nSC-1,52.5,13.4\nSC-2,52.5,13.41\n',
      '?mode=strict',
    );
    expect(result).toMatchObject({ inserted: 2, updated: 0, rejected: [] });
  });

  it('numbers rows as a spreadsheet does, blank lines included', async () => {
    const result = await importFile(
      'customers',
      'id,lat,lng\n\nRN-1,52.5,13.4\n\nRN-2,north,13.4\n',
    );
    expect(result.rejected.map((r) => r.row)).toEqual([5]);
  });

  it('reports duplicate ids inside one file', async () => {
    const result = await importFile('customers', fixture('duplicates.csv'));
    expect(result.inserted).toBe(2);
    expect(result.rejected).toEqual([
      {
        row: 4,
        errors: [{ field: 'id', code: 'duplicate_id', message: 'duplicate id D-1 in this file' }],
      },
    ]);
  });

  it('a second import of the same file updates and never duplicates', async () => {
    const file = 'id,firstName,lat,lng\nI-1,Ida,52.5,13.4\nI-2,Ivo,52.5,13.4\n';
    expect(await importFile('customers', file)).toMatchObject({ inserted: 2, updated: 0 });
    expect(await importFile('customers', file.replace('Ida', 'Ida Maria'))).toMatchObject({
      inserted: 0,
      updated: 2,
    });
    const handle = db();
    expect(
      handle.prepare("SELECT count(*) FROM customers WHERE id IN ('I-1', 'I-2')").pluck().get(),
    ).toBe(2);
    handle.close();
    expect(customerRow('I-1')?.first_name).toBe('Ida Maria');
    // A re-import that moves a customer moves them in the spatial index and in audiences too.
    await importFile('customers', 'id,firstName,lat,lng\nI-2,Ivo,-41,-71\n');
    const moved = await (
      await server.fetch('/api/customers?bbox=-71.01,-41.01,-70.99,-40.99')
    ).json();
    expect(moved.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual([
      'I-2',
    ]);
    const check = db();
    const rtree = check
      .prepare('SELECT count(*) FROM customers_rtree WHERE seq NOT IN (SELECT seq FROM customers)')
      .pluck();
    const missing = check
      .prepare('SELECT count(*) FROM customers WHERE seq NOT IN (SELECT seq FROM customers_rtree)')
      .pluck();
    expect([rtree.get(), missing.get()]).toEqual([0, 0]);
    check.close();
  });

  it('an erased customer is not brought back by a re-import', async () => {
    const file = 'id,firstName,lat,lng\nE-1,Erika,52.5,13.4\n';
    await importFile('customers', file);
    expect((await server.fetch('/api/customers/E-1', { method: 'DELETE' })).status).toBe(204);
    const again = await importFile('customers', file);
    expect(again.inserted).toBe(0);
    expect(again.rejected).toEqual([
      {
        row: 2,
        errors: [
          {
            field: 'id',
            code: 'erased_customer',
            message: 'this customer was erased and cannot be imported again',
          },
        ],
      },
    ]);
    expect(customerRow('E-1')).toBeUndefined();
    const handle = db();
    // Only a keyed hash stays behind, never the id.
    expect(JSON.stringify(handle.prepare('SELECT * FROM erased_ids').all())).not.toContain('E-1');
    handle.close();
  });

  it('new customers appear in audiences and in the customer list at once', async () => {
    const area = {
      type: 'Polygon',
      coordinates: [
        [
          [-70.01, -40.01],
          [-69.99, -40.01],
          [-69.99, -39.99],
          [-70.01, -39.99],
          [-70.01, -40.01],
        ],
      ],
    };
    const audience = async () => {
      const response = await send(
        '/api/audience',
        JSON.stringify({ geometry: area }),
        'application/json',
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { count: number; consented: number };
    };
    expect((await audience()).count).toBe(0);
    await importFile(
      'customers',
      'id,lat,lng,consent\nFAR-1,-40,-70,yes\nFAR-2,-40.001,-70.001,no\n',
    );
    expect(await audience()).toMatchObject({ count: 2, consented: 1 });
    const page = await (
      await server.fetch('/api/customers?bbox=-70.01,-40.01,-69.99,-39.99')
    ).json();
    expect(
      page.features.map((f: { properties: { id: string } }) => f.properties.id).sort(),
    ).toEqual(['FAR-1', 'FAR-2']);
  });

  it('reads the first or a chosen sheet of an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['nothing here']);
    const sheet = workbook.addWorksheet('Kunden');
    sheet.addRow(['Kundennummer', 'Vorname', 'Breitengrad', 'Längengrad', 'Letzter Kauf']);
    sheet.addRow(['X-1', 'Xenia', 52.5, 13.4, new Date(Date.UTC(2026, 10, 3))]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const preview = await (
      await send('/api/import/customers/preview?sheet=Kunden', buffer, type)
    ).json();
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Kunden'] });
    expect(preview.rows).toEqual([['X-1', 'Xenia', '52.5', '13.4', '2026-11-03']]);
    expect(await importFile('customers', buffer, '?sheet=Kunden', type)).toMatchObject({
      inserted: 1,
    });
    expect(customerRow('X-1')).toMatchObject({
      first_name: 'Xenia',
      last_purchase_at: '2026-11-03',
    });
    await expectProblem(await send('/api/import/customers?sheet=Nope', buffer, type), 422, 'body');
  });
});

describe('other kinds', () => {
  it('imports stores and neighbourhoods from GeoJSON and purchases from a piped till export', async () => {
    expect(
      await importFile('stores', fixture('stores.geojson'), '', 'application/geo+json'),
    ).toMatchObject({ inserted: 2 });
    const stores = await (await server.fetch('/api/stores')).json();
    expect(stores.features.map((f: { properties: { id: string } }) => f.properties.id)).toContain(
      'ST-IMP-2',
    );
    const boundaries = await importFile(
      'boundaries',
      fixture('boundaries.geojson'),
      '',
      'application/geo+json',
    );
    expect(boundaries.inserted).toBe(1);
    expect(boundaries.rejected).toEqual([
      {
        row: 2,
        errors: [{ field: 'geometry', code: 'invalid_geometry', message: expect.any(String) }],
      },
    ]);
    const purchases = await importFile('purchases', fixture('purchases-pipes.csv'));
    expect(purchases).toMatchObject({ inserted: 2, rejected: [] });
    const handle = db();
    expect(handle.prepare("SELECT * FROM purchases WHERE id = 'R-1'").get()).toMatchObject({
      customer_id: 'K-1001',
      store_id: 'ST-IMP-1',
      purchased_at: '2026-11-03T10:15:00.000Z',
      amount: 12.5,
      product_category: 'Kaffee',
    });
    handle.close();
  });
});

describe('bad files', () => {
  it('an empty file is a 422 naming body', async () => {
    await expectProblem(await send('/api/import/customers', fixture('empty.csv')), 422, 'body');
  });

  it('binary garbage is a 422 naming body', async () => {
    await expectProblem(await send('/api/import/customers', fixture('garbage.bin')), 422, 'body');
  });

  it('another content type is a 415', async () => {
    await expectProblem(
      await send('/api/import/customers', 'a', 'image/png'),
      415,
      'headers.content-type',
    );
  });

  it('a file without an id column names the unmapped field', async () => {
    await expectProblem(
      await send('/api/import/customers', 'name,lat,lng\nA,52,13\n'),
      422,
      'mapping.id',
    );
  });

  it('nothing personal from the files reaches the log', () => {
    const log = server.logLines.join('\n');
    expect(log).toContain('import finished');
    for (const personal of ['anna@example.test', 'Jörg', 'K-1001', 'Xenia', '52.52'])
      expect(log).not.toContain(personal);
  });

  it('each import is in the audit log with its counts, never its rows', async () => {
    const audit = await (await server.fetch('/api/audit?action=import.customers')).json();
    expect(audit.entries.length).toBeGreaterThan(3);
    expect(audit.entries[0]).toMatchObject({
      actor: 'owner@example.test',
      targetType: 'import_job',
      detail: {
        mode: expect.any(String),
        inserted: expect.any(Number),
        rejected: expect.any(Number),
      },
    });
    expect(JSON.stringify(audit)).not.toContain('anna@example.test');
  });

  it('roles without imports:write are refused', async () => {
    const marketer = await server.as('marketer');
    expect(
      (await send('/api/import/customers', 'id,lat,lng\nZ,52,13\n', 'text/csv', marketer)).status,
    ).toBe(403);
  });
});

describe('limits and jobs', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({
      customers: 50,
      imports: { maxBytes: 4000, inlineMaxBytes: 200, batchRows: 10 },
    });
  });
  afterAll(async () => {
    await small?.close();
  });

  const upload = (path: string, body: string) =>
    small.fetch(path, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body });

  it('a file over the size limit is a 413 problem', async () => {
    const big = 'id,lat,lng\n' + 'X,52.5,13.4\n'.repeat(400);
    await expectProblem(await upload('/api/import/customers', big), 413, 'body');
  });

  it('a larger file runs as a job with progress and a rejected-rows CSV', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `J-${i},52.5,${i === 7 ? 'east' : '13.4'}`);
    const response = await upload('/api/import/customers', `id,lat,lng\n${rows.join('\n')}\n`);
    expect(response.status).toBe(202);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/api\/import\/jobs\/imp-/);
    let job = await response.json();
    // A generous bound: the file is read in a worker thread, whose start is slow on a busy machine.
    const deadline = Date.now() + 25_000;
    while (!['done', 'failed'].includes(job.state) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      job = await (await small.fetch(location)).json();
    }
    expect(job).toMatchObject({
      state: 'done',
      rowsDone: 60,
      inserted: 59,
      updated: 0,
      rejected: 1,
      etaSeconds: null,
      firstRejected: [
        {
          row: 9,
          errors: [
            expect.objectContaining({
              field: 'lat',
              code: 'not_a_number',
              message: 'longitude is not a number',
            }),
          ],
        },
      ],
    });
    const list = await (await small.fetch('/api/import/jobs')).json();
    expect(list.jobs[0].id).toBe(job.id);
    const rejected = await small.fetch(`${location}/rejected.csv`);
    expect(rejected.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rejected-customers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const csv = await rejected.text();
    expect(csv).toContain('row,reason,id,lat,lng');
    expect(csv).toContain('9,lat: longitude is not a number,J-7,52.5,east');
    expect((await small.fetch(location, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(
      await small.fetch(`${location}/resume`, { method: 'POST' }),
      409,
      'params.id',
    );
  });
});
