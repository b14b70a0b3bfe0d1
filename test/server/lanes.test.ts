// Lanes (server/http/lanes.ts) answer a till's repeated live-offers lookup and a map's list reloads before Hono, with
// exactly the app's answer; every other request, refusals included, is left to the app and answered as before.
import { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanesFirst } from '../../server/http/lanes.js';
import { HEAVY_ROUTES } from '../../server/http/heavy-routes.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let till: string;
let tillId: string;
let areasOnly: string;

const RAINY = '/api/offers/live?lat=52.52&lng=13.41&at=2026-11-24T07%3A00%3A00Z';

const send = (path: string, method: string, body: unknown) =>
  server.fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const tokenFor = async (scopes: string[]) => {
  const response = await send('/api/tokens', 'POST', { name: `till ${scopes.join(' ')}`, scopes });
  expect(response.status).toBe(201);
  return (await response.json()) as { secret: string; token: { id: string } };
};
const asTill = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers: { Authorization: `Bearer ${till}`, ...headers } });

/** A request as Node's parser hands it over, and an answer no socket reads: does a lane take it? */
function laneTakes(
  url: string,
  options: { method?: string; rawHeaders?: string[] } = {},
): { taken: boolean; status: number; written: boolean } {
  const incoming = new IncomingMessage(null as never);
  incoming.method = options.method ?? 'GET';
  incoming.url = url;
  incoming.rawHeaders = options.rawHeaders ?? ['Authorization', `Bearer ${till}`];
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    const name = incoming.rawHeaders[i]!.toLowerCase();
    incoming.headers[name] ??= incoming.rawHeaders[i + 1];
  }
  const outgoing = new ServerResponse(incoming);
  let toApp = false;
  lanesFirst(server.deps, () => void (toApp = true))(incoming, outgoing);
  return { taken: !toApp, status: outgoing.statusCode, written: outgoing.headersSent };
}

/** Everything an answer says but its Date. */
async function answerOf(response: Response) {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
  return { status: response.status, headers, body: await response.text() };
}

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
  const area = await send('/api/areas', 'POST', {
    name: 'Café corner',
    kind: 'radius',
    params: { center: [13.41, 52.52], radiusMeters: 600 },
  });
  expect(area.status).toBe(201);
  const areaId = ((await area.json()) as { properties: { id: string } }).properties.id;
  const dry = {
    temperatureC: 8,
    precipitationMmH: 0,
    snowfallCmH: 0,
    windKmh: 10,
    cloudCoverPct: 60,
  };
  const rain = {
    bbox: [13.38, 52.5, 13.45, 52.54],
    from: '2026-11-24T06:00:00Z',
    to: '2026-11-24T10:00:00Z',
    set: { precipitationMmH: 2.5 },
  };
  expect((await send('/api/weather/scenario', 'PUT', { default: dry, cells: [rain] })).status).toBe(
    200,
  );
  const campaign = await send('/api/campaigns', 'POST', {
    name: 'Rainy-day latte',
    areaIds: [areaId],
    offer: { headline: '20% off when it rains', code: 'RAIN20', discountPercent: 20 },
    channel: 'in_store',
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: '2027-02-28T23:59:59Z',
    timezone: 'Europe/Berlin',
    status: 'active',
    triggerMode: 'all',
    triggers: [{ type: 'weather', condition: 'rain', threshold: 1 }],
  });
  expect(campaign.status).toBe(201);
  const created = await tokenFor(['offers:read']);
  till = created.secret;
  tillId = created.token.id;
  areasOnly = (await tokenFor(['areas:read'])).secret;
});
afterAll(async () => {
  await server?.close();
});

describe("a till's live-offers lane", () => {
  it('answers a query the app has accepted with exactly the app’s answer, and logs it the same way', async () => {
    expect(laneTakes(RAINY).taken).toBe(false); // not yet parsed by the app
    const fromApp = await answerOf(await asTill(RAINY));
    expect(fromApp.status).toBe(200);
    expect(JSON.parse(fromApp.body).offers.map((o: { code: string }) => o.code)).toEqual([
      'RAIN20',
    ]);

    expect(laneTakes(RAINY)).toEqual({ taken: true, status: 200, written: true });
    const logged = server.logLines.length;
    expect(await answerOf(await asTill(RAINY))).toEqual(fromApp);
    const line = server.logLines.slice(logged).find((l) => l.includes('"message":"request"'));
    expect(JSON.parse(line!)).toMatchObject({
      method: 'GET',
      route: '/api/offers/live',
      status: 200,
    });
  });

  it('leaves every other request to the app, which answers it as before', async () => {
    await asTill(RAINY);
    const others: [string, Parameters<typeof laneTakes>[1]][] = [
      [RAINY, { method: 'HEAD' }],
      [RAINY, { method: 'POST' }],
      [RAINY.replace('/live?', '/live/?'), {}],
      [RAINY.replace('/live?', '/lively?'), {}],
      ['/api/offers/live?lat=52.521&lng=13.41', {}], // a query the app has not parsed yet
      [RAINY, { rawHeaders: ['Authorization', 'Bearer ctk_unknown'] }],
      [RAINY, { rawHeaders: ['Authorization', `Bearer ${areasOnly}`] }],
      [RAINY, { rawHeaders: ['Cookie', 'catchment_session=whatever'] }],
      [
        RAINY,
        { rawHeaders: ['Authorization', `Bearer ${till}`, 'Authorization', `Bearer ${till}`] },
      ],
      [RAINY, { rawHeaders: ['Authorization', `Bearer ${till}`, 'Content-Length', '5'] }],
      [RAINY, { rawHeaders: ['Authorization', `Bearer ${till}`, 'Transfer-Encoding', 'chunked'] }],
    ];
    for (const [url, options] of others)
      expect(laneTakes(url, options), `${options?.method ?? 'GET'} ${url}`).toEqual({
        taken: false,
        status: 200,
        written: false,
      });

    await expectProblem(await asTill(RAINY, { Authorization: 'Bearer ctk_unknown' }), 401);
    expect((await asTill(RAINY, { Authorization: `Bearer ${areasOnly}` })).status).toBe(403);
    // fetch joins two headers of one name; the app finds no single token in them.
    await expectProblem(
      await asTill(RAINY, { Authorization: `Bearer ${till}, Bearer ${till}` }),
      401,
    );
    await expectProblem(await asTill('/api/offers/live?lat=91&lng=13.41'), 400, 'query.lat');
    await expectProblem(await asTill(`${RAINY}&lat=52.5`), 400, 'query.lat');
  });

  it('refuses a revoked token at once, even for a lookup the lane answered before', async () => {
    await asTill(RAINY);
    expect(laneTakes(RAINY).taken).toBe(true);
    expect((await server.fetch(`/api/tokens/${tillId}`, { method: 'DELETE' })).status).toBe(204);
    expect(laneTakes(RAINY).taken).toBe(false);
    await expectProblem(await asTill(RAINY), 401);
  });

  it('serves a lookup that is never heavy, so no shed or slot applies to it', () => {
    expect(
      HEAVY_ROUTES.filter((r) => r.method === 'GET' && r.path.test('/api/offers/live')),
    ).toEqual([]);
  });
});

describe('the list lanes', () => {
  const plain = () => `catchment_session=${server.fetch.session}`;
  // Quoted, the cookie is the app's to read (lanes read only plain ones): how the app's own 304 is seen here.
  const quoted = () => `catchment_session="${server.fetch.session}"`;
  const get = (path: string, headers: Record<string, string>) =>
    fetch(server.url + path, { headers });

  for (const path of ['/api/stores', '/api/areas'])
    it(`${path}: a reload is answered from the list the route kept, 200 and 304 alike, as the app answers it`, async () => {
      const fromApp = await answerOf(await get(path, { Cookie: plain() }));
      expect(fromApp.status).toBe(200);
      expect(laneTakes(path, { rawHeaders: ['Cookie', plain()] })).toEqual({
        taken: true,
        status: 200,
        written: true,
      });
      expect(await answerOf(await get(path, { Cookie: plain() }))).toEqual(fromApp);

      const etag = fromApp.headers.etag!;
      expect(
        laneTakes(path, { rawHeaders: ['Cookie', quoted(), 'If-None-Match', etag] }).taken,
      ).toBe(false);
      const unchangedFromApp = await answerOf(
        await get(path, { Cookie: quoted(), 'If-None-Match': etag }),
      );
      expect(unchangedFromApp).toMatchObject({ status: 304, body: '' });
      expect(laneTakes(path, { rawHeaders: ['Cookie', plain(), 'If-None-Match', etag] })).toEqual({
        taken: true,
        status: 304,
        written: true,
      });
      expect(await answerOf(await get(path, { Cookie: plain(), 'If-None-Match': etag }))).toEqual(
        unchangedFromApp,
      );
    });

  it('after a write the new list is the route’s to make, then the lane’s to repeat', async () => {
    const before = await get('/api/areas', { Cookie: plain() });
    const created = await send('/api/areas', 'POST', {
      name: 'Second corner',
      kind: 'radius',
      params: { center: [13.4, 52.51], radiusMeters: 300 },
    });
    expect(created.status).toBe(201);
    expect(laneTakes('/api/areas', { rawHeaders: ['Cookie', plain()] }).taken).toBe(false);
    const after = await answerOf(await get('/api/areas', { Cookie: plain() }));
    expect(after.headers.etag).not.toBe(before.headers.get('etag'));
    expect(after.body).toContain('Second corner');
    expect(laneTakes('/api/areas', { rawHeaders: ['Cookie', plain()] }).taken).toBe(true);
  });

  it('leaves a segment, a caller without the permission and an unknown session to the app', async () => {
    await get('/api/areas', { Cookie: plain() });
    const offersOnly = (await tokenFor(['offers:read'])).secret;
    for (const [url, rawHeaders] of [
      ['/api/areas?segment=%7B%7D', ['Cookie', plain()]],
      ['/api/areas', ['Authorization', `Bearer ${offersOnly}`]],
      ['/api/areas', ['Cookie', 'catchment_session=unknown']],
      ['/api/areas', ['Cookie', `${plain()}; ${plain()}`]],
    ] as const)
      expect(laneTakes(url, { rawHeaders: [...rawHeaders] }).taken, `${url} ${rawHeaders[0]}`).toBe(
        false,
      );
    expect((await get('/api/areas', { Authorization: `Bearer ${offersOnly}` })).status).toBe(403);
    const unknown = await get('/api/areas', { Cookie: 'catchment_session=unknown' });
    await expectProblem(unknown, 401);
    expect(unknown.headers.get('set-cookie')).toContain('catchment_session=;');
  });
});
