// The server under an HTTP benchmark, in a child process of its own: started on a free port with the demo workspace,
// signed in as its owner (a session cookie and a till's API token), its CPU read from /proc so the load generator's
// work is never counted in it. Shared by the cluster and mix benchmarks.
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { parseWrkOutput, WRK } from './wrk.js';

const execFileAsync = promisify(execFile);

export const BENCH_OWNER = {
  email: 'bench-owner@example.com',
  password: 'bench-owner-password-1',
};
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process and its children (cluster workers), in seconds, from /proc. */
export function treeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    if (pid === root || Number(fields[1]) === root)
      ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** The script to run: server/index.ts, or a bench entry that starts the server with bench-only options. */
  entry: string;
  dbFile: string;
  customers: number;
  /** Extra environment (CATCHMENT_WORKERS, …). */
  env?: Record<string, string>;
  /** Extra Node flags (e.g. --cpu-prof). */
  nodeFlags?: string[];
}

/** Starts the entry and resolves once it prints "running at <url>". */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', options.entry],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CATCHMENT_DB: options.dbFile,
        CATCHMENT_DEMO_CUSTOMERS: String(options.customers),
        CATCHMENT_EVALUATE_MINUTES: '0',
        CATCHMENT_ADMIN_EMAIL: BENCH_OWNER.email,
        CATCHMENT_ADMIN_PASSWORD: BENCH_OWNER.password,
        CATCHMENT_LOG: 'error',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  await untilWarm(url);
  return { url, pid: child.pid!, stop };
}

/**
 * Waits until the server's start-up work is done: the purchase history loads in steps after "running at", on the
 * same thread, and a route measured meanwhile was charged for it (a bare route once read 1.9 ms a request).
 */
async function untilWarm(url: string, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      purchaseHistory?: { ready: boolean };
    };
    if (health.purchaseHistory?.ready !== false) return;
    if (Date.now() > until) throw new Error('the purchase history did not load in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A session cookie for the owner and a bearer token with offers:read, as a till would hold. */
export async function benchCredentials(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify(BENCH_OWNER),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = await fetch(`${url}/api/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url, Cookie: cookie },
    body: JSON.stringify({ name: 'bench till', scopes: ['offers:read'] }),
  });
  const { secret } = (await token.json()) as { secret: string };
  return { cookie, bearer: `Bearer ${secret}` };
}

/**
 * Runs a wrk script against `server`: a warm-up of a fifth of the time, then `seconds` of load while the server's
 * CPU (its process tree, so a cluster's workers too) is read from /proc. Requests count 2xx and other answers alike.
 */
export async function wrkWithCpu(
  server: Pick<BenchServer, 'url' | 'pid'>,
  script: string,
  { connections, seconds }: { connections: number; seconds: number },
) {
  const args = (s: number) => ['-t1', `-c${connections}`, `-d${s}s`, '-s', script, server.url];
  await execFileAsync(WRK, args(Math.max(1, Math.round(seconds / 5))));
  const cpuBefore = treeCpuSeconds(server.pid);
  const { stdout } = await execFileAsync(WRK, args(seconds));
  const cpu = treeCpuSeconds(server.pid) - cpuBefore;
  const result = parseWrkOutput(stdout);
  return { ...result, requests: result.ok + (result.statuses['non-2xx'] ?? 0), cpu };
}
