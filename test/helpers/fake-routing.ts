// Local fakes of Valhalla (POST /isochrone, /sources_to_targets) and openrouteservice (POST /v2/isochrones/{profile},
// /v2/matrix/{profile}) on loopback, answering in each engine's own response format with the same contour and the
// same travel times, so tests can check that both become the same saved area and the same Huff model. Scripted
// replies (a 503, a hang) come first, in order; every request is recorded.
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

/**
 * The fakes' travel time in seconds: 60 s to get going, then 25 km/h along a Manhattan path (so it is not a
 * multiple of the straight line), and no route at all into the square NO_ROUTE_BOX (an island without a bridge).
 */
export function fakeSeconds([lng1, lat1]: number[], [lng2, lat2]: number[]): number | null {
  const [w, s, e, n] = NO_ROUTE_BOX;
  if (lng2! >= w && lng2! <= e && lat2! >= s && lat2! <= n) return null;
  const kmPerLat = 111.2;
  const kmPerLng = kmPerLat * Math.cos((((lat1! + lat2!) / 2) * Math.PI) / 180);
  const km = Math.abs(lng2! - lng1!) * kmPerLng + Math.abs(lat2! - lat1!) * kmPerLat;
  return Math.round(60 + (km / 25) * 3600);
}
/** [west, south, east, north]: targets in here are unreachable. */
export const NO_ROUTE_BOX = [0, 0, 1, 1] as const;

/** Valhalla's matrix: one row per source of { distance (km), time (s), to_index, from_index }, null when no route. */
function valhallaMatrixAnswer(body: {
  sources: { lon: number; lat: number }[];
  targets: { lon: number; lat: number }[];
}) {
  const at = (l: { lon: number; lat: number }) => [l.lon, l.lat];
  return {
    sources_to_targets: body.sources.map((source, i) =>
      body.targets.map((target, j) => {
        const time = fakeSeconds(at(source), at(target));
        return {
          distance: time === null ? null : Math.round((time - 60) * (25 / 3600) * 1000) / 1000,
          time,
          to_index: j,
          from_index: i,
        };
      }),
    ),
    sources: [body.sources],
    targets: [body.targets],
    units: 'kilometers',
  };
}

/** openrouteservice's matrix: durations (s) sources × destinations, indices into `locations`, null when no route. */
function openRouteServiceMatrixAnswer(
  body: { locations: number[][]; sources: number[]; destinations: number[] },
  profile: string,
) {
  const place = (k: number) => ({ location: body.locations[k]!, snapped_distance: 4.2 });
  return {
    durations: body.sources.map((i) =>
      body.destinations.map((j) => fakeSeconds(body.locations[i]!, body.locations[j]!)),
    ),
    destinations: body.destinations.map(place),
    sources: body.sources.map(place),
    metadata: {
      attribution: 'openrouteservice.org | OpenStreetMap contributors',
      service: 'matrix',
      timestamp: 1765000000000,
      query: { ...body, profile, responseType: 'json' },
      engine: { version: '9.0.0', build_date: '2025-01-01T00:00:00Z' },
    },
  };
}

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
      if (engine === 'valhalla' && path === '/sources_to_targets')
        return send(200, valhallaMatrixAnswer(body));
      const matrix = /^\/v2\/matrix\/([\w-]+)$/.exec(path);
      if (engine === 'openrouteservice' && matrix)
        return send(200, openRouteServiceMatrixAnswer(body, matrix[1]!));
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
