// Imported rows with only an address, with a geocoder configured: a local fake Nominatim on loopback answers. The
// requests keep the rate (spacing measured from the fake's own arrival times), the cache spares a second request
// for the same address, a 503 is retried, and time-outs and unknown addresses leave the row needing a place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startFakeGeocoder, type FakeGeocoder } from '../helpers/fake-geocoder.js';

const RATE = 5;
const INTERVAL_MS = 1000 / RATE;
// The first request also opens the connection; later ones reuse it and may arrive a little sooner after it.
const CONNECT_SLACK_MS = 25;

let server: TestServer;
let geocoder: FakeGeocoder;

interface Listed {
  items: { id: string; state: string }[];
  total: number;
  geocoding: number;
}

const importCsv = async (csv: string) => {
  const response = await server.fetch('/api/import/customers', {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: csv,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { inserted: number; needsPlace: number; geocoding: number };
};
const listed = async () => (await (await server.fetch('/api/import/unplaced')).json()) as Listed;
/** Waits until the geocoder has no row left to look up (the list says how many it still has). */
async function geocodingDone(): Promise<Listed> {
  for (let i = 0; i < 400; i++) {
    const list = await listed();
    if (list.geocoding === 0) return list;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the geocoder did not finish');
}
const placeOf = async (id: string) => {
  const response = await server.fetch(`/api/customers/${id}`);
  return response.status === 200
    ? ((await response.json()) as { geometry: { coordinates: number[] } }).geometry.coordinates
    : null;
};
const stateOf = (list: Listed, id: string) => list.items.find((item) => item.id === id)?.state;

beforeAll(async () => {
  geocoder = await startFakeGeocoder();
  server = await startTestServer({
    customers: 50,
    env: {
      CATCHMENT_GEOCODER_URL: geocoder.url,
      CATCHMENT_GEOCODER_RATE: String(RATE),
      CATCHMENT_GEOCODER_TIMEOUT_MS: '300',
    },
    geocoder: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  });
});
afterAll(async () => {
  await server?.close();
  await geocoder?.close();
});

describe('geocoding imported addresses', () => {
  it('places rows by address, one request per 1/rate seconds, and keeps the job view counting', async () => {
    const addresses = [
      'Hauptstr. 1, 10115 Berlin',
      'Torstr. 2, 10119 Berlin',
      'Alexanderplatz 3, 10178 Berlin',
      'Kantstr. 4, 10623 Berlin',
    ];
    addresses.forEach((address, i) =>
      geocoder.places.set(address.toLowerCase(), [13.4 + i / 100, 52.5]),
    );
    const before = geocoder.requests.length;
    const result = await importCsv(
      [
        'id;Straße;PLZ;Ort',
        ...addresses.map((a, i) => `GEO-${i};${a.replace(', ', ';').replace(' B', ';B')}`),
      ].join('\n'),
    );
    expect(result.inserted).toBe(0);
    expect(result.needsPlace + result.geocoding).toBe(4);
    expect(result.geocoding).toBeGreaterThan(0);
    expect((await geocodingDone()).total).toBe(0);
    const { jobs } = (await (await server.fetch('/api/import/jobs')).json()) as {
      jobs: { kind: string; needsPlace: number; geocoding: number }[];
    };
    expect(jobs[0]).toMatchObject({ kind: 'customers', needsPlace: 0, geocoding: 0 });
    for (let i = 0; i < 4; i++) expect(await placeOf(`GEO-${i}`)).toEqual([13.4 + i / 100, 52.5]);

    const sent = geocoder.requests.slice(before);
    expect(sent.map((r) => r.q)).toEqual(addresses);
    expect(sent.every((r) => r.format === 'jsonv2' && r.limit === '1')).toBe(true);
    expect(sent[0]!.userAgent).toMatch(/Catchment/);
    // The first request also opens the connection, so on a loaded machine it can arrive late and the next one seem
    // early (101 ms after it was seen once). From the second on, a late arrival shortens one gap but not the span: the
    // span is what shows the limiter (geocoding-rate.test.ts checks its spacing exactly, on a fake clock).
    for (let i = 2; i < sent.length; i++)
      expect(sent[i]!.at - sent[1]!.at).toBeGreaterThanOrEqual(
        (i - 1) * INTERVAL_MS - CONNECT_SLACK_MS,
      );
    // Addresses are personal data: the log has counts only.
    const log = server.logLines.join('\n');
    expect(log).toContain('geocoded imported rows');
    expect(log).not.toMatch(/Hauptstr|Torstr/i);
  });

  it('asks nothing for an address it has looked up before, however it is spelled', async () => {
    const before = geocoder.requests.length;
    await importCsv('id,address\nCACHED,"  HAUPTSTR. 1 ,  10115   berlin "\n');
    await geocodingDone();
    expect(await placeOf('CACHED')).toEqual([13.4, 52.5]);
    expect(geocoder.requests.length).toBe(before);
  });

  it('retries after a 503 and places the row when the next answer comes', async () => {
    geocoder.places.set('retry lane 5, berlin', [13.45, 52.51]);
    geocoder.script({ status: 503, body: 'busy' });
    const before = geocoder.requests.length;
    await importCsv('id,address\nRETRY,"Retry Lane 5, Berlin"\n');
    await geocodingDone();
    expect(await placeOf('RETRY')).toEqual([13.45, 52.51]);
    const sent = geocoder.requests.slice(before);
    expect(sent.map((r) => r.q)).toEqual(['Retry Lane 5, Berlin', 'Retry Lane 5, Berlin']);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(INTERVAL_MS - CONNECT_SLACK_MS);
  });

  it('leaves a row needing a place when the geocoder times out on every try', async () => {
    geocoder.places.set('slow road 1, berlin', [13.3, 52.4]);
    geocoder.script(
      { status: 200, body: '[]', delayMs: 1500 },
      { status: 200, body: '[]', delayMs: 1500 },
      { status: 200, body: '[]', delayMs: 1500 },
    );
    const before = geocoder.requests.length;
    await importCsv('id,address\nSLOW,"Slow Road 1, Berlin"\n');
    const list = await geocodingDone();
    expect(stateOf(list, 'SLOW')).toBe('failed');
    expect(geocoder.requests.length - before).toBe(3);
    expect(await placeOf('SLOW')).toBeNull();
    geocoder.script();
  });

  it('leaves a row needing a place when the geocoder finds nothing', async () => {
    await importCsv('id,address\nNOWHERE,"Nowhere 0, Atlantis"\n');
    const list = await geocodingDone();
    expect(stateOf(list, 'NOWHERE')).toBe('not_found');
    expect(await placeOf('NOWHERE')).toBeNull();
  });
});
