// What each request of issue 21's mix costs the server: every route alone under wrk for a fixed time over fixed
// connections, then the whole mix, against one server process that also answers a middleware-free GET /api/__bare.
// The server runs in a child process and its CPU is read from /proc before and after each run, so wrk's work is not
// counted. Prints route, requests/s, CPU µs per request and the ratio to the bare route; writes bench/results/mix.json.
// Small: BENCH_ONLY=mix BENCH_SMOKE=1 npm run bench. Full size: BENCH_ONLY=mix npm run bench (50,000 customers, 10 s a
// route). BENCH_MIX_ROUTES="live offers,bare" picks routes; BENCH_MIX_PROFILE=dir writes a --cpu-prof of the server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './run.js';
import { wrkInstalled } from './wrk.js';
import { benchCredentials, startBenchServer, wrkWithCpu } from './bench-server.js';
import {
  areaWritesScript,
  mixScript,
  SINGLE_ROUTES,
  singleRouteScript,
  type BenchCredentials,
} from './mix-scripts.js';

const SMOKE = process.env.BENCH_SMOKE === '1';
const CUSTOMERS = Number(process.env.BENCH_MIX_CUSTOMERS ?? (SMOKE ? 5_000 : 50_000));
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? (SMOKE ? 3 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const AREA_WRITES = 'area create/patch/delete';
const MIX = 'the whole mix';

export interface RouteCost {
  route: string;
  requests: number;
  failed: number;
  perSecond: number;
  cpuMicrosPerRequest: number;
}

function scripts(credentials: BenchCredentials): [string, string][] {
  const all: [string, string][] = [
    ...SINGLE_ROUTES.map((route): [string, string] => [
      route,
      singleRouteScript(route, credentials),
    ]),
    [AREA_WRITES, areaWritesScript(credentials)],
    [MIX, mixScript(credentials)],
  ];
  const only = process.env.BENCH_MIX_ROUTES?.split(',').map((s) => s.trim());
  return only ? all.filter(([route]) => route === 'bare' || only.includes(route)) : all;
}

async function measure(
  server: { url: string; pid: number },
  script: string,
  route: string,
): Promise<RouteCost> {
  const result = await wrkWithCpu(server, script, { connections: CONNECTIONS, seconds: SECONDS });
  const { requests, cpu } = result;
  if (result.failed)
    process.stderr.write(`  ${route}: ${result.firstFailure ?? `${result.failed} failed`}\n`);
  return {
    route,
    requests,
    failed: result.failed,
    perSecond: requests / result.seconds,
    cpuMicrosPerRequest: (cpu * 1e6) / Math.max(1, requests),
  };
}

/** The table, one line a route, with the ratio to the bare route's CPU per request. */
export function costTable(costs: RouteCost[]): string {
  const bare = costs.find((c) => c.route === 'bare')?.cpuMicrosPerRequest ?? NaN;
  const rows = costs.map((c) => [
    c.route,
    c.perSecond.toFixed(0),
    c.cpuMicrosPerRequest.toFixed(0),
    `${(c.cpuMicrosPerRequest / bare).toFixed(1)}×`,
    String(c.failed),
  ]);
  const head = ['route', 'req/s', 'CPU µs/req', 'vs bare', 'failed'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!)))
      .join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function run(): Promise<BenchResult[]> {
  if (!wrkInstalled()) {
    process.stderr.write('  mix: skipped, wrk is not installed (apt-get install wrk)\n');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-mix-'));
  const profileDir = process.env.BENCH_MIX_PROFILE;
  const server = await startBenchServer({
    entry: 'bench/mix-server.ts',
    dbFile: join(dir, 'catchment.db'),
    customers: CUSTOMERS,
    ...(profileDir ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
  });
  try {
    const { cookie, bearer } = await benchCredentials(server.url);
    const costs: RouteCost[] = [];
    for (const [route, lua] of scripts({ origin: server.url, cookie, bearer })) {
      const script = join(dir, 'route.lua');
      writeFileSync(script, lua);
      costs.push(await measure(server, script, route));
    }
    process.stderr.write(
      `\n  ${CUSTOMERS.toLocaleString('en')} customers, ${CONNECTIONS} connections, ${SECONDS} s a route; wrk shares the CPUs\n${costTable(costs).replace(/^/gm, '  ')}\n\n`,
    );
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL('./results/mix.json', import.meta.url),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          customers: CUSTOMERS,
          seconds: SECONDS,
          connections: CONNECTIONS,
          costs,
        },
        null,
        2,
      ) + '\n',
    );
    const bare = costs.find((c) => c.route === 'bare')!.cpuMicrosPerRequest;
    const targets: Record<string, string> = {
      'live offers': '≤ 2× bare',
      stores: '≤ 3× bare',
      'areas list': '≤ 3× bare',
      [MIX]: '≤ 600 µs',
    };
    return costs.flatMap((c) => [
      {
        name: `mix: ${c.route}, CPU per request`,
        value: c.cpuMicrosPerRequest,
        unit: 'µs',
        ...(c.route === MIX ? { target: targets[MIX] } : {}),
      },
      ...(c.route === 'bare' || c.route === MIX
        ? []
        : [
            {
              name: `mix: ${c.route} / bare CPU`,
              value: c.cpuMicrosPerRequest / bare,
              unit: '×',
              ...(targets[c.route] ? { target: targets[c.route] } : {}),
            },
          ]),
    ]);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
