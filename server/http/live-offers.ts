// GET /api/offers/live: the route's handler, and its lane (lanes.ts) for a till's repeated lookup. A till asks for the
// offers at its own point again and again: the lane answers a query string the route has already parsed and accepted.
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { liveOffersQuery, type LiveOffers } from '../domain/schemas/offer.js';
import { addLane } from './lanes.js';
import { memoisedQuery } from './query-memo.js';

export const LIVE_OFFERS_PATH = '/api/offers/live';

/** The route's handler; the lane it adds shares the queries the route has accepted. */
export function liveOffersRoute(deps: AppDeps): (c: Context) => Response {
  const { offers, weather, clock } = deps;
  const queries = memoisedQuery(liveOffersQuery);
  const answer = (query: { lat: number; lng: number; at?: string | undefined }): LiveOffers => {
    const at = query.at ? new Date(query.at) : clock();
    return {
      at: at.toISOString(),
      offers: offers.offersAt(query.lng, query.lat, at, weather.provider.at),
    };
  };
  addLane(deps, {
    path: LIVE_OFFERS_PATH,
    answer: (_caller, rawQuery) => {
      const query = queries.kept(rawQuery);
      return query
        ? {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(answer(query)),
          }
        : null;
    },
  });
  return (c) => {
    const parsed = queries(c);
    return parsed.ok ? c.json(answer(parsed.query), 200) : parsed.response;
  };
}
