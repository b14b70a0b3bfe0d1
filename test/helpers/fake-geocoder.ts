// A local fake of a Nominatim search endpoint (node:http on port 0). Addresses it knows answer a jsonv2 list with one
// place, others an empty list; scripted replies (a 503, a slow answer) come first, in order. Every request is recorded
// with its query and the moment it arrived (performance.now), so tests can check the spacing the rate limit keeps.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GeocoderRequest {
  q: string | null;
  format: string | null;
  limit: string | null;
  userAgent: string | undefined;
  at: number;
}

export interface Scripted {
  status: number;
  body?: string;
  delayMs?: number;
}

export interface FakeGeocoder {
  url: string;
  requests: GeocoderRequest[];
  /** Known addresses (as sent, after lower-casing) and their [lng, lat]. */
  places: Map<string, [number, number]>;
  /** Replies for the next requests, before the known places answer. */
  script(...replies: Scripted[]): void;
  close(): Promise<void>;
}

export async function startFakeGeocoder(): Promise<FakeGeocoder> {
  const requests: GeocoderRequest[] = [];
  const places = new Map<string, [number, number]>();
  let scripted: Scripted[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const q = url.searchParams.get('q');
    requests.push({
      q,
      format: url.searchParams.get('format'),
      limit: url.searchParams.get('limit'),
      userAgent: req.headers['user-agent'],
      at: performance.now(),
    });
    const place = places.get((q ?? '').toLowerCase());
    const reply: Scripted = scripted.shift() ?? {
      status: 200,
      body: JSON.stringify(
        place
          ? [
              {
                place_id: 1,
                lat: String(place[1]),
                lon: String(place[0]),
                display_name: q,
                category: 'building',
                type: 'house',
                importance: 0.5,
              },
            ]
          : [],
      ),
    };
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
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
    url: `http://127.0.0.1:${port}/search`,
    requests,
    places,
    script: (...replies) => {
      scripted = replies;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
