// GET /api/offers/live: the Hono route's handler, and a lane that answers a till's plain lookup before Hono builds its
// Request and Context. A till asks for the offers at its own point again and again; Hono's request and context
// objects, its middleware chain and routing cost as much again as the lookup itself (issue 21, docs/scaling.md).
// The lane answers only what the app would answer 200 to, with the same bytes: a GET with no body, one Authorization
// header with a known API token allowed offers:read, and a query string the route has already parsed and accepted.
// Everything else (a new query, a refusal, a session cookie, HEAD) goes on to the app, so the lane never refuses.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { allows, routeAccess } from '../domain/permissions.js';
import { liveOffersQuery, type LiveOffers } from '../domain/schemas/offer.js';
import { tokenPrincipal } from '../services/accounts/auth.js';
import { bearerTokenOf } from './auth.js';
import { memoisedQuery } from './query-memo.js';
import { API_SECURITY_HEADERS } from './security-headers.js';

export const LIVE_OFFERS_PATH = '/api/offers/live';

/** Answers a request, or says false to let the app answer it. */
export type Lane = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

export interface LiveOffersLookup {
  route: (c: Context) => Response;
  lane: Lane;
}

const lookups = new WeakMap<AppDeps, LiveOffersLookup>();

/** One per app (per deps): the route and the lane share the queries the route has accepted. */
export function liveOffersLookupOf(deps: AppDeps): LiveOffersLookup {
  let lookup = lookups.get(deps);
  if (!lookup) lookups.set(deps, (lookup = createLiveOffersLookup(deps)));
  return lookup;
}

const QUESTION_MARK = 63;
const access = routeAccess[`GET ${LIVE_OFFERS_PATH}`]!;
// As app.ts's chain sends them: the API's security headers, then the route's (c.json); a worker adds its number.
const apiHeaders = Object.fromEntries(API_SECURITY_HEADERS);

function createLiveOffersLookup(deps: AppDeps): LiveOffersLookup {
  const { offers, weather, clock, db, logger, workerId, followWrites } = deps;
  const queries = memoisedQuery(liveOffersQuery);
  const answer = (query: { lat: number; lng: number; at?: string | undefined }): LiveOffers => {
    const at = query.at ? new Date(query.at) : clock();
    return {
      at: at.toISOString(),
      offers: offers.offersAt(query.lng, query.lat, at, weather.provider.at),
    };
  };
  const logged = logger.infoEnabled !== false;

  const route = (c: Context) => {
    const parsed = queries(c);
    return parsed.ok ? c.json(answer(parsed.query), 200) : parsed.response;
  };

  const lane: Lane = (incoming, outgoing) => {
    const url = incoming.url ?? '';
    if (incoming.method !== 'GET' || !url.startsWith(LIVE_OFFERS_PATH)) return false;
    if (
      url.length > LIVE_OFFERS_PATH.length &&
      url.charCodeAt(LIVE_OFFERS_PATH.length) !== QUESTION_MARK
    )
      return false;
    const { headers } = incoming;
    if (headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? '0') !== '0')
      return false;
    const query = queries.kept(url.slice(LIVE_OFFERS_PATH.length + 1));
    const token = query && bearerTokenOf(onlyAuthorization(incoming.rawHeaders));
    if (!token) return false;
    const started = logged ? performance.now() : 0;
    followWrites?.();
    const principal = tokenPrincipal(db, token, clock());
    if (!principal || !allows(principal, access)) return false;
    let body: string;
    try {
      body = JSON.stringify(answer(query));
    } catch {
      return false; // the app answers again, and its error handler says what went wrong
    }
    outgoing.writeHead(200, {
      ...apiHeaders,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      ...(workerId === undefined ? {} : { 'Catchment-Worker': String(workerId) }),
    });
    outgoing.end(body);
    if (logged)
      logger.info('request', {
        method: 'GET',
        route: LIVE_OFFERS_PATH,
        status: 200,
        ms: Math.round(performance.now() - started),
      });
    return true;
  };
  return { route, lane };
}

/**
 * The Authorization header when the request has exactly one. Node keeps only the first of several in
 * incoming.headers, while the app reads them joined (and then finds no token in them).
 */
function onlyAuthorization(rawHeaders: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length !== 13 || name.toLowerCase() !== 'authorization') continue;
    if (value !== undefined) return undefined;
    value = rawHeaders[i + 1];
  }
  return value;
}

/** A request listener that offers each request to `lane` first and hands the rest to `app`. */
export function laneFirst(lane: Lane, app: RequestListener): RequestListener {
  return (incoming, outgoing) => {
    if (!lane(incoming, outgoing)) return app(incoming, outgoing);
  };
}
