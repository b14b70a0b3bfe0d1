// Crash safety of imports: the server is killed with SIGKILL in the middle of a large import. After a restart a
// lenient job has left only whole committed batches and resumes after its last committed row; a strict job has left
// nothing. Both show as interrupted.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { OWNER_EMAIL, OWNER_PASSWORD, startTestServer } from '../helpers/server.js';

const dir = mkdtempSync(join(tmpdir(), 'catchment-import-crash-'));
const dbFile = join(dir, 'catchment.db');
const ROWS = 240_000;
const BATCH = 5000;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bigCsv(prefix: string): string {
  const lines = ['id,firstName,lat,lng'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `${prefix}-${i},Name ${i},${(52.45 + (i % 1000) / 10000).toFixed(5)},${(13.3 + (i % 997) / 5000).toFixed(5)}`,
    );
  return lines.join('\n') + '\n';
}

async function startChild() {
  // node itself, with tsx as a loader: the tsx binary would run the server in a grandchild that SIGKILL does not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      CATCHMENT_DB: dbFile,
      CATCHMENT_DEMO_CUSTOMERS: '100',
      CATCHMENT_LOG: 'error',
      CATCHMENT_EVALUATE_MINUTES: '0',
      CATCHMENT_ADMIN_EMAIL: OWNER_EMAIL,
      CATCHMENT_ADMIN_PASSWORD: OWNER_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line: ${stdout}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ email: OWNER_EMAIL, password: OWNER_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { ...init.headers, Cookie: cookie, Origin: url } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, call, exited };
}

/** Starts a large import on a child server and kills it with SIGKILL once at least one batch has committed. */
async function killMidImport(prefix: string, mode: 'lenient' | 'strict'): Promise<string> {
  const { child, call, exited } = await startChild();
  const response = await call(`/api/import/customers?mode=${mode}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: bigCsv(prefix),
  });
  expect(response.status).toBe(202);
  const location = response.headers.get('location')!;
  for (let i = 0; i < 2000; i++) {
    const job = (await (await call(location)).json()) as { rowsDone: number; state: string };
    if (job.rowsDone >= BATCH * 2 && job.state === 'running') break;
    expect(job.state).not.toBe('done');
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await exited;
  return location.split('/').pop()!;
}

describe('an import killed with SIGKILL', () => {
  it(
    'leaves whole batches (lenient) or nothing (strict), shows interrupted, and resumes',
    { timeout: 180_000 },
    async () => {
      const lenientId = await killMidImport('KL', 'lenient');
      const strictId = await killMidImport('KS', 'strict');

      const db = new Database(dbFile, { readonly: true });
      const count = (prefix: string) =>
        db
          .prepare('SELECT count(*) FROM customers WHERE id LIKE ?')
          .pluck()
          .get(`${prefix}-%`) as number;
      const lenientRows = count('KL');
      expect(lenientRows).toBeGreaterThan(0);
      expect(lenientRows).toBeLessThan(ROWS);
      expect(lenientRows % BATCH).toBe(0);
      expect(count('KS')).toBe(0);
      db.close();

      const server = await startTestServer({ dbFile });
      try {
        const lenient = await (await server.fetch(`/api/import/jobs/${lenientId}`)).json();
        expect(lenient).toMatchObject({
          state: 'interrupted',
          inserted: lenientRows,
          rowsDone: lenientRows,
        });
        expect(await (await server.fetch(`/api/import/jobs/${strictId}`)).json()).toMatchObject({
          state: 'interrupted',
        });
        const check = new Database(dbFile, { readonly: true });
        expect(check.prepare('SELECT count(*) FROM import_staging').pluck().get()).toBe(0);
        check.close();

        const resumed = await server.fetch(`/api/import/jobs/${lenientId}/resume`, {
          method: 'POST',
        });
        expect(resumed.status).toBe(202);
        let job = await resumed.json();
        for (let i = 0; i < 1200 && job.state !== 'done'; i++) {
          await new Promise((r) => setTimeout(r, 50));
          job = await (await server.fetch(`/api/import/jobs/${lenientId}`)).json();
        }
        expect(job).toMatchObject({
          state: 'done',
          inserted: ROWS,
          updated: 0,
          rowsDone: ROWS,
          rejected: 0,
        });
        const after = new Database(dbFile, { readonly: true });
        expect(
          after.prepare("SELECT count(*) FROM customers WHERE id LIKE 'KL-%'").pluck().get(),
        ).toBe(ROWS);
        after.close();
      } finally {
        await server.close();
      }
    },
  );
});

describe('an import running at a graceful shutdown', () => {
  it(
    'stops after its current batch, shows interrupted after the restart, and resumes',
    { timeout: 120_000 },
    async () => {
      const file = join(dir, 'graceful.db');
      const limits = { inlineMaxBytes: 100, batchRows: 500 };
      const first = await startTestServer({ dbFile: file, customers: 100, imports: limits });
      const lines = ['id,lat,lng'];
      for (let i = 0; i < 30_000; i++) lines.push(`GS-${i},52.5,13.4`);
      const response = await first.fetch('/api/import/customers', {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: lines.join('\n'),
      });
      expect(response.status).toBe(202);
      const location = response.headers.get('location')!;
      for (let i = 0; i < 1000; i++) {
        const job = await (await first.fetch(location)).json();
        if (job.rowsDone > 0) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      await first.close();

      const second = await startTestServer({ dbFile: file, imports: limits });
      try {
        const job = await (await second.fetch(location)).json();
        expect(job.state).toBe('interrupted');
        expect(job.rowsDone % 500).toBe(0);
        expect((await second.fetch(`${location}/resume`, { method: 'POST' })).status).toBe(202);
        let resumed = job;
        for (let i = 0; i < 1000 && resumed.state !== 'done'; i++) {
          await new Promise((r) => setTimeout(r, 20));
          resumed = await (await second.fetch(location)).json();
        }
        expect(resumed).toMatchObject({ state: 'done', inserted: 30_000, rowsDone: 30_000 });
      } finally {
        await second.close();
      }
    },
  );
});
