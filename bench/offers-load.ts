// Load generator for the live-offers benchmark, run in a worker thread so it does not share the server's event loop:
// keeps `inFlight` GET requests open over keep-alive connections for a warm-up and then a measured period, each at a
// random point in the bbox, and counts the answers by status. Posts { ok, failed, statuses, seconds } when done.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadOptions {
  /** Base URL, e.g. http://127.0.0.1:1234/api/offers/live?at=… — lat and lng are appended. */
  url: string;
  headers: Record<string, string>;
  bbox: [number, number, number, number];
  inFlight: number;
  warmupMs: number;
  measureMs: number;
}

export interface LoadResult {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  seconds: number;
  firstFailure: string | null;
  /**
   * CPU time this process (the server under test) spent during the measured period: known only with wrk, which runs
   * in its own process; the worker-thread generator's own work would be counted in it.
   */
  serverCpuSeconds?: number;
}

const options = workerData as LoadOptions;
const agent = new Agent({ keepAlive: true, maxSockets: options.inFlight });
const [minX, minY, maxX, maxY] = options.bbox;
const base = new URL(options.url);
const sep = base.search ? '&' : '?';

let measuring = false;
let stopping = false;
let measuredFrom = 0;
const result: LoadResult = { ok: 0, failed: 0, statuses: {}, seconds: 0, firstFailure: null };

function one(): Promise<void> {
  const lng = (minX + Math.random() * (maxX - minX)).toFixed(6);
  const lat = (minY + Math.random() * (maxY - minY)).toFixed(6);
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path: `${base.pathname}${base.search}${sep}lat=${lat}&lng=${lng}`,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (measuring) {
            const status = String(res.statusCode);
            result.statuses[status] = (result.statuses[status] ?? 0) + 1;
            if (res.statusCode === 200) result.ok++;
            else {
              result.failed++;
              result.firstFailure ??= `${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`;
            }
          }
          resolve();
        });
      },
    );
    req.on('error', (error) => {
      if (measuring) {
        result.failed++;
        result.firstFailure ??= String(error);
      }
      resolve();
    });
    req.end();
  });
}

async function loop(): Promise<void> {
  while (!stopping) await one();
}

const loops = Array.from({ length: options.inFlight }, () => loop());
setTimeout(() => {
  measuring = true;
  measuredFrom = performance.now();
  setTimeout(() => {
    measuring = false;
    result.seconds = (performance.now() - measuredFrom) / 1000;
    stopping = true;
    void Promise.all(loops).then(() => {
      agent.destroy();
      parentPort!.postMessage(result);
    });
  }, options.measureMs);
}, options.warmupMs);
