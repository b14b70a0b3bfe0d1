// Input the API used to read wrongly (issue 14): numbers in query strings, control characters in stored text,
// positions with extra members, repeated parameters, an export of a shape no area may have, and oversized URLs.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectProblem } from '../helpers/problem.js';
import { MAX_URL_LENGTH } from '../../server/http/guards.js';
import { MAX_HEADER_BYTES } from '../../server/http/client-errors.js';
import { SESSION_COOKIE } from '../../server/services/accounts/auth.js';

let server: TestServer;
let eventId: string;
let campaignId: string;
let storeId: string;

const send = (method: string, path: string, body: unknown) =>
  server.fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const count = (sql: string, ...params: unknown[]) => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  } finally {
    db.close();
  }
};
const square = (lng: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + 0.01, lat],
      [lng + 0.01, lat + 0.01],
      [lng, lat + 0.01],
      [lng, lat],
    ],
  ],
});
const bowtie = {
  type: 'Polygon',
  coordinates: [
    [
      [13.4, 52.5],
      [13.42, 52.52],
      [13.42, 52.5],
      [13.4, 52.52],
      [13.4, 52.5],
    ],
  ],
};

/** A request as written, through node:http: no client-side URL clean-up, and the raw answer even when the parser refuses. */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      {
        method: 'GET',
        headers: {
          Origin: server.url,
          Cookie: `${SESSION_COOKIE}=${server.fetch.session}`,
          ...headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'] ?? '',
            body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startTestServer({ customers: 500 });
  const event = await send('POST', '/api/events', {
    name: 'Street fair',
    category: 'festival',
    location: { type: 'Point', coordinates: [13.41, 52.52] },
    startsAt: '2026-06-01T10:00:00Z',
    endsAt: '2026-06-01T18:00:00Z',
    timezone: 'Europe/Berlin',
  });
  expect(event.status).toBe(201);
  eventId = ((await event.json()) as { id: string }).id;
  const area = await send('POST', '/api/areas', {
    kind: 'radius',
    params: { center: [13.41, 52.52], radiusMeters: 500 },
  });
  const campaign = await send('POST', '/api/campaigns', {
    name: 'Numbers',
    areaIds: [((await area.json()) as { id: string }).id],
    offer: { headline: 'Hello', code: 'NUMBERS' },
    channel: 'in_store',
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2027-01-31T00:00:00Z',
    timezone: 'Europe/Berlin',
  });
  expect(campaign.status).toBe(201);
  campaignId = ((await campaign.json()) as { id: string }).id;
  storeId = server.deps.db.prepare('SELECT id FROM stores LIMIT 1').pluck().get() as string;
});
afterAll(async () => {
  await server?.close();
});

describe('numbers in query strings', () => {
  it('reads lat=&lng=… as a missing latitude and lat=0x34 as no number, not as 0 and 52', async () => {
    await expectProblem(await server.fetch('/api/offers/live?lat=&lng=13.4'), 400, 'query.lat');
    await expectProblem(await server.fetch('/api/offers/live?lat=0x34&lng=13.4'), 400, 'query.lat');
    expect((await server.fetch('/api/offers/live?lat=52.52&lng=13.405')).status).toBe(200);
    expect((await server.fetch('/api/offers/live?lat=-52&lng=%2B13')).status).toBe(200);
  });

  it.each([
    '',
    '0x34',
    '0b1',
    '0o7',
    '1e1',
    '5e-1',
    'Infinity',
    '-Infinity',
    'NaN',
    '%2052',
    '52%20',
    '52.',
    '.5',
    '5_2',
    '1,5',
    '--5',
    'fifty',
  ])('refuses lat=%s naming query.lat', async (value) => {
    await expectProblem(
      await server.fetch(`/api/offers/live?lat=${value}&lng=13.4`),
      400,
      'query.lat',
    );
  });

  // Every numeric query parameter of the API: decimals only, integers as digits only. `{id}` need not exist, the query is read first.
  const numericParameters: [path: string, parameter: string, valid: string][] = [
    ['/api/offers/live?lng=13.4', 'lat', '52.5'],
    ['/api/offers/live?lat=52.5', 'lng', '13.4'],
    ['/api/customers?', 'limit', '10'],
    ['/api/audit?', 'limit', '10'],
    ['/api/audit?', 'before', '10'],
    ['/api/webhooks/deliveries?', 'limit', '10'],
    ['/api/white-space?', 'resolution', '7'],
    ['/api/white-space?', 'minStoreKm', '1.5'],
    ['/api/white-space?', 'minResidents', '100'],
    ['/api/white-space?', 'limit', '5'],
    ['/api/events/{event}/reach?', 'withinMeters', '500'],
    ['/api/campaigns/{campaign}/redemptions?', 'limit', '10'],
    ['/api/import/unplaced?', 'limit', '10'],
    ['/api/campaigns/{campaign}/results?', 'conversionDays', '7'],
    ['/api/choropleth?', 'classes', '5'],
    ['/api/choropleth?', 'resolution', '8'],
    ['/api/events/{event}/reach?', 'walkMinutes', '10'],
    ['/api/huff?', 'resolution', '8'],
    ['/api/huff/stores/{store}/surface?', 'resolution', '8'],
    ['/api/stores/{store}/trade-areas?', 'primary', '70'],
    ['/api/stores/{store}/trade-areas?', 'resolution', '9'],
    ['/api/stores/{store}/trade-areas?', 'secondary', '90'],
  ];

  it('documents these as every numeric query parameter in the OpenAPI document, as numbers', async () => {
    const doc = (await (await server.fetch('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { in: string; name: string; schema: { type?: string | string[] } }[] }
        >
      >;
    };
    // z.coerce.number() showed as ["number", "null"]: any type naming a number counts.
    const isNumeric = (type: string | string[] | undefined) =>
      [type ?? []].flat().some((t) => t === 'number' || t === 'integer');
    const numeric = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.values(operations).flatMap((op) =>
        (op.parameters ?? [])
          .filter((p) => p.in === 'query' && isNumeric(p.schema.type))
          .map((p) => `${path} ${p.name}`),
      ),
    );
    const listed = numericParameters.map(
      ([path, parameter]) =>
        `${path.split('?')[0]!.replace(/\{event\}|\{campaign\}|\{store\}/, '{id}')} ${parameter}`,
    );
    expect(numeric.sort()).toEqual(listed.sort());
  });

  it.each(numericParameters)('%s%s takes plain decimals only', async (path, parameter, valid) => {
    const at = (value: string) =>
      server.fetch(
        `${path.replace('{event}', eventId).replace('{campaign}', campaignId).replace('{store}', storeId)}${path.endsWith('?') ? '' : '&'}${parameter}=${value}`,
      );
    expect((await at(valid)).status).toBe(200);
    for (const value of ['', '0x10', '1e2', 'Infinity', '%2010', '10%20', '%2B-1'])
      await expectProblem(await at(value), 400, `query.${parameter}`);
  });

  it('takes whole numbers as digits only: limit=1e10, limit=10.0 and limit=+5 are refused', async () => {
    for (const value of ['1e10', '10.0', '%2B5', '-1'])
      await expectProblem(await server.fetch(`/api/customers?limit=${value}`), 400, 'query.limit');
  });

  it('reads numbers in a bbox the same way', async () => {
    for (const bbox of [
      '0x0d,52.4,13.5,52.6',
      '13.3,52.4,1.35e1,52.6',
      'Infinity,52.4,13.5,52.6',
    ]) {
      await expectProblem(await server.fetch(`/api/customers?bbox=${bbox}`), 400, 'query.bbox');
    }
  });
});

describe('repeated and clamped query parameters', () => {
  it('refuses a repeated parameter, naming it and saying why', async () => {
    for (const [path, field] of [
      ['/api/customers?bbox=13.3,52.4,13.5,52.6&bbox=0,0,1,1', 'query.bbox'],
      ['/api/customers?limit=5&limit=6', 'query.limit'],
      ['/api/events?category=market&category=festival', 'query.category'],
      ['/api/stores?view=a&view=b', 'query.view'],
    ] as const) {
      const body = await expectProblem(await server.fetch(path), 400, field);
      expect(body.errors?.find((e) => e.field === field)?.message).toMatch(/more than once/);
    }
  });

  it('refuses a page size above the maximum instead of clamping it in silence', async () => {
    const body = await expectProblem(
      await server.fetch('/api/customers?limit=5001'),
      400,
      'query.limit',
    );
    expect(JSON.stringify(body)).toMatch(/5000/);
    expect((await server.fetch('/api/customers?limit=5000')).status).toBe(200);
  });
});

describe('control characters in stored text', () => {
  const point = { type: 'Point', coordinates: [13.41, 52.52] };
  const event = {
    name: 'Night market',
    category: 'market',
    location: point,
    startsAt: '2026-07-01T18:00:00Z',
    endsAt: '2026-07-01T23:00:00Z',
    timezone: 'Europe/Berlin',
  };

  it('refuses an area name holding NUL with 422 naming body.name (it was a 500), and stores nothing', async () => {
    const before = count('SELECT count(*) FROM areas');
    await expectProblem(
      await send('POST', '/api/areas', {
        name: 'Kiez\u0000Nord',
        kind: 'polygon',
        geometry: square(13.4, 52.5),
      }),
      422,
      'body.name',
    );
    await expectProblem(
      await send('POST', '/api/areas', {
        name: '\u0000',
        kind: 'polygon',
        geometry: square(13.4, 52.5),
      }),
      422,
      'body.name',
    );
    expect(count('SELECT count(*) FROM areas')).toBe(before);
  });

  it.each([
    ['NUL', '\u0000'],
    ['a bell', '\u0007'],
    ['an escape sequence', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['a C1 control (NEL)', '\u0085'],
    ['a C1 control (CSI)', '\u009b'],
    ['a line break in a name', '\n'],
    ['a tab in a name', '\t'],
  ])(
    'refuses %s in stores, events, campaigns, users and tokens, naming each field',
    async (_, c) => {
      const before = count(
        'SELECT (SELECT count(*) FROM stores) + (SELECT count(*) FROM events) + (SELECT count(*) FROM campaigns) + (SELECT count(*) FROM users) + (SELECT count(*) FROM api_tokens)',
      );
      await expectProblem(
        await send('POST', '/api/stores', {
          name: `Kiosk${c}Mitte`,
          brand: 'Kiezkaffee',
          location: point,
        }),
        422,
        'body.name',
      );
      await expectProblem(
        await send('POST', '/api/stores', {
          name: 'Kiosk',
          brand: `Kiez${c}kaffee`,
          address: `Torstr.${c} 1`,
          location: point,
        }),
        422,
        'body.address',
      );
      await expectProblem(
        await send('POST', '/api/events', { ...event, name: `Night${c}market` }),
        422,
        'body.name',
      );
      await expectProblem(
        await send('POST', '/api/events', { ...event, category: `mar${c}ket` }),
        422,
        'body.category',
      );
      await expectProblem(
        await send('POST', '/api/events', { ...event, locationText: `Platz${c}1` }),
        422,
        'body.locationText',
      );
      await expectProblem(
        await send('POST', '/api/users', {
          email: `kim-${c.charCodeAt(0)}@example.test`,
          name: `Kim${c}Lee`,
          password: 'a-long-enough-password',
          role: 'viewer',
        }),
        422,
        'body.name',
      );
      await expectProblem(
        await send('POST', '/api/tokens', { name: `till${c}1`, scopes: ['offers:read'] }),
        422,
        'body.name',
      );
      expect(
        count(
          'SELECT (SELECT count(*) FROM stores) + (SELECT count(*) FROM events) + (SELECT count(*) FROM campaigns) + (SELECT count(*) FROM users) + (SELECT count(*) FROM api_tokens)',
        ),
      ).toBe(before);
    },
  );

  it('keeps line breaks and tabs in multi-line text (notes, an offer body) but refuses other controls there', async () => {
    const created = await send('POST', '/api/events', {
      ...event,
      notes: 'Stall 12\n\tnext to the fountain\r\n',
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { properties: { notes: string } }).properties.notes).toBe(
      'Stall 12\n\tnext to the fountain\r\n',
    );
    await expectProblem(
      await send('POST', '/api/events', { ...event, notes: 'Stall\u000012' }),
      422,
      'body.notes',
    );
    await expectProblem(
      await send('POST', '/api/events', { ...event, notes: 'Stall\u000b12' }),
      422,
      'body.notes',
    );
  });

  it('refuses control characters in campaign texts and segment values', async () => {
    const area = await send('POST', '/api/areas', {
      name: 'Campaign area',
      kind: 'polygon',
      geometry: square(13.45, 52.5),
    });
    const areaId = ((await area.json()) as { properties: { id: string } }).properties.id;
    const campaign = (over: Record<string, unknown>) => ({
      name: 'Rainy day',
      areaIds: [areaId],
      offer: { headline: 'Rain', code: 'RAIN14', body: 'Line 1\nLine 2' },
      channel: 'print',
      startsAt: '2026-11-01T00:00:00Z',
      endsAt: '2026-12-01T00:00:00Z',
      timezone: 'Europe/Berlin',
      ...over,
    });
    const before = count('SELECT count(*) FROM campaigns');
    await expectProblem(
      await send('POST', '/api/campaigns', campaign({ name: 'Rainy\u0000day' })),
      422,
      'body.name',
    );
    await expectProblem(
      await send(
        'POST',
        '/api/campaigns',
        campaign({ offer: { headline: 'Rain\u0000', code: 'RAIN14' } }),
      ),
      422,
      'body.offer.headline',
    );
    await expectProblem(
      await send(
        'POST',
        '/api/campaigns',
        campaign({ offer: { headline: 'Rain', code: 'RAIN14', body: 'Show\u0000this' } }),
      ),
      422,
      'body.offer.body',
    );
    await expectProblem(
      await send('POST', '/api/campaigns', campaign({ segment: { interests: ['coffee\u0000'] } })),
      422,
      'body.segment.interests.0',
    );
    await expectProblem(
      await send(
        'POST',
        '/api/campaigns',
        campaign({ triggers: [{ type: 'event', category: 'mar\u0000ket', withinMeters: 500 }] }),
      ),
      422,
      'body.triggers.0.category',
    );
    expect(count('SELECT count(*) FROM campaigns')).toBe(before);
    expect((await send('POST', '/api/campaigns', campaign({}))).status).toBe(201);
  });

  it('refuses control characters in the URLs it keeps (webhook target, calendar feed)', async () => {
    for (const [path, method, body] of [
      ['/api/settings/webhook', 'PATCH', { url: 'https://hooks.example/\u0000catchment' }],
      [
        '/api/events/import',
        'POST',
        { url: 'https://calendar.example/\u001b[2Jcity.ics', subscribe: true },
      ],
    ] as const) {
      const problem = await expectProblem(await send(method, path, body), 422, 'body.url');
      expect(problem.errors?.find((e) => e.field === 'body.url')?.message).toMatch(
        /control characters/,
      );
    }
    expect(count('SELECT count(*) FROM event_feeds')).toBe(0);
  });

  it('refuses control characters in renames too', async () => {
    const created = await send('POST', '/api/areas', {
      name: 'Rename me',
      kind: 'polygon',
      geometry: square(13.38, 52.5),
    });
    const id = ((await created.json()) as { properties: { id: string } }).properties.id;
    await expectProblem(
      await send('PATCH', `/api/areas/${id}`, { name: 'Renamed\u0000', version: 1 }),
      422,
      'body.name',
    );
    expect(count('SELECT count(*) FROM areas WHERE id = ? AND name = ?', id, 'Rename me')).toBe(1);
  });
});

describe('positions', () => {
  it('accepts [lng, lat] and [lng, lat, altitude] and refuses more members, storing nothing', async () => {
    const store = (coordinates: unknown[]) =>
      send('POST', '/api/stores', {
        name: 'Pin',
        brand: 'Kiezkaffee',
        location: { type: 'Point', coordinates },
      });
    const before = count('SELECT count(*) FROM stores');
    await expectProblem(await store([13.4, 52.5, 1, 2, 3]), 422, 'body.location.coordinates');
    await expectProblem(await store([13.4, 52.5, 34, 1]), 422, 'body.location.coordinates');
    await expectProblem(await store([13.4]), 422, 'body.location.coordinates.1');
    expect(count('SELECT count(*) FROM stores')).toBe(before);
    expect((await store([13.4, 52.5])).status).toBe(201);
    expect((await store([13.4, 52.5, 34])).status).toBe(201);
  });

  it('refuses extra members in an area outline, a radius centre and an event place', async () => {
    const before = count('SELECT count(*) FROM areas');
    const outline = {
      type: 'Polygon',
      coordinates: [
        [
          [13.4, 52.5, 1, 2, 3],
          [13.41, 52.5],
          [13.41, 52.51],
          [13.4, 52.51],
          [13.4, 52.5, 1, 2, 3],
        ],
      ],
    };
    await expectProblem(
      await send('POST', '/api/areas', { name: 'Odd outline', kind: 'polygon', geometry: outline }),
      422,
      'body.geometry.coordinates[0][0]',
    );
    await expectProblem(
      await send('POST', '/api/areas', {
        name: 'Odd centre',
        kind: 'radius',
        params: { center: [13.4, 52.5, 1, 2, 3], radiusMeters: 500 },
      }),
      422,
      'body.params.center',
    );
    expect(count('SELECT count(*) FROM areas')).toBe(before);
    await expectProblem(
      await send('POST', '/api/events', {
        name: 'Fair',
        category: 'market',
        location: { type: 'Point', coordinates: [13.4, 52.5, 1, 2, 3] },
        startsAt: '2026-06-01T10:00:00Z',
        endsAt: '2026-06-01T18:00:00Z',
        timezone: 'Europe/Berlin',
      }),
      422,
      'body.location.coordinates',
    );
  });
});

describe('audience export', () => {
  it('refuses a self-intersecting polygon that POST /api/areas refuses, with 422 naming the geometry, and exports nothing', async () => {
    await expectProblem(
      await send('POST', '/api/areas', { name: 'Bow tie', kind: 'polygon', geometry: bowtie }),
      422,
      'body.geometry.coordinates[0][0]',
    );
    const response = await send('POST', '/api/audience/export', { geometry: bowtie });
    const body = await expectProblem(response, 422, 'body.geometry.coordinates[0][0]');
    expect(body.detail).toMatch(/crosses itself/);
  });

  it('still counts a self-intersecting shape while it is being drawn', async () => {
    expect((await send('POST', '/api/audience', { geometry: bowtie })).status).toBe(200);
  });

  it('exports a valid drawn polygon', async () => {
    const response = await send('POST', '/api/audience/export', { geometry: square(13.4, 52.5) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    await response.text();
  });
});

describe('oversized URLs and headers', () => {
  const area = 'ar-unknown';
  const segmentOf = (length: number) =>
    encodeURIComponent(JSON.stringify({ interests: ['x'.repeat(length)] }));

  it(`answers a URL over ${MAX_URL_LENGTH.toLocaleString('en')} characters with 414 problem+json naming the longest parameter`, async () => {
    const response = await rawGet(
      `/api/audience/export?areaId=${area}&segment=${segmentOf(MAX_URL_LENGTH)}`,
    );
    expect(response.status).toBe(414);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.body)).toMatchObject({
      status: 414,
      errors: [{ field: 'query.segment' }],
    });
  });

  it('answers a 20,000-character segment (more header than the server takes) with 431 problem+json, not a bare status line', async () => {
    const response = await rawGet(
      `/api/audience/export?areaId=${area}&segment=${segmentOf(20_000)}`,
    );
    expect(response.status).toBe(431);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.body)).toMatchObject({
      status: 431,
      title: expect.any(String),
      detail: expect.stringMatching(/16,384/),
    });
  });

  it('answers oversized headers with 431 problem+json', async () => {
    const response = await rawGet('/api/health', { 'X-Padding': 'x'.repeat(MAX_HEADER_BYTES) });
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toMatchObject({ status: 431 });
  });

  it('documents segment limits that fit in the URL the server accepts', async () => {
    const doc = (await (await server.fetch('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { in: string; name: string; schema: { maxLength?: number } }[] }
        >
      >;
    };
    const segments = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).flatMap((op) =>
        (op.parameters ?? []).filter((p) => p.in === 'query' && p.name === 'segment'),
      ),
    );
    // Event reach and sites, the customer tiles, the area list and white space all take one.
    expect(segments.length).toBeGreaterThanOrEqual(5);
    for (const p of segments) expect(p.schema.maxLength).toBeLessThanOrEqual(MAX_URL_LENGTH / 2);
  });

  it('answers a segment over its documented limit but within the URL limit with 400 naming query.segment', async () => {
    const url = `/api/events/${eventId}/reach?segment=${segmentOf(4_100)}`;
    expect(url.length).toBeLessThan(MAX_URL_LENGTH);
    await expectProblem(await server.fetch(url), 400, 'query.segment');
  });
});
