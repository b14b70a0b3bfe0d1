// 1 worker against 2 (CATCHMENT_WORKERS, issue 21): the request mix — stores, a customer page, an audience, customer
// tiles, live offers, and area create/patch/delete — sent by wrk over keep-alive connections to the real entry point
// in its own processes, once per worker count on the same database. Prints throughput and the server's CPU per
// request (primary and workers, from /proc). wrk runs on the same CPUs as the server, so on a small machine the
// figures are lower bounds and the 2-worker gain is capped by what wrk takes; each run says so.
// Full size: BENCH_ONLY=cluster BENCH_CLUSTER_CUSTOMERS=50000 BENCH_HTTP_SECONDS=60 BENCH_CONNECTIONS=200 npm run bench
import { spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './run.js';
import { parseWrkOutput, WRK, wrkInstalled } from './wrk.js';

const CUSTOMERS = Number(process.env.BENCH_CLUSTER_CUSTOMERS ?? 50_000);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const OWNER = { email: 'bench-owner@example.com', password: 'bench-owner-password-1' };
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const execFileAsync = promisify(execFile);

/** utime + stime of a process and its children (the workers), in seconds, from /proc. */
function treeCpuSeconds(root: number): number {
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

/** The real entry point in its own process; `env` overrides the bench's defaults (e.g. CATCHMENT_LIMITS). */
export async function startEntry(
  workers: number,
  dbFile: string,
  env: Record<string, string> = {},
) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CATCHMENT_WORKERS: String(workers),
      CATCHMENT_DB: dbFile,
      CATCHMENT_DEMO_CUSTOMERS: String(CUSTOMERS),
      CATCHMENT_EVALUATE_MINUTES: '0',
      CATCHMENT_ADMIN_EMAIL: OWNER.email,
      CATCHMENT_ADMIN_PASSWORD: OWNER.password,
      CATCHMENT_LOG: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
  return { url, pid: child.pid!, stop };
}

export async function credentials(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify(OWNER),
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

/** The mix as a wrk script: one request of each kind in turn; a created area is patched once created, then deleted. */
export function mixScript(origin: string, cookie: string, bearer: string): string {
  const square = (x: number, y: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  });
  const lua = (value: unknown) => JSON.stringify(JSON.stringify(value));
  // Berlin Mitte at zoom 13.
  const tile = '/api/tiles/customers/13/4401/2686.pbf';
  return `
local session = { ["Cookie"] = ${JSON.stringify(cookie)}, ["Origin"] = ${JSON.stringify(origin)} }
local json = { ["Cookie"] = ${JSON.stringify(cookie)}, ["Origin"] = ${JSON.stringify(origin)}, ["Content-Type"] = "application/json" }
local till = { ["Authorization"] = ${JSON.stringify(bearer)} }
local created, patched, i = {}, {}, 0
request = function()
  i = i + 1
  local k = i % 8
  if k == 0 then return wrk.format("GET", "/api/stores", session)
  elseif k == 1 then return wrk.format("GET", "/api/customers?bbox=13.38,52.50,13.42,52.53&limit=50", session)
  elseif k == 2 then return wrk.format("POST", "/api/audience", json, ${lua({ geometry: square(13.38, 52.5, 0.03) })})
  elseif k == 3 then return wrk.format("GET", "${tile}", session)
  elseif k == 5 then return wrk.format("POST", "/api/areas", json, ${lua({ name: 'bench area', geometry: square(13.4, 52.5, 0.01) })})
  elseif k == 6 and #created > 0 then
    return wrk.format("PATCH", "/api/areas/" .. table.remove(created), json, ${lua({ name: 'bench area, renamed', version: 1 })})
  elseif k == 7 and #patched > 0 then return wrk.format("DELETE", "/api/areas/" .. table.remove(patched), session)
  end
  return wrk.format("GET", "/api/offers/live?lat=52.52&lng=13.41", till)
end
response = function(status, headers, body)
  -- Queued on the answer, not the request: a DELETE must not overtake the PATCH of the same area.
  local id = body:match('"id":"([^"]+)"')
  if id and status == 201 then table.insert(created, id)
  elseif id and status == 200 and body:find("bench area, renamed", 1, true) then table.insert(patched, id) end
end
`;
}

async function measure(workers: number, dbFile: string, dir: string) {
  const server = await startEntry(workers, dbFile);
  try {
    const { cookie, bearer } = await credentials(server.url);
    const script = join(dir, `mix-${workers}.lua`);
    writeFileSync(script, mixScript(server.url, cookie, bearer));
    const args = (seconds: number) => [
      '-t1',
      `-c${CONNECTIONS}`,
      `-d${seconds}s`,
      '-s',
      script,
      server.url,
    ];
    await execFileAsync(WRK, args(Math.max(1, Math.round(SECONDS / 5))));
    const cpuBefore = treeCpuSeconds(server.pid);
    const { stdout } = await execFileAsync(WRK, args(SECONDS));
    const cpu = treeCpuSeconds(server.pid) - cpuBefore;
    const result = parseWrkOutput(stdout);
    const requests = result.ok + (result.statuses['non-2xx'] ?? 0);
    return { ...result, requests, cpu };
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  if (!wrkInstalled()) {
    process.stderr.write('  cluster: skipped, wrk is not installed (apt-get install wrk)\n');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-cluster-'));
  const dbFile = join(dir, 'catchment.db');
  try {
    const results: BenchResult[] = [];
    const perSecond: number[] = [];
    for (const workers of [1, 2]) {
      const m = await measure(workers, dbFile, dir);
      process.stderr.write(
        `  ${workers} worker(s): ${m.requests} requests in ${m.seconds.toFixed(1)} s, ${m.failed} failed${m.firstFailure ? ` (${m.firstFailure})` : ''}, server CPU ${m.cpu.toFixed(1)} s\n`,
      );
      perSecond.push(m.requests / m.seconds);
      results.push(
        {
          name: `mix, ${workers} worker(s): throughput`,
          value: m.requests / m.seconds,
          unit: 'req/s',
        },
        {
          name: `mix, ${workers} worker(s): server CPU per request`,
          value: (m.cpu * 1000) / Math.max(1, m.requests),
          unit: 'ms',
        },
        { name: `mix, ${workers} worker(s): failed`, value: m.failed, unit: '' },
      );
    }
    results.push({
      name: 'mix: 2 workers / 1 worker throughput',
      value: perSecond[1]! / perSecond[0]!,
      unit: '×',
      target: 'wrk shares these CPUs: a lower bound',
    });
    process.stderr.write(
      '  note: the load generator (wrk) runs on the same CPUs as the server, so these figures are lower bounds.\n',
    );
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
