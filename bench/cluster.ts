// 1 worker against 2 (CATCHMENT_WORKERS, issue 21): the request mix — stores, a customer page, an audience, customer
// tiles, live offers, and area create/patch/delete — sent by wrk over keep-alive connections to the real entry point
// in its own processes, once per worker count on the same database. Prints throughput and the server's CPU per
// request (primary and workers, from /proc). wrk runs on the same CPUs as the server, so on a small machine the
// figures are lower bounds and the 2-worker gain is capped by what wrk takes; each run says so.
// Full size: BENCH_ONLY=cluster BENCH_CLUSTER_CUSTOMERS=50000 BENCH_HTTP_SECONDS=60 BENCH_CONNECTIONS=200 npm run bench
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './run.js';
import { wrkInstalled } from './wrk.js';
import { benchCredentials, startBenchServer, wrkWithCpu } from './bench-server.js';
import { mixScript } from './mix-scripts.js';

const CUSTOMERS = Number(process.env.BENCH_CLUSTER_CUSTOMERS ?? 50_000);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);

async function measure(workers: number, dbFile: string, dir: string) {
  const server = await startBenchServer({
    entry: 'server/index.ts',
    dbFile,
    customers: CUSTOMERS,
    env: { CATCHMENT_WORKERS: String(workers) },
  });
  try {
    const { cookie, bearer } = await benchCredentials(server.url);
    const script = join(dir, `mix-${workers}.lua`);
    writeFileSync(script, mixScript({ origin: server.url, cookie, bearer }));
    return await wrkWithCpu(server, script, { connections: CONNECTIONS, seconds: SECONDS });
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
