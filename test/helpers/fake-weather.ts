// A local fake of the Open-Meteo forecast endpoint (node:http on port 0): each request is answered by the next
// scripted reply (the last one repeats), and every request's URL is recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

export const berlinFixture = readFileSync(
  new URL('../fixtures/weather/open-meteo-berlin-72h.json', import.meta.url),
  'utf8',
);

export interface ScriptedReply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answer only after this long (a slow provider). */
  delayMs?: number;
}
export type Reply = ScriptedReply | ((req: IncomingMessage, res: ServerResponse) => void);

export interface FakeWeather {
  url: string;
  requests: URL[];
  /** Replies for the next requests, in order; the last one is repeated. */
  script(...replies: Reply[]): void;
  close(): Promise<void>;
}

export const ok = (body = berlinFixture): ScriptedReply => ({
  status: 200,
  body,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
});

export async function startFakeWeather(): Promise<FakeWeather> {
  let replies: Reply[] = [ok()];
  const requests: URL[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://fake'));
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (typeof reply === 'function') return reply(req, res);
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, reply.headers ?? { 'Content-Type': 'application/json' });
      res.end(reply.body ?? '');
    };
    if (reply.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, reply.delayMs);
      timers.add(timer);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/forecast`,
    requests,
    script: (...next) => {
      replies = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
