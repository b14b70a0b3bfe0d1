// Cluster mode with two real worker processes behind one port: both answer, limits and revocations hold across them,
// a write through one shows in the other's audience, and exactly one leader runs the background jobs, replaced
// within the lease time when its process is killed (and the primary starts the dead worker again).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../helpers/cluster.js';
import { OWNER_EMAIL } from '../helpers/server.js';
import { OTHER_WRITERS_CHECK_MS } from '../../server/db/version-reader.js';
import { FOLLOW_CHECK_MS } from '../../server/services/customers/customer-follow.js';
import { LEASE_MS, RENEW_MS } from '../../server/services/cluster/leadership.js';

let cluster: TestCluster;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const other = (worker: string) => (worker === '1' ? '2' : '1');
const json = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  cluster = await startTestCluster({ workers: 2 });
}, 150_000);

afterAll(async () => {
  await cluster?.close();
}, 30_000);

const leaderTakenLines = () =>
  cluster.logLines().filter((line) => line.includes('"message":"leader lease taken"'));

describe('CATCHMENT_WORKERS=2', () => {
  it('serves requests from both workers on one port', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => cluster.send('/api/health')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set(['1', '2']));
  });

  it('refuses a token revoked through one worker on the other within the documented window', async () => {
    const created = await cluster.send('/api/tokens', {
      method: 'POST',
      headers: { ...json, Cookie: cluster.ownerCookie },
      body: JSON.stringify({ name: 'Till', scopes: ['areas:read', 'offers:read'] }),
    });
    expect(created.status).toBe(201);
    const { token, secret } = JSON.parse(created.text) as { token: { id: string }; secret: string };
    const bearer = { Authorization: `Bearer ${secret}` };
    const lookup = '/api/offers/live?lat=52.52&lng=13.41';
    // Both workers know the token (and cache it) before it is revoked; the second lookup is the till's lane.
    for (const worker of ['1', '2']) {
      expect((await cluster.sendTo(worker, '/api/areas', { headers: bearer })).status).toBe(200);
      for (let i = 0; i < 2; i++)
        expect(await cluster.sendTo(worker, lookup, { headers: bearer })).toMatchObject({
          status: 200,
          worker,
        });
    }

    const revoked = await cluster.send(`/api/tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Cookie: cluster.ownerCookie },
    });
    expect(revoked.status).toBe(204);
    await sleep(OTHER_WRITERS_CHECK_MS + 20);
    const elsewhere = await cluster.sendTo(other(revoked.worker), '/api/areas', {
      headers: bearer,
    });
    expect(elsewhere.status).toBe(401);
    expect((await cluster.sendTo(other(revoked.worker), lookup, { headers: bearer })).status).toBe(
      401,
    );
  });

  it('counts failed sign-ins across workers', async () => {
    const attempt = {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: OWNER_EMAIL, password: 'not the password at all' }),
    };
    const workers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await cluster.send('/api/auth/login', attempt);
      expect(answer.status).toBe(401);
      workers.push(answer.worker);
    }
    // Five failures spread over both processes: a process counting alone would have seen two or three.
    expect(new Set(workers)).toEqual(new Set(['1', '2']));
    for (const worker of ['1', '2']) {
      const answer = await cluster.sendTo(worker, '/api/auth/login', attempt);
      expect(answer.status).toBe(429);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it("answers the other worker's list and tile with a new ETag right after a write through one worker", async () => {
    const session = { Cookie: cluster.ownerCookie };
    const tile = '/api/tiles/customers/13/4401/2686.pbf';
    const etags = async (worker: string) => ({
      areas: String(
        (await cluster.sendTo(worker, '/api/areas', { headers: session })).headers.etag,
      ),
      tile: String((await cluster.sendTo(worker, tile, { headers: session })).headers.etag),
    });
    const before = { '1': await etags('1'), '2': await etags('2') };

    const created = await cluster.send('/api/areas', {
      method: 'POST',
      headers: { ...json, ...session },
      body: JSON.stringify({
        name: 'Written through one worker',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [13.4, 52.5],
              [13.41, 52.5],
              [13.41, 52.51],
              [13.4, 52.51],
              [13.4, 52.5],
            ],
          ],
        },
      }),
    });
    expect(created.status).toBe(201);
    const page = await cluster.send('/api/customers?bbox=13.0,52.3,13.8,52.7&limit=1', {
      headers: session,
    });
    const customer = (JSON.parse(page.text) as { features: { id: string }[] }).features[0]!.id;
    const erased = await cluster.send(`/api/customers/${encodeURIComponent(customer)}`, {
      method: 'DELETE',
      headers: session,
    });
    expect(erased.status).toBe(204);

    // At once, with no wait for the other worker's follow interval: the ETags name versions both processes share.
    for (const worker of ['1', '2'] as const) {
      const list = await cluster.sendTo(worker, '/api/areas', {
        headers: { ...session, 'If-None-Match': before[worker].areas },
      });
      expect(list.status).toBe(200);
      expect(list.text).toContain('Written through one worker');
      const answer = await cluster.sendTo(worker, tile, {
        headers: { ...session, 'If-None-Match': before[worker].tile },
      });
      expect(answer.status).not.toBe(304);
      expect(answer.headers.etag).not.toBe(before[worker].tile);
    }
  });

  it("shows customers imported through one worker in the other worker's audience", async () => {
    const around = {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [13.3995, 52.4995],
            [13.4015, 52.4995],
            [13.4015, 52.5005],
            [13.3995, 52.5005],
            [13.3995, 52.4995],
          ],
        ],
      },
    };
    const audience = (worker: string) =>
      cluster.sendTo(worker, '/api/audience', {
        method: 'POST',
        headers: { ...json, Cookie: cluster.ownerCookie },
        body: JSON.stringify(around),
      });
    const before = JSON.parse((await audience('1')).text) as { count: number };
    expect(JSON.parse((await audience('2')).text)).toMatchObject({ count: before.count });

    const imported = await cluster.send('/api/import/customers', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', Cookie: cluster.ownerCookie },
      body: 'id,lat,lng\nCL-1,52.5,13.4\nCL-2,52.5001,13.4005\n',
    });
    expect(imported.status, imported.text).toBe(200);
    await sleep(FOLLOW_CHECK_MS + 20);
    const after = await audience(other(imported.worker));
    expect(JSON.parse(after.text)).toMatchObject({ count: before.count + 2 });
  });

  it('shows a weather scenario stored through one worker on the other within the documented window', async () => {
    const rainy = {
      default: {
        temperatureC: 8,
        precipitationMmH: 4,
        snowfallCmH: 0,
        windKmh: 12,
        cloudCoverPct: 90,
      },
      cells: [],
    };
    const put = await cluster.send('/api/weather/scenario', {
      method: 'PUT',
      headers: { ...json, Cookie: cluster.ownerCookie },
      body: JSON.stringify(rainy),
    });
    expect(put.status, put.text).toBe(200);
    await sleep(OTHER_WRITERS_CHECK_MS + 20);
    const seen = await cluster.sendTo(other(put.worker), '/api/weather/scenario', {
      headers: { Cookie: cluster.ownerCookie },
    });
    expect(JSON.parse(seen.text)).toMatchObject({ source: 'api', scenario: rainy });
  });

  it('runs exactly one leader, and after its worker is killed another takes over within the lease time and the dead worker is started again', async () => {
    const first = cluster.leader();
    expect(first).not.toBeNull();
    expect(leaderTakenLines()).toHaveLength(1);

    process.kill(first!.pid, 'SIGKILL');
    const deadline = Date.now() + LEASE_MS + RENEW_MS + 5_000;
    let next = cluster.leader();
    while ((!next || next.pid === first!.pid) && Date.now() < deadline) {
      await sleep(250);
      next = cluster.leader();
    }
    // The other worker, or the killed slot's replacement if the primary forked it before the lease ran out.
    expect(next).not.toBeNull();
    expect(next!.pid).not.toBe(first!.pid);
    expect(leaderTakenLines()).toHaveLength(2);

    // The primary forks the killed slot again; while one process leads, no other takes the lease.
    const restartBy = Date.now() + 40_000;
    let answeredBy = '';
    while (answeredBy !== first!.worker && Date.now() < restartBy) {
      answeredBy = (await cluster.send('/api/health')).worker;
      if (answeredBy !== first!.worker) await sleep(200);
    }
    expect(answeredBy).toBe(first!.worker);
    expect(cluster.logLines().some((line) => line.includes('worker died'))).toBe(true);
    await sleep(RENEW_MS * 2);
    expect(cluster.leader()).toEqual(next);
    expect(leaderTakenLines()).toHaveLength(2);
  }, 90_000);
});

describe('a worker that dies mid-import', () => {
  it('leaves its import jobs interrupted, ready to resume, and no one else’s', async () => {
    const db = new Database(cluster.dbFile);
    db.pragma('busy_timeout = 5000');
    const victim = cluster.leader()!;
    const now = new Date().toISOString();
    // Jobs as a worker leaves them in the file while it runs them: one of the victim's, one of another process.
    const job = db.prepare(
      `INSERT INTO import_jobs (id, kind, mode, state, format, bytes_total, mapping, created_at, updated_at, runner_pid)
       VALUES (?, 'customers', 'lenient', ?, 'csv', 100, '{}', ?, ?, ?)`,
    );
    job.run('ij-victim-running', 'running', now, now, victim.pid);
    job.run('ij-victim-queued', 'queued', now, now, victim.pid);
    job.run('ij-sibling', 'running', now, now, process.pid);
    const state = (id: string) =>
      db.prepare('SELECT state FROM import_jobs WHERE id = ?').pluck().get(id) as string;

    process.kill(victim.pid, 'SIGKILL');
    const deadline = Date.now() + 20_000;
    while (state('ij-victim-running') === 'running' && Date.now() < deadline) await sleep(200);
    expect(state('ij-victim-running')).toBe('interrupted');
    expect(state('ij-victim-queued')).toBe('interrupted');
    expect(state('ij-sibling')).toBe('running');
    expect(cluster.logLines().some((line) => line.includes('import jobs of a dead worker'))).toBe(
      true,
    );
    db.prepare("DELETE FROM import_jobs WHERE id LIKE 'ij-%'").run();
    db.close();
  }, 60_000);
});
