// A load generator in its own process for the saturation test: N keep-alive connections, each sending its next heavy
// request (customer tiles, customer pages, audiences at random places) as soon as the last one answered. Prints
// `answered on every connection` once each connection has had an answer, and its counts as JSON when stdin closes.
// Usage: tsx test/helpers/heavy-load.ts <base url> <cookie> <connections>
import { Agent, request } from 'node:http';

const [base = '', cookie = '', connectionsArg = '200'] = process.argv.slice(2);
const connections = Number(connectionsArg);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const counts = { answers: 0, busy: 0, busyWithRetryAfter: 0, failures: 0 };
/** Times of the answers that were not refused as busy. */
const served: number[] = [];
let stopping = false;

function heavyRequest(i: number): { method: string; path: string; body?: string } {
  const x = 13.3 + Math.random() * 0.15;
  const y = 52.47 + Math.random() * 0.08;
  if (i % 3 === 0)
    return {
      method: 'GET',
      path: `/api/tiles/customers/14/${8795 + Math.floor(Math.random() * 16)}/${5365 + Math.floor(Math.random() * 16)}.pbf`,
    };
  if (i % 3 === 1)
    return {
      method: 'GET',
      path: `/api/customers?bbox=${x},${y},${x + 0.04},${y + 0.03}&limit=200`,
    };
  const d = 0.03;
  const ring = [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
  return {
    method: 'POST',
    path: '/api/audience',
    body: JSON.stringify({ geometry: { type: 'Polygon', coordinates: [ring] } }),
  };
}

function send(i: number): Promise<void> {
  const { method, path, body } = heavyRequest(i);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      base + path,
      {
        method,
        agent,
        headers: {
          Cookie: cookie,
          Origin: base,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => {
          counts.answers++;
          if (res.statusCode !== 503) served.push(performance.now() - started);
          else {
            counts.busy++;
            if (/^\d+$/.test(String(res.headers['retry-after']))) counts.busyWithRetryAfter++;
          }
          resolve();
        });
      },
    );
    req.once('error', () => {
      counts.failures++;
      resolve();
    });
    req.end(body);
  });
}

let answeredConnections = 0;
process.stdout.write('connecting\n');
for (let c = 0; c < connections; c++)
  void (async () => {
    let i = c;
    await send(i);
    if (++answeredConnections === connections)
      process.stdout.write('answered on every connection\n');
    while (!stopping) await send((i += connections));
  })();

process.stdin.resume();
process.stdin.once('end', () => {
  stopping = true;
  served.sort((a, b) => a - b);
  const medianServedMs = served[Math.floor(served.length / 2)] ?? 0;
  process.stdout.write(`${JSON.stringify({ ...counts, answeredConnections, medianServedMs })}\n`);
  agent.destroy();
  process.exit(0);
});
