// Load from wrk (Debian's `wrk` package) when it is installed: a C client that costs the shared CPUs far less than
// a JavaScript one, so more of the machine is left to the server under test. Each request asks a random point in the
// bbox (a Lua script appends lat and lng). Gives the same LoadResult as the worker-thread generator.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LoadOptions, LoadResult } from './offers-load.js';

export const WRK = '/usr/bin/wrk';
export const wrkInstalled = () => existsSync(WRK);

const run = promisify(execFile);

/** The Lua request function: one GET per call at a random point, with the headers given. */
export function wrkScript(options: Pick<LoadOptions, 'url' | 'headers' | 'bbox'>): string {
  const [minX, minY, maxX, maxY] = options.bbox;
  const url = new URL(options.url);
  const path = `${url.pathname}${url.search}${url.search ? '&' : '?'}`;
  const headers = Object.entries(options.headers)
    .map(([name, value]) => `[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join(', ');
  return [
    'math.randomseed(42)',
    `local headers = { ${headers} }`,
    'request = function()',
    `  local lng = ${minX} + math.random() * ${maxX - minX}`,
    `  local lat = ${minY} + math.random() * ${maxY - minY}`,
    // The path is joined, not formatted: it carries percent-escapes (at=…%3A…) that string.format would read.
    `  return wrk.format("GET", ${JSON.stringify(path)} .. string.format("lat=%.6f&lng=%.6f", lat, lng), headers)`,
    'end',
    '',
  ].join('\n');
}

/** Reads wrk's summary: "N requests in Xs", "Non-2xx or 3xx responses: N" and "Socket errors: connect a, read b, …". */
export function parseWrkOutput(
  output: string,
): Pick<LoadResult, 'ok' | 'failed' | 'seconds' | 'statuses' | 'firstFailure'> {
  const total = /(\d+) requests in ([\d.]+)(ms|s|m)/.exec(output);
  if (!total) throw new Error(`wrk printed no request count:\n${output}`);
  const seconds =
    Number(total[2]) * ({ ms: 0.001, s: 1, m: 60 } as const)[total[3] as 'ms' | 's' | 'm'];
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  );
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const requests = Number(total[1]);
  const failed = non2xx + socketErrors;
  return {
    ok: requests - non2xx,
    failed,
    seconds,
    statuses: { '2xx': requests - non2xx, ...(non2xx ? { 'non-2xx': non2xx } : {}) },
    firstFailure: failed ? `${non2xx} non-2xx answers, ${socketErrors} socket errors` : null,
  };
}

/**
 * A warm-up run, then the measured one, over `inFlight` keep-alive connections from one wrk thread. The server must
 * run in this process: the CPU it used while wrk measured is returned with the counts.
 */
export async function wrkLoad(options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-wrk-'));
  try {
    const script = join(dir, 'points.lua');
    writeFileSync(script, wrkScript(options));
    const args = (ms: number) => [
      '-t1',
      `-c${options.inFlight}`,
      `-d${Math.max(1, Math.round(ms / 1000))}s`,
      '-s',
      script,
      new URL(options.url).origin,
    ];
    await run(WRK, args(options.warmupMs));
    const cpuBefore = process.cpuUsage();
    const { stdout } = await run(WRK, args(options.measureMs));
    const cpu = process.cpuUsage(cpuBefore);
    return { ...parseWrkOutput(stdout), serverCpuSeconds: (cpu.user + cpu.system) / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
