// The event loop's longest stall per heavy route (issue 21 item 2): one server in this process, each route asked
// sequentially at places it has not answered before (no cache helps), while perf_hooks' monitorEventLoopDelay
// records how late the loop's timer ran. A health check or till lookup that arrives during a stall waits that long,
// so the longest stall is what the heavy work costs them. GET /api/health is the floor.
// Small: BENCH_ONLY=stall BENCH_STALL_CUSTOMERS=5000 npm run bench. Full size: BENCH_ONLY=stall npm run bench.
// BENCH_STALL_INLINE=1 runs the same routes with the heavy work on the main thread (the "before").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { bboxPolygon } from '@turf/turf';
import type { BenchResult } from './run.js';
import { BENCH_OWNER, benchCredentials } from './bench-server.js';
import { parseConfig } from '../server/env.js';
import { startServer } from '../server/server.js';

const CUSTOMERS = Number(process.env.BENCH_STALL_CUSTOMERS ?? 50_000);
/** Enough that the main thread's CPU (read in 10 ms ticks) is resolved to a fraction of a millisecond per request. */
const REQUESTS = Number(process.env.BENCH_STALL_REQUESTS ?? 60);
const INLINE = process.env.BENCH_STALL_INLINE === '1';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of this process's main thread (its task id is the pid), in ms, from /proc; workers not counted. */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

type Ask = (i: number) => { path: string; init?: RequestInit };

/** A square of side `d` degrees at the i-th of a fixed walk over the demo city (Berlin). */
function place(i: number, d: number) {
  const x = 13.3 + ((i * 0.0137) % 0.15);
  const y = 52.47 + ((i * 0.0091) % 0.08);
  return bboxPolygon([x, y, x + d, y + d]).geometry;
}

function routes(areaIds: string[]): [string, Ask][] {
  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return [
    ['GET /api/health', () => ({ path: '/api/health' })],
    [
      'GET customer tile z14',
      (i) => ({
        path: `/api/tiles/customers/14/${8795 + (i % 16)}/${5365 + Math.floor(i / 16)}.pbf`,
      }),
    ],
    [
      'GET customer tile z11',
      (i) => ({ path: `/api/tiles/customers/11/${1098 + (i % 4)}/${670 + Math.floor(i / 4)}.pbf` }),
    ],
    [
      'GET customer page (200)',
      (i) => {
        const [x, y] = place(i, 0.04).coordinates[0]![0]!;
        return { path: `/api/customers?bbox=${x},${y},${x! + 0.04},${y! + 0.03}&limit=200` };
      },
    ],
    [
      'POST audience (small area)',
      (i) => ({ path: '/api/audience', init: json({ geometry: place(i, 0.03) }) }),
    ],
    [
      'POST audience (city)',
      (i) => ({ path: '/api/audience', init: json({ geometry: place(i, 0.3) }) }),
    ],
    [
      'POST areas compare (3)',
      (i) => ({ path: '/api/areas/compare', init: json({ areaIds, windowDays: 30 + i }) }),
    ],
    ['GET white space', (i) => ({ path: `/api/white-space?minResidents=${i + 1}` })],
  ];
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-stall-'));
  const parsed = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CATCHMENT_DB: join(dir, 'catchment.db'),
    CATCHMENT_DEMO_CUSTOMERS: String(CUSTOMERS),
    CATCHMENT_EVALUATE_MINUTES: '0',
    CATCHMENT_ADMIN_EMAIL: BENCH_OWNER.email,
    CATCHMENT_ADMIN_PASSWORD: BENCH_OWNER.password,
    CATCHMENT_LOG: 'error',
    // Sequential requests never queue; the limiter would only add its turn.
    CATCHMENT_LIMITS: 'off',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const server = await startServer(parsed.config, {
    logger: { info: () => {}, error: () => {} },
    ...(INLINE ? { offloadHeavyWork: false } : {}),
  });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  try {
    const { cookie } = await benchCredentials(server.url);
    const headers = { Origin: server.url, Cookie: cookie };
    const ask = async ({ path, init }: ReturnType<Ask>) => {
      const res = await fetch(server.url + path, {
        ...init,
        headers: { ...headers, ...(init?.headers as Record<string, string>) },
      });
      await res.arrayBuffer();
      if (res.status >= 400) throw new Error(`${path}: ${res.status}`);
    };
    const areaIds: string[] = [];
    for (const i of [1, 2, 3]) {
      const res = await fetch(`${server.url}/api/areas`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `stall ${i}`, geometry: place(i * 3, 0.03) }),
      });
      areaIds.push(((await res.json()) as { id: string }).id);
    }
    // The purchase history loads in chunks after start; compare waits for it.
    await server.deps.purchases.ready();
    const results: BenchResult[] = [];
    const label = INLINE ? 'inline' : 'offloaded';
    for (const [name, make] of routes(areaIds)) {
      await ask(make(-1)); // warm-up: compiles the code paths, builds indexes kept across requests
      histogram.reset();
      histogram.enable();
      const before = performance.eventLoopUtilization();
      const cpuBefore = mainThreadCpuMs();
      for (let i = 0; i < REQUESTS; i++) await ask(make(i));
      const cpuMs = (mainThreadCpuMs() - cpuBefore) / REQUESTS;
      const busy = performance.eventLoopUtilization(before);
      histogram.disable();
      const ms = (ns: number) => ns / 1e6;
      // On a machine others share, the OS's own pauses land in the histogram and in the loop's busy time; the main
      // thread's CPU time per request is what this thread really spent (this process's fetch client included).
      const activeMs = busy.active / REQUESTS;
      process.stderr.write(
        `  ${name}: loop delay p50 ${ms(histogram.percentile(50)).toFixed(1)} ms, p99 ${ms(histogram.percentile(99)).toFixed(1)} ms, max ${ms(histogram.max).toFixed(1)} ms; loop busy ${activeMs.toFixed(2)} ms, main-thread CPU ${cpuMs.toFixed(2)} ms a request\n`,
      );
      results.push(
        { name: `${label}: ${name}: longest loop stall`, value: ms(histogram.max), unit: 'ms' },
        { name: `${label}: ${name}: main-thread CPU a request`, value: cpuMs, unit: 'ms' },
      );
    }
    process.stderr.write(`  (${CUSTOMERS} customers, ${REQUESTS} requests a route)\n`);
    return results;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
