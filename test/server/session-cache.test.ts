// The session cache (issue 21): a list request answers from memory, yet a session ended or narrowed by another
// process (a second server worker, an admin's sqlite3 shell) stops working within OTHER_WRITERS_CHECK_MS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeDatabase, openDatabase } from '../../server/db/connection.js';
import { OTHER_WRITERS_CHECK_MS } from '../../server/db/version-reader.js';
import { secretHash } from '../../server/services/accounts/auth.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ customers: 300 });
});
afterAll(async () => {
  await server?.close();
});

/** Writes through a second connection to the same file, as another process would, then waits out the window. */
async function elsewhere(sql: string, ...params: unknown[]): Promise<void> {
  const other = openDatabase(server.deps.config.dbFile);
  try {
    other.prepare(sql).run(...params);
  } finally {
    closeDatabase(other);
  }
  await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_CHECK_MS + 20));
}

const newArea = (name: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    name,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [13.4, 52.5],
          [13.41, 52.5],
          [13.41, 52.51],
          [13.4, 52.5],
        ],
      ],
    },
  }),
});

describe('a cached session', () => {
  it('is refused once another process signs it out', async () => {
    const marketer = await server.as('marketer');
    expect((await marketer('/api/areas')).status).toBe(200);
    expect((await marketer('/api/areas')).status).toBe(200);
    await elsewhere('DELETE FROM sessions WHERE id_hash = ?', secretHash(marketer.session));
    await expectProblem(await marketer('/api/areas'), 401);
  });

  it('is refused once another process deactivates its user', async () => {
    const marketer = await server.as('marketer');
    expect((await marketer('/api/stores')).status).toBe(200);
    await elsewhere('UPDATE users SET active = 0 WHERE id = ?', marketer.userId);
    await expectProblem(await marketer('/api/stores'), 401);
  });

  it('loses what a new role no longer allows once another process changes it', async () => {
    const marketer = await server.as('marketer');
    expect((await marketer('/api/areas', newArea('before the change'))).status).toBe(201);
    await elsewhere("UPDATE users SET role = 'viewer' WHERE id = ?", marketer.userId);
    await expectProblem(await marketer('/api/areas', newArea('after the change')), 403);
    expect((await marketer('/api/areas')).status).toBe(200);
  });

  it('still ends after the idle time, though it was answered from memory', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const clocked = await startTestServer({ customers: 100, clock: () => new Date(now) });
    try {
      const owner = clocked.fetch;
      expect((await owner('/api/areas')).status).toBe(200);
      expect((await owner('/api/areas')).status).toBe(200);
      now += 13 * 3_600_000;
      await expectProblem(await owner('/api/areas'), 401);
    } finally {
      await clocked.close();
    }
  });
});
