// POST /api/audience, facets and the CSV export against a real server; every scan goes through the worker pool
// (audienceInlineMaxRows: 0), and counts are checked against a brute force with inSegment + Turf over the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { booleanPointInPolygon } from '@turf/turf';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { inSegment } from '../../server/domain/segment.js';
import type { Customer } from '../../server/domain/schemas/customer.js';
import type { AreaGeometry } from '../../server/domain/schemas/geojson.js';
import type { Audience } from '../../server/domain/schemas/audience.js';
import type { Segment } from '../../server/domain/schemas/segment.js';
import { EXPORT_COLUMNS } from '../../server/services/audience/export.js';

const NOW = new Date('2026-11-23T12:00:00Z');
let server: TestServer;

const post = (path: string, body: unknown) =>
  server.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const audienceOf = async (body: unknown) => {
  const response = await post('/api/audience', body);
  expect(response.status).toBe(200);
  return (await response.json()) as Audience;
};

interface Row {
  seq: number;
  id: string;
  first_name: string;
  email: string;
  phone: string;
  lng: number;
  lat: number;
  age: number | null;
  gender: Customer['gender'];
  job_title: string;
  industry: string;
  interests: string;
  loyalty_tier: Customer['loyaltyTier'];
  visits: number;
  total_spend: number;
  last_purchase_at: string | null;
  consent: number;
  home_store_id: string | null;
}
function allCustomers(): Customer[] {
  const db = new Database(server.dbFile, { readonly: true });
  const rows = db.prepare('SELECT * FROM customers').all() as Row[];
  db.close();
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    email: r.email,
    phone: r.phone,
    location: [r.lng, r.lat],
    age: r.age,
    gender: r.gender,
    jobTitle: r.job_title,
    industry: r.industry,
    interests: JSON.parse(r.interests) as string[],
    loyaltyTier: r.loyalty_tier,
    visits: r.visits,
    totalSpend: r.total_spend,
    lastPurchaseAt: r.last_purchase_at,
    consent: r.consent === 1,
    homeStoreId: r.home_store_id,
  }));
}
function bruteForce(geometry: AreaGeometry, segment: Segment = {}) {
  const inside = allCustomers().filter(
    (c) => booleanPointInPolygon(c.location, geometry) && inSegment(c, segment, { at: NOW }),
  );
  return {
    count: inside.length,
    consented: inside.filter((c) => c.consent).length,
    customers: inside,
  };
}

/** Inserts customers straight into SQLite, then tells the index (as an import would). */
let nextId = 1;
function insertCustomers(customers: Partial<Customer>[]): string[] {
  const db = new Database(server.dbFile);
  const insert =
    db.prepare(`INSERT INTO customers (id, first_name, email, phone, lng, lat, age, gender, job_title, industry, interests, loyalty_tier, visits, total_spend, last_purchase_at, consent, home_store_id, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const ids = customers.map((c) => {
    const id = c.id ?? `T${nextId++}`;
    insert.run(
      id,
      c.firstName ?? 'Test',
      c.email ?? `${id}@example.com`,
      c.phone ?? '+49 30 0',
      c.location![0],
      c.location![1],
      c.age ?? 30,
      c.gender ?? 'female',
      c.jobTitle ?? 'Barista',
      c.industry ?? 'Hospitality',
      JSON.stringify(c.interests ?? ['coffee']),
      c.loyaltyTier ?? 'gold',
      c.visits ?? 3,
      c.totalSpend ?? 42,
      c.lastPurchaseAt ?? '2026-11-01',
      c.consent === false ? 0 : 1,
      null,
      NOW.toISOString(),
    );
    return id;
  });
  db.close();
  server.deps.customerIndex.upsertFromDb(ids);
  return ids;
}

// A square far from the demo city with a square hole, so the test's own customers are the only ones there.
const far = (x: number, y: number): [number, number] => [10 + x, 60 + y];
const square = (x0: number, y0: number, x1: number, y1: number) => [
  far(x0, y0),
  far(x1, y0),
  far(x1, y1),
  far(x0, y1),
  far(x0, y0),
];
const holed: AreaGeometry = {
  type: 'Polygon',
  coordinates: [square(0, 0, 0.04, 0.04), [...square(0.01, 0.01, 0.03, 0.03)].reverse()],
};
const city: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [12.9, 52.2],
      [13.9, 52.2],
      [13.9, 52.8],
      [12.9, 52.8],
      [12.9, 52.2],
    ],
  ],
};

beforeAll(async () => {
  server = await startTestServer({ customers: 3000, clock: () => NOW, audienceInlineMaxRows: 0 });
  insertCustomers([
    { location: far(0.005, 0.005) }, // inside
    { location: far(0, 0) }, // outer vertex
    { location: far(0.02, 0) }, // on the outer edge
    { location: far(0.04, 0.0123) }, // on the outer edge
    { location: far(0.02, 0.02) }, // inside the hole
    { location: far(0.01, 0.02) }, // on the hole's edge
    { location: far(0.03, 0.03) }, // on the hole's vertex
    { location: far(0.0400001, 0.02) }, // just outside
    { location: far(0.005, 0.035), consent: false }, // inside, not consented
  ]);
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/audience', () => {
  it('counts edge and vertex points as inside and hole interiors as outside', async () => {
    const body = await audienceOf({ geometry: holed });
    expect(body).toMatchObject({ count: 7, consented: 6 });
    expect(bruteForce(holed)).toMatchObject({ count: 7, consented: 6 });
  });

  it('matches a brute force over the database for a real neighbourhood boundary', async () => {
    const boundaries = (await (await server.fetch('/api/boundaries')).json()) as {
      features: { geometry: AreaGeometry }[];
    };
    for (const { geometry } of boundaries.features.slice(0, 6)) {
      const expected = bruteForce(geometry);
      const body = await audienceOf({ geometry });
      expect({ count: body.count, consented: body.consented }).toEqual({
        count: expected.count,
        consented: expected.consented,
      });
    }
  });

  it('counts a MultiPolygon as the union of its parts', async () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [holed.coordinates, [square(0.1, 0.1, 0.2, 0.2)], city.coordinates],
    };
    const body = await audienceOf({ geometry: multi });
    expect(body.count).toBe(bruteForce(multi).count);
    expect(body.count).toBe(
      (await audienceOf({ geometry: holed })).count! +
        (await audienceOf({ geometry: city })).count!,
    );
  });

  it('reports revenue and every breakdown in the published order', async () => {
    const body = await audienceOf({ geometry: city });
    const expected = bruteForce(city);
    const revenue = expected.customers.reduce((sum, c) => sum + c.totalSpend, 0);
    expect(body.revenue.total).toBeCloseTo(revenue, 1);
    expect(body.revenue.avgSpend).toBeCloseTo(revenue / expected.count, 1);
    expect(body.breakdown.ageBands.map((b) => b.key)).toEqual([
      '<18',
      '18-24',
      '25-34',
      '35-44',
      '45-54',
      '55-64',
      '65+',
      'unknown',
    ]);
    expect(body.breakdown.lapsed.map((b) => b.key)).toEqual([
      '0-29',
      '30-59',
      '60-89',
      '90-179',
      '180+',
      'never',
    ]);
    expect(body.breakdown.genders.map((b) => b.key)).toEqual([
      'female',
      'male',
      'diverse',
      'unknown',
    ]);
    expect(body.breakdown.loyaltyTiers.map((b) => b.key)).toEqual([
      'none',
      'bronze',
      'silver',
      'gold',
    ]);
    for (const list of Object.values(body.breakdown).slice(0, 4))
      expect(list.reduce((s, b) => s + b.count!, 0)).toBe(body.count);
    expect(body.breakdown.jobTitles.length).toBeLessThanOrEqual(10);
    const counts = body.breakdown.jobTitles.map((b) => b.count);
    expect(counts).toEqual([...counts].sort((a, b) => b! - a!));
    const topJob = body.breakdown.jobTitles[0]!;
    expect(topJob.count).toBe(expected.customers.filter((c) => c.jobTitle === topJob.key).length);
    const topInterest = body.breakdown.interests[0]!;
    expect(topInterest.count).toBe(
      expected.customers.filter((c) => c.interests.includes(topInterest.key)).length,
    );
    expect(body.asOf).toBe(NOW.toISOString());
  });

  const segments: [string, Segment][] = [
    ['age range', { ageMin: 25, ageMax: 40 }],
    ['genders', { genders: ['male', 'diverse'] }],
    ['job titles', { jobTitles: ['Nurse', 'Barista', 'Student'] }],
    ['industries', { industries: ['Healthcare'] }],
    ['interests (any of)', { interests: ['cycling', 'yoga'] }],
    ['loyalty tiers', { loyaltyTiers: ['gold', 'silver'] }],
    ['lapsed days', { lapsedDays: 60 }],
    ['active within days', { activeWithinDays: 30 }],
    ['spend range', { minSpend: 100, maxSpend: 400 }],
    ['consented only', { consentedOnly: true }],
    [
      'everything at once',
      {
        ageMin: 25,
        ageMax: 64,
        loyaltyTiers: ['gold', 'silver', 'bronze'],
        lapsedDays: 30,
        interests: ['coffee', 'cycling', 'running'],
      },
    ],
  ];
  it.each(segments)('filters by %s exactly like inSegment', async (_name, segment) => {
    const all = await audienceOf({ geometry: city });
    const body = await audienceOf({ geometry: city, segment });
    const expected = bruteForce(city, segment);
    expect({ count: body.count, consented: body.consented }).toEqual({
      count: expected.count,
      consented: expected.consented,
    });
    expect(body.count).toBeGreaterThan(0);
    expect(body.count).toBeLessThan(all.count!);
  });

  it('filters by home store', async () => {
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { properties: { id: string } }[];
    };
    const storeIds = stores.features.slice(0, 2).map((f) => f.properties.id);
    const body = await audienceOf({ geometry: city, segment: { storeIds } });
    expect(body.count).toBe(bruteForce(city, { storeIds }).count);
    expect(body.count).toBeGreaterThan(0);
  });

  it('counts an upserted customer where they now live and never a removed one', async () => {
    const a: AreaGeometry = { type: 'Polygon', coordinates: [square(0.5, 0.5, 0.6, 0.6)] };
    const b: AreaGeometry = { type: 'Polygon', coordinates: [square(0.7, 0.7, 0.8, 0.8)] };
    const [id] = insertCustomers([{ location: far(0.55, 0.55) }]);
    expect((await audienceOf({ geometry: a })).count).toBe(1);
    const db = new Database(server.dbFile);
    db.prepare('UPDATE customers SET lng = ?, lat = ? WHERE id = ?').run(...far(0.75, 0.75), id);
    db.close();
    server.deps.customerIndex.upsertFromDb([id!]);
    expect((await audienceOf({ geometry: a })).count).toBe(0);
    expect((await audienceOf({ geometry: b })).count).toBe(1);
    // Erasure: the index forgets the customer (by id, while the row still exists), then the row goes.
    expect(server.deps.customerIndex.remove([id!])).toBe(1);
    const writer = new Database(server.dbFile);
    writer.prepare('DELETE FROM customers WHERE id = ?').run(id);
    writer.close();
    expect((await audienceOf({ geometry: b })).count).toBe(0);
    expect(bruteForce(b).count).toBe(0);
  });

  it('answers several large queries at once through the pool, and other requests meanwhile', async () => {
    const expected = await audienceOf({ geometry: city });
    const queries = Array.from({ length: 6 }, () => audienceOf({ geometry: city }));
    const health = server.fetch('/api/health');
    expect((await health).status).toBe(200);
    for (const body of await Promise.all(queries)) expect(body).toEqual(expected);
  });

  it('counts a saved area by its id, and answers 404 for an unknown one', async () => {
    await expectProblem(await post('/api/audience', { areaId: 'nope' }), 404, 'body.areaId');
    const saved = await post('/api/areas', {
      id: 'holed',
      name: 'Holed',
      kind: 'polygon',
      geometry: holed,
    });
    expect(saved.status).toBe(201);
    expect((await audienceOf({ areaId: 'holed' })).count).toBe(7);
    const problem = await expectProblem(
      await post('/api/audience', { areaId: 'missing' }),
      404,
      'body.areaId',
    );
    expect(problem.detail).toBe('no area missing');
  });

  it.each([
    ['an empty body', {}, 'body.areaId'],
    [
      'a ring that is not closed',
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [13.4, 52.5],
              [13.5, 52.5],
              [13.5, 52.6],
              [13.4, 52.6],
            ],
          ],
        },
      },
      'body.geometry.coordinates.0',
    ],
    [
      'a latitude out of range',
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [13.4, 52.5],
              [13.5, 152.5],
              [13.5, 52.6],
              [13.4, 52.5],
            ],
          ],
        },
      },
      'body.geometry.coordinates.0.1.1',
    ],
    [
      'swapped coordinates (Tokyo as [lat, lng])',
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [35.6, 139.7],
              [35.7, 139.7],
              [35.7, 139.8],
              [35.6, 139.7],
            ],
          ],
        },
      },
      'body.geometry.coordinates.0.0.1',
    ],
    [
      'a ring of three positions',
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [13.4, 52.5],
              [13.5, 52.5],
              [13.4, 52.5],
            ],
          ],
        },
      },
      'body.geometry.coordinates.0',
    ],
    ['a Point', { geometry: { type: 'Point', coordinates: [13.4, 52.5] } }, 'body.geometry.type'],
    [
      'ageMin above ageMax',
      { geometry: city, segment: { ageMin: 50, ageMax: 30 } },
      'body.segment.ageMax',
    ],
    ['an unknown segment field', { geometry: city, segment: { colour: 'red' } }, 'body.segment'],
    [
      'an unknown gender',
      { geometry: city, segment: { genders: ['robot'] } },
      'body.segment.genders.0',
    ],
    [
      'a negative lapsedDays',
      { geometry: city, segment: { lapsedDays: -1 } },
      'body.segment.lapsedDays',
    ],
  ])('refuses %s with problem+json naming the field', async (_name, body, field) => {
    await expectProblem(await post('/api/audience', body), 422, field);
  });

  it('refuses malformed JSON with 400', async () => {
    await expectProblem(await post('/api/audience', '{"geometry": '), 400, 'body');
  });
});

describe('GET /api/audience/facets', () => {
  it('lists job titles, industries, interests and stores, most common first, with true counts', async () => {
    const body = (await (await server.fetch('/api/audience/facets')).json()) as Record<
      'jobTitles' | 'industries' | 'interests' | 'stores',
      { key: string; count: number }[]
    >;
    const customers = allCustomers();
    for (const list of Object.values(body)) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((f) => f.count)).toEqual(list.map((f) => f.count).sort((a, b) => b - a));
    }
    expect(body.industries.reduce((s, f) => s + f.count, 0)).toBe(customers.length);
    expect(body.interests.find((f) => f.key === 'coffee')?.count).toBe(
      customers.filter((c) => c.interests.includes('coffee')).length,
    );
    expect(body.stores.reduce((s, f) => s + f.count, 0)).toBe(
      customers.filter((c) => c.homeStoreId !== null).length,
    );
  });
});

/** RFC 4180 parser for checking the export (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('audience export', () => {
  it('streams consented customers only, with a header row, as an attachment', async () => {
    const response = await post('/api/audience/export', {
      geometry: city,
      segment: { consentedOnly: false },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audience-.*\.csv"$/,
    );
    expect(response.headers.get('content-length')).toBeNull(); // streamed, not built up front
    let chunks = 0;
    let text = '';
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks++;
      text += decoder.decode(part.value, { stream: true });
    }
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const expected = bruteForce(city).customers.filter((c) => c.consent);
    expect(rows.map((r) => r[0]).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(chunks).toBeGreaterThan(1);
    const logged = server.logLines.join('\n');
    for (const c of expected.slice(0, 50)) expect(logged).not.toContain(c.email);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const box: AreaGeometry = { type: 'Polygon', coordinates: [square(0.9, 0.9, 0.95, 0.95)] };
    const [id] = insertCustomers([
      {
        location: far(0.92, 0.92),
        firstName: '=HYPERLINK("http://evil","x")',
        jobTitle: '+SUM(1)',
        industry: '-2+3',
        email: '@evil',
        phone: '\tcmd',
        interests: ['=1', 'ok, fine'],
      },
    ]);
    const text = await (await post('/api/audience/export', { geometry: box })).text();
    const [, row] = parseCsv(text);
    const cell = (name: (typeof EXPORT_COLUMNS)[number]) => row![EXPORT_COLUMNS.indexOf(name)];
    expect(cell('id')).toBe(id);
    expect(cell('firstName')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(cell('jobTitle')).toBe("'+SUM(1)");
    expect(cell('industry')).toBe("'-2+3");
    expect(cell('email')).toBe("'@evil");
    expect(cell('phone')).toBe("'\tcmd");
    expect(cell('interests')).toBe("'=1;ok, fine");
    expect(text).toContain('"\'=HYPERLINK(""http://evil"",""x"")"');
  });

  it('applies the segment, and works as a plain GET link for a saved area', async () => {
    expect(
      (await post('/api/areas', { id: 'city', name: 'City', kind: 'polygon', geometry: city }))
        .status,
    ).toBe(201);
    {
      const segment: Segment = { loyaltyTiers: ['gold'] };
      const response = await server.fetch(
        `/api/audience/export?areaId=city&segment=${encodeURIComponent(JSON.stringify(segment))}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(
        /filename="audience-city-2026-11-23\.csv"/,
      );
      const [, ...rows] = parseCsv(await response.text());
      expect(rows.length).toBe(bruteForce(city, { ...segment, consentedOnly: true }).count);
      expect(rows.every((r) => r[EXPORT_COLUMNS.indexOf('loyaltyTier')] === 'gold')).toBe(true);
      await expectProblem(
        await server.fetch(`/api/audience/export?areaId=city&segment=%7Bnope`),
        400,
        'query.segment',
      );
      await expectProblem(
        await server.fetch(
          `/api/audience/export?areaId=city&segment=${encodeURIComponent('{"ageMin":-3}')}`,
        ),
        400,
        'query.segment.ageMin',
      );
      await expectProblem(
        await server.fetch(`/api/audience/export?areaId=elsewhere`),
        404,
        'query.areaId',
      );
    }
  });
});
