// Health and tills while the heavy routes are saturated (issue 21 items 2 and 5): wrk keeps BENCH_CONNECTIONS
// connections busy on audiences, customer tiles, area comparisons and customer pages, while this process probes
// GET /api/health and GET /api/offers/live at a steady rate, each probe on a NEW connection (as a load balancer's
// health check does). The same run is made with the heavy-route limiter off (CATCHMENT_LIMITS=off, the "before") and
// on (the defaults, "after"), on the same database. Prints the probes' p50/p99 and failures, the heavy routes'
// throughput and their share of 503s. wrk shares the CPUs with the server here, so throughput is a lower bound.
// Full size: BENCH_ONLY=saturation BENCH_SATURATION_CUSTOMERS=50000 BENCH_HTTP_SECONDS=60 BENCH_CONNECTIONS=200 npm run bench
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from './run.js';
import { benchCredentials, startBenchServer } from './bench-server.js';
import { parseWrkOutput, WRK, wrkInstalled } from './wrk.js';
import { bboxPolygon } from '@turf/turf';

const CUSTOMERS = Number(process.env.BENCH_SATURATION_CUSTOMERS ?? 50_000);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
/**
 * Probes per second, of each kind, each on a new connection. A load balancer checks every few seconds; 5 a second gives
 * enough samples for a p99 in a short run without the probes' own connections becoming a load of their own (Node
 * accepts a few connections per event-loop turn).
 */
const PROBE_RATE = 5;
/** Seconds of wrk before the probes start (a quarter of the run). */
const WARMUP_SECONDS = Math.max(2, Math.round(SECONDS / 4));
/** A load balancer's health check gives up after this long; a probe that takes longer counts as failed. */
const PROBE_TIMEOUT_MS = 10_000;
const execFileAsync = promisify(execFile);

/** The heavy mix as a wrk script: audiences, customer tiles, area comparisons and customer pages at random places. */
export function heavyScript(origin: string, cookie: string, areaIds: string[]): string {
  return `
math.randomseed(21)
local json = { ["Cookie"] = ${JSON.stringify(cookie)}, ["Origin"] = ${JSON.stringify(origin)}, ["Content-Type"] = "application/json" }
local session = { ["Cookie"] = ${JSON.stringify(cookie)}, ["Origin"] = ${JSON.stringify(origin)} }
local compare = ${JSON.stringify(JSON.stringify({ areaIds }))}
local i = 0
local function square(x, y, d)
  return string.format('{"geometry":{"type":"Polygon","coordinates":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}',
    x, y, x + d, y, x + d, y + d, x, y + d, x, y)
end
request = function()
  i = i + 1
  local k = i % 4
  local x, y = 13.30 + math.random() * 0.15, 52.47 + math.random() * 0.08
  if k == 0 then return wrk.format("POST", "/api/audience", json, square(x, y, 0.03))
  elseif k == 1 then
    return wrk.format("GET", string.format("/api/tiles/customers/14/%d/%d.pbf", 8795 + math.random(0, 15), 5365 + math.random(0, 15)), session)
  elseif k == 2 then return wrk.format("POST", "/api/areas/compare", json, compare)
  end
  return wrk.format("GET", string.format("/api/customers?bbox=%f,%f,%f,%f&limit=200", x, y, x + 0.04, y + 0.03), session)
end
-- One thread (-t1): its counter is read back in done().
busy = 0
local threads = {}
setup = function(thread) table.insert(threads, thread) end
response = function(status) if status == 503 then busy = busy + 1 end end
done = function()
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("busy") end
  io.write(string.format("busy 503: %d\\n", n))
end
`;
}

/** One GET on a fresh connection; its time in ms, or null when it failed or took longer than PROBE_TIMEOUT_MS. */
function probe(url: string, headers: Record<string, string>): Promise<number | null> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers, timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode === 200 ? performance.now() - started : null));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(null));
    req.end();
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;

/** Probes `path` PROBE_RATE times a second until stop() is called; resolves with every probe's time. */
function probeSteadily(url: string, headers: Record<string, string>) {
  const pending: Promise<number | null>[] = [];
  const timer = setInterval(() => pending.push(probe(url, headers)), 1000 / PROBE_RATE);
  return async () => {
    clearInterval(timer);
    const times = await Promise.all(pending);
    const answered = times.filter((t): t is number => t !== null).sort((a, b) => a - b);
    return { answered, failed: times.length - answered.length };
  };
}

async function createAreas(url: string, cookie: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [x, y] of [
    [13.37, 52.5],
    [13.41, 52.51],
    [13.44, 52.49],
  ] as const) {
    const d = 0.025;
    const res = await fetch(`${url}/api/areas`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url, Cookie: cookie },
      body: JSON.stringify({
        name: 'saturation bench',
        geometry: bboxPolygon([x, y, x + d, y + d]).geometry,
      }),
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}

/** Seconds of probes on the idle server, before wrk starts: the unsaturated baseline. */
const IDLE_SECONDS = 4;
/** BENCH_SATURATION_MODES=on runs only the limiter-on half (e.g. while profiling it). */
const MODES = (process.env.BENCH_SATURATION_MODES ?? 'off,on').split(',').map((m) => m.trim()) as (
  'on' | 'off'
)[];
/** BENCH_SATURATION_PROFILE=dir writes a --cpu-prof of each server there. */
const PROFILE_DIR = process.env.BENCH_SATURATION_PROFILE;

type Probed = Awaited<ReturnType<ReturnType<typeof probeSteadily>>>;

async function probeBoth(url: string, bearer: string, whileRunning: Promise<unknown>) {
  const health = probeSteadily(`${url}/api/health`, {});
  const till = probeSteadily(`${url}/api/offers/live?lat=52.52&lng=13.41`, {
    Authorization: bearer,
  });
  await whileRunning;
  return { health: await health(), till: await till() };
}

async function measure(limits: 'on' | 'off', dbFile: string, dir: string) {
  const server = await startBenchServer({
    entry: 'server/index.ts',
    dbFile,
    customers: CUSTOMERS,
    env: { CATCHMENT_LIMITS: limits },
    ...(PROFILE_DIR ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] } : {}),
  });
  try {
    const { cookie, bearer } = await benchCredentials(server.url);
    const script = join(dir, `heavy-${limits}.lua`);
    writeFileSync(script, heavyScript(server.url, cookie, await createAreas(server.url, cookie)));
    // The same probes on the idle server first: what saturation adds is the difference.
    const idle = await probeBoth(server.url, bearer, sleep(IDLE_SECONDS * 1000));
    const wrkRun = execFileAsync(WRK, [
      '-t1',
      `-c${CONNECTIONS}`,
      `-d${SECONDS}s`,
      '--timeout',
      '30s',
      '-s',
      script,
      server.url,
    ]);
    // Probes start once wrk's connections are open and the loop is saturated: the steady state, not the first burst.
    await sleep(WARMUP_SECONDS * 1000);
    const saturated = await probeBoth(server.url, bearer, wrkRun);
    const { stdout } = await wrkRun;
    const wrk = parseWrkOutput(stdout);
    const busy = Number(/busy 503: (\d+)/.exec(stdout)?.[1] ?? 0);
    const requests = wrk.ok + (wrk.statuses['non-2xx'] ?? 0);
    return { wrk, requests, busy, idle, saturated };
  } finally {
    await server.stop();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** p50, p95 and p99 of the probes; a failed probe counts as slower than any answer. */
function probeResults(label: string, name: string, p: Probed, target: boolean): BenchResult[] {
  const all = [...p.answered, ...Array<number>(p.failed).fill(PROBE_TIMEOUT_MS)];
  return [
    ...([50, 95, 99] as const).map((q) => ({
      name: `${label}: ${name} p${q}`,
      value: percentile(all, q / 100),
      unit: 'ms',
      ...(q === 99 && target ? { target: '≤ 50 ms' } : {}),
    })),
    { name: `${label}: ${name} probes failed`, value: p.failed, unit: '' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  if (!wrkInstalled()) {
    process.stderr.write('  saturation: skipped, wrk is not installed (apt-get install wrk)\n');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-saturation-'));
  try {
    const results: BenchResult[] = [];
    for (const limits of MODES) {
      const m = await measure(limits, join(dir, 'catchment.db'), dir);
      const label = limits === 'off' ? 'limiter off (before)' : 'limiter on (after)';
      process.stderr.write(
        `  ${label}: ${m.requests} heavy requests in ${m.wrk.seconds.toFixed(1)} s, ${m.busy} answered 503, ${m.wrk.failed - m.busy} other failures; probes failed: health ${m.saturated.health.failed}, till ${m.saturated.till.failed}\n`,
      );
      for (const [name, key] of [
        ['GET /api/health', 'health'],
        ['GET /api/offers/live', 'till'],
      ] as const)
        results.push(
          ...probeResults(`${label}, idle`, name, m.idle[key], false),
          ...probeResults(`${label}, saturated`, name, m.saturated[key], true),
        );
      results.push(
        {
          name: `${label}: heavy routes answered`,
          value: (m.requests - m.busy) / m.wrk.seconds,
          unit: 'req/s',
        },
        {
          name: `${label}: heavy routes refused (503)`,
          value: (100 * m.busy) / Math.max(1, m.requests),
          unit: '%',
        },
      );
    }
    process.stderr.write(
      `  note: ${CONNECTIONS} wrk connections and the probes share the CPUs with the server; throughput is a lower bound.\n`,
    );
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
