// `npm run loadtest`: issue 21's request mix at a fixed arrival rate (open loop) against a running Catchment, or
// against the demo workspace started here when no --url is given. Reports per route the p50, p95 and p99 latency
// (from when each request was due), the errors and the late starts. Not part of CI. See README › Load test.
//   npm run loadtest -- --rate 300 --duration 60
//   npm run loadtest -- --url http://127.0.0.1:3000 --email me@example.com --password … [--token <API token>]
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_OWNER, startBenchServer, type BenchServer } from '../bench/bench-server.js';
import { createMix, type Credentials, type PlannedRequest } from './loadtest/mix.js';
import { arrivalCount, dueAtMs, dueUpTo, summarize, type Sample } from './loadtest/schedule.js';
import { formatSummary } from './loadtest/report.js';

const { values: flags } = parseArgs({
  options: {
    rate: { type: 'string', default: '300' },
    duration: { type: 'string', default: '60' },
    url: { type: 'string' },
    token: { type: 'string' },
    email: { type: 'string', default: process.env.CATCHMENT_ADMIN_EMAIL },
    password: { type: 'string', default: process.env.CATCHMENT_ADMIN_PASSWORD },
    customers: { type: 'string', default: '50000' },
    'late-ms': { type: 'string', default: '10' },
    'timeout-ms': { type: 'string', default: '30000' },
  },
});
const rate = Number(flags.rate);
const duration = Number(flags.duration);
const lateAfterMs = Number(flags['late-ms']);
const timeoutMs = Number(flags['timeout-ms']);
if (!(rate > 0) || !(duration > 0))
  throw new Error('--rate and --duration must be positive numbers');

/** Enough sockets that a slow answer never holds back a due request (open loop): each waits at most timeoutMs. */
const agent = new Agent({ keepAlive: true, maxSockets: Math.ceil((rate * timeoutMs) / 1000) });

function send(
  base: URL,
  planned: Pick<PlannedRequest, 'method' | 'path' | 'headers' | 'body'>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(
      new URL(planned.path, base),
      { method: planned.method, headers: planned.headers, agent, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', () => resolve({ status: 0, body: '' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(planned.body);
  });
}

async function signIn(base: URL, email: string, password: string): Promise<Credentials> {
  const origin = base.origin;
  const login = await fetch(new URL('/api/auth/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200)
    throw new Error(`sign-in as ${email} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  let secret = flags.token;
  if (!secret) {
    const token = await fetch(new URL('/api/tokens', base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: cookie },
      body: JSON.stringify({ name: 'load test till', scopes: ['offers:read'] }),
    });
    if (token.status !== 201)
      throw new Error(`creating an API token failed: ${token.status} ${await token.text()}`);
    secret = ((await token.json()) as { secret: string }).secret;
  }
  return { cookie, bearer: `Bearer ${secret}`, origin };
}

/** Sends every request at its due time, whatever the answers before it are doing; resolves with all samples. */
async function openLoop(base: URL, credentials: Credentials): Promise<Sample[]> {
  const total = arrivalCount(rate, duration);
  const next = createMix(credentials);
  const samples: Sample[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const elapsed = performance.now() - started;
    const upTo = dueUpTo(sent, elapsed, rate, total);
    for (; sent < upTo; sent++) {
      const due = started + dueAtMs(sent, rate);
      const planned = next(sent);
      const startDelayMs = performance.now() - due;
      inFlight.push(
        send(base, planned).then(({ status, body }) => {
          samples.push({
            route: planned.route,
            latencyMs: performance.now() - due,
            startDelayMs,
            status,
          });
          planned.onAnswer?.(status, body);
        }),
      );
    }
    const wait = started + dueAtMs(sent, rate) - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
  }
  await Promise.all(inFlight);
  return samples;
}

let server: BenchServer | null = null;
let dir: string | null = null;
try {
  let url = flags.url;
  let email = flags.email;
  let password = flags.password;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'catchment-loadtest-'));
    process.stderr.write(`Starting the demo workspace with ${flags.customers} customers…\n`);
    server = await startBenchServer({
      entry: 'server/index.ts',
      dbFile: join(dir, 'catchment.db'),
      customers: Number(flags.customers),
    });
    ({ url } = server);
    ({ email, password } = BENCH_OWNER);
  }
  if (!email || !password)
    throw new Error(
      '--email and --password (or CATCHMENT_ADMIN_EMAIL/PASSWORD) are needed with --url',
    );
  const base = new URL(url);
  const credentials = await signIn(base, email, password);
  process.stderr.write(`Sending ${rate} requests/s for ${duration} s to ${base.origin}…\n`);
  const samples = await openLoop(base, credentials);
  console.log(formatSummary(summarize(samples, lateAfterMs), { rate, duration, lateAfterMs }));
} finally {
  agent.destroy();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
