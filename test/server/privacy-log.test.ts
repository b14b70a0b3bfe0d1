// Nothing personal reaches the log: a whole working session (sign-ins, lists, reads, counts, an export, an erasure,
// failed sign-ins with a customer's email as the user name, a retention run) and then every line the server logged
// is searched for every customer's email, phone, first name and id, and for the passwords used.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyRetention } from '../../server/services/customers/retention.js';
import {
  OWNER_EMAIL,
  OWNER_PASSWORD,
  personalDataIn,
  startTestServer,
  type TestServer,
} from '../helpers/server.js';

let server: TestServer;
const now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ customers: 300, clock: () => now });
});
afterAll(async () => {
  await server?.close();
});

const json = (body: unknown, method = 'POST') => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const everywhere = {
  type: 'Polygon',
  coordinates: [
    [
      [12, 51],
      [15, 51],
      [15, 54],
      [12, 54],
      [12, 51],
    ],
  ],
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

it('logs no customer email, phone, first name or id, and no password, through a whole session', async () => {
  const customers = server.deps.db
    .prepare(
      'SELECT id, first_name AS firstName, email, phone, home_store_id AS store FROM customers',
    )
    .all() as {
    id: string;
    firstName: string;
    email: string;
    phone: string;
    store: string | null;
  }[];
  const victim = customers[0]!;
  const managerPassword = 'store-manager-secret-password';
  const manager = await server.as('store_manager', {
    storeIds: [victim.store!],
    password: managerPassword,
  });
  const marketerPassword = 'marketer-secret-password';
  const marketer = await server.as('marketer', { password: marketerPassword });

  for (const f of [server.fetch, manager]) {
    expect((await f('/api/customers?limit=50')).status).toBe(200);
    expect((await f(`/api/customers/${victim.id}`)).status).toBe(200);
    expect(
      (
        await f(
          '/api/audience',
          json({ geometry: everywhere, segment: { storeIds: [victim.store] } }),
        )
      ).status,
    ).toBe(200);
    expect((await f('/api/audience/export', json({ geometry: everywhere }))).status).toBe(200);
  }
  expect((await marketer('/api/audience', json({ geometry: everywhere }))).status).toBe(200);
  expect((await marketer(`/api/customers/${victim.id}`)).status).toBe(403);
  expect((await server.fetch('/api/customers?bbox=not-a-bbox')).status).toBe(400);
  expect((await server.fetch(`/api/customers/${victim.id}`, { method: 'DELETE' })).status).toBe(
    204,
  );
  expect((await server.fetch(`/api/customers/${victim.id}`)).status).toBe(404);
  for (const email of [customers[1]!.email, customers[2]!.email, customers[2]!.email]) {
    const failed = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ email, password: 'guessed-password-123' }),
    });
    expect([401, 429]).toContain(failed.status);
  }
  await server.fetch('/api/settings', json({ retentionMonths: 3 }, 'PATCH'));
  expect(applyRetention(server.deps, now)).toBeGreaterThan(0);

  const log = server.logLines.join('\n');
  expect(log).toContain('"request"'); // the log did see the session
  const leaks: string[] = [];
  for (const c of customers) {
    for (const value of [c.id, c.email, c.phone]) if (log.includes(value)) leaks.push(value);
    // Names are whole words (case-sensitive): "Ida" must not match ":id".
    if (new RegExp(`\\b${escape(c.firstName)}\\b`).test(log)) leaks.push(c.firstName);
  }
  for (const password of [
    OWNER_PASSWORD,
    managerPassword,
    marketerPassword,
    'guessed-password-123',
  ])
    if (log.includes(password)) leaks.push(password);
  expect(leaks).toEqual([]);
});

it('has every test server check its own log at close, and that check finds a leaked email, phone or id', () => {
  const c = server.deps.db.prepare('SELECT id, email, phone FROM customers LIMIT 1').get() as {
    id: string;
    email: string;
    phone: string;
  };
  const line = (value: string) =>
    JSON.stringify({ level: 'info', message: 'request', note: value });
  expect(personalDataIn([line('nothing here')], server.dbFile)).toEqual([]);
  expect(personalDataIn([line(c.email)], server.dbFile)).toEqual([c.email]);
  expect(personalDataIn([line(`customer ${c.id} seen`)], server.dbFile)).toEqual([c.id]);
  expect(personalDataIn([line(`call ${c.phone}`)], server.dbFile)).toEqual([c.phone]);
  expect(personalDataIn([line(OWNER_EMAIL)], server.dbFile)).toEqual([OWNER_EMAIL]);
});
