// The request mix `npm run loadtest` sends (issue 21): stores, a customer page, an audience, a customer tile, live
// offers twice (tills ask most often), and an area created, renamed and deleted. Areas move through the three writes
// as their answers come back; a write with no area ready to take is sent as a live-offers request instead.
import { bboxPolygon } from '@turf/turf';

export interface Credentials {
  /** The Cookie header of a signed-in session (stores, customers, audience, tiles, areas). */
  cookie: string;
  /** The Authorization header of an API token with offers:read (live offers, as a till sends it). */
  bearer: string;
  origin: string;
}

export interface PlannedRequest {
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Called with the answer, for the area writes to pass the id along. */
  onAnswer?: (status: number, body: string) => void;
}

/** A square of side `d` degrees with its south-west corner at (x, y). */
const square = (x: number, y: number, d: number) => bboxPolygon([x, y, x + d, y + d]).geometry;

/** Returns the i-th request of the mix (i counts from 0); keeps the ids of areas between their writes. */
export function createMix(credentials: Credentials): (i: number) => PlannedRequest {
  const session = { Cookie: credentials.cookie, Origin: credentials.origin };
  const json = { ...session, 'Content-Type': 'application/json' };
  const created: string[] = [];
  const renamed: string[] = [];
  const liveOffers = (): PlannedRequest => ({
    route: 'live offers',
    method: 'GET',
    path: '/api/offers/live?lat=52.52&lng=13.41',
    headers: { Authorization: credentials.bearer },
  });
  const steps: (() => PlannedRequest)[] = [
    () => ({ route: 'stores', method: 'GET', path: '/api/stores', headers: session }),
    () => ({
      route: 'customer page',
      method: 'GET',
      path: '/api/customers?bbox=13.38,52.50,13.42,52.53&limit=50',
      headers: session,
    }),
    () => ({
      route: 'audience',
      method: 'POST',
      path: '/api/audience',
      headers: json,
      body: JSON.stringify({ geometry: square(13.38, 52.5, 0.03) }),
    }),
    () => ({
      route: 'customer tile',
      method: 'GET',
      path: '/api/tiles/customers/13/4401/2686.pbf',
      headers: session,
    }),
    liveOffers,
    () => ({
      route: 'area create',
      method: 'POST',
      path: '/api/areas',
      headers: json,
      body: JSON.stringify({ name: 'load test area', geometry: square(13.4, 52.5, 0.01) }),
      onAnswer: (status, body) => {
        if (status === 201) created.push((JSON.parse(body) as { id: string }).id);
      },
    }),
    () => {
      const id = created.shift();
      if (!id) return liveOffers();
      return {
        route: 'area patch',
        method: 'PATCH',
        path: `/api/areas/${id}`,
        headers: json,
        body: JSON.stringify({ name: 'load test area, renamed', version: 1 }),
        onAnswer: (status) => {
          if (status === 200) renamed.push(id);
        },
      };
    },
    () => {
      const id = renamed.shift();
      if (!id) return liveOffers();
      return { route: 'area delete', method: 'DELETE', path: `/api/areas/${id}`, headers: session };
    },
  ];
  return (i) => steps[i % steps.length]!();
}
