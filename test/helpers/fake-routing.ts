// Local fakes of Valhalla (POST /isochrone) and openrouteservice (POST /v2/isochrones/{profile}) on loopback,
// answering in each engine's own response format with the same contour, so tests can check that both become the
// same saved area. Scripted replies (a 503, a hang) come first, in order; every request is recorded.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoutingRequest {
  path: string;
  body: unknown;
  authorization: string | undefined;
}

export interface ScriptedReply {
  status: number;
  body?: unknown;
  /** Never answer (the client's time-out must end the wait). */
  hang?: boolean;
}

export interface FakeRouting {
  url: string;
  requests: RoutingRequest[];
  script(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

/** A small square-ish contour around [lng, lat]: what both fakes answer, each in its own format. */
export function contourAround([lng, lat]: [number, number], minutes: number): number[][] {
  const d = 0.0012 * minutes;
  return [
    [lng - d, lat - d * 0.6],
    [lng + d, lat - d * 0.6],
    [lng + d * 1.1, lat],
    [lng + d, lat + d * 0.6],
    [lng - d, lat + d * 0.6],
    [lng - d, lat - d * 0.6],
  ];
}

type Engine = 'valhalla' | 'openrouteservice';

/** Valhalla's answer: a FeatureCollection with one Polygon per contour (properties contour, metric…) and no bbox. */
function valhallaAnswer(body: {
  locations: { lon: number; lat: number }[];
  contours: { time: number }[];
}) {
  const { lon, lat } = body.locations[0]!;
  return {
    id: 'isochrone',
    type: 'FeatureCollection',
    features: body.contours.map(({ time }) => ({
      type: 'Feature',
      properties: {
        fill: '#bf4040',
        fillOpacity: 0.33,
        'fill-opacity': 0.33,
        fillColor: '#bf4040',
        color: '#bf4040',
        contour: time,
        opacity: 0.33,
        metric: 'time',
      },
      geometry: { type: 'Polygon', coordinates: [contourAround([lon, lat], time)] },
    })),
  };
}

/** openrouteservice's answer: a FeatureCollection with bbox and metadata; each feature's value is its range in s. */
function openRouteServiceAnswer(body: { locations: number[][]; range: number[] }, profile: string) {
  const [lon = 0, lat = 0] = body.locations[0]!;
  return {
    type: 'FeatureCollection',
    bbox: [lon - 0.05, lat - 0.05, lon + 0.05, lat + 0.05],
    features: body.range.map((seconds) => ({
      type: 'Feature',
      properties: { group_index: 0, value: seconds, center: [lon, lat] },
      geometry: { type: 'Polygon', coordinates: [contourAround([lon, lat], seconds / 60)] },
    })),
    metadata: {
      attribution: 'openrouteservice.org | OpenStreetMap contributors',
      service: 'isochrones',
      timestamp: 1765000000000,
      query: { profile, locations: body.locations, range: body.range },
      engine: { version: '9.0.0', build_date: '2025-01-01T00:00:00Z' },
    },
  };
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });

export async function startFakeRouting(engine: Engine): Promise<FakeRouting> {
  const requests: RoutingRequest[] = [];
  let scripted: ScriptedReply[] = [];
  const hanging = new Set<() => void>();
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const body = JSON.parse(text || 'null') as never;
      const path = req.url ?? '/';
      requests.push({ path, body, authorization: req.headers.authorization });
      const reply = scripted.shift();
      if (reply?.hang) {
        hanging.add(() => res.destroy());
        return;
      }
      const send = (status: number, answer: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer));
      };
      if (reply) return send(reply.status, reply.body ?? {});
      if (engine === 'valhalla' && path === '/isochrone') return send(200, valhallaAnswer(body));
      const ors = /^\/v2\/isochrones\/([\w-]+)$/.exec(path);
      if (engine === 'openrouteservice' && ors)
        return send(200, openRouteServiceAnswer(body, ors[1]!));
      send(404, { error: `no route ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => {
      scripted = [...scripted, ...replies];
    },
    close: async () => {
      for (const drop of hanging) drop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
