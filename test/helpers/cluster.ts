// Starts `server/index.ts` with CATCHMENT_WORKERS in a real child process (a cluster primary and its workers) on an
// ephemeral port and a fresh SQLite file, and sends requests on fresh connections, so the primary hands each one to
// the next worker in turn and a test can pick which worker answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { OWNER_EMAIL, OWNER_PASSWORD } from './server.js';

export interface Answer {
  status: number;
  /** The Catchment-Worker header: which worker answered. */
  worker: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface TestCluster {
  url: string;
  dbFile: string;
  /** Every line the primary and the workers wrote to stderr (the JSON log). */
  logLines(): string[];
  /** One request on a new connection. */
  send(path: string, options?: RequestOptions): Promise<Answer>;
  /** GETs (safe to repeat) on new connections until `worker` answers; throws after `tries`. */
  sendTo(worker: string, path: string, options?: RequestOptions, tries?: number): Promise<Answer>;
  /** The owner's session cookie header. */
  ownerCookie: string;
  /** The lease row: which process leads, by worker slot and pid. */
  leader(): { worker: string; pid: number } | null;
  close(): Promise<void>;
}

function send(base: string, path: string, options: RequestOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      base + path,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: { Origin: base, ...options.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            worker: String(res.headers['catchment-worker'] ?? ''),
            headers: res.headers,
            text,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function waitForStart(child: ChildProcess, output: () => string, timeoutMs: number) {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line:\n${output()}`)), timeoutMs);
    const look = () => {
      const match = /running at (http:\/\/\S+) \(\d+ workers\)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => reject(new Error(`cluster exited (${code}):\n${output()}`)));
  });
}

export async function startTestCluster({
  workers = 2,
  customers = 300,
}: { workers?: number; customers?: number } = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-cluster-'));
  const dbFile = join(dir, 'catchment.db');
  // As `npm start` runs it (see test/server/entry.test.ts): the primary is the process signals reach.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CATCHMENT_WORKERS: String(workers),
      CATCHMENT_DB: dbFile,
      CATCHMENT_DEMO_CUSTOMERS: String(customers),
      CATCHMENT_EVALUATE_MINUTES: '0',
      CATCHMENT_ADMIN_EMAIL: OWNER_EMAIL,
      CATCHMENT_ADMIN_PASSWORD: OWNER_PASSWORD,
      CATCHMENT_LOG: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  let url: string;
  try {
    // Generous: start-up compiles TypeScript in three processes, on a machine that may be busy.
    url = await waitForStart(child, () => stdout + stderr, 120_000);
  } catch (error) {
    await close();
    throw error;
  }
  const login = await send(url, '/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: OWNER_EMAIL, password: OWNER_PASSWORD }),
  });
  const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0]!;
  return {
    url,
    dbFile,
    logLines: () => stderr.split('\n').filter(Boolean),
    send: (path, options) => send(url, path, options),
    async sendTo(worker, path, options, tries = 20) {
      for (let i = 0; i < tries; i++) {
        const answer = await send(url, path, options);
        if (answer.worker === worker) return answer;
      }
      throw new Error(`worker ${worker} answered none of ${tries} requests`);
    },
    ownerCookie: cookie,
    leader() {
      const db = new Database(dbFile, { readonly: true });
      try {
        const row = db.prepare('SELECT holder, expires_at FROM leader_lease').get() as
          { holder: string; expires_at: number } | undefined;
        const match = row && /^worker (\d+) pid (\d+)$/.exec(row.holder);
        return match && row.expires_at > Date.now()
          ? { worker: match[1]!, pid: Number(match[2]) }
          : null;
      } finally {
        db.close();
      }
    },
    close,
  };
}
