// Expired sessions leave the database: the daily retention run deletes the ones idle too long and the ones past their
// absolute expiry (both already refused at sign-in), and keeps the ones still in use.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertSession } from '../../server/db/repos/sessions.js';
import { SESSION_IDLE_MS } from '../../server/services/accounts/auth.js';
import { scheduleRetention } from '../../server/services/customers/retention.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ customers: 50 });
});
afterAll(async () => {
  await server?.close();
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

it('the daily retention run deletes sessions idle too long or past their expiry, and keeps live ones', async () => {
  const { db } = server.deps;
  const userId = db
    .prepare("SELECT id FROM users WHERE role = 'owner' LIMIT 1")
    .pluck()
    .get() as string;
  const now = new Date();
  const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const session = (idHash: string, lastSeen: number, expires: number) =>
    insertSession(db, {
      idHash,
      userId,
      createdAt: iso(-2 * DAY),
      lastSeenAt: iso(lastSeen),
      expiresAt: iso(expires),
    });
  session('purge-test-live', -60 * MINUTE, DAY);
  session('purge-test-idle', -SESSION_IDLE_MS - MINUTE, DAY);
  session('purge-test-absolute', -MINUTE, -MINUTE);

  const stop = scheduleRetention({ ...server.deps, clock: () => now });
  stop();

  const left = db
    .prepare("SELECT id_hash FROM sessions WHERE id_hash LIKE 'purge-test-%' ORDER BY id_hash")
    .pluck()
    .all();
  expect(left).toEqual(['purge-test-live']);
  expect(server.logLines.some((line) => line.includes('expired sessions deleted'))).toBe(true);
  // The test server's own session is live and still signs in.
  expect((await server.fetch('/api/auth/session')).status).toBe(200);
});
