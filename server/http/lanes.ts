// Lanes: the few hot GETs (a till's live offers, the stores and areas lists a map reloads) answered before Hono builds
// its Request and Context. Hono's request and context objects, its middleware chain and routing cost a till's lookup
// as much again as the lookup itself (issue 21, docs/scaling.md). A lane answers only what the app would answer the
// same way, with the same bytes: a GET with no body, a caller the app would let in (one API token, or one plain
// session cookie) with the route's permission, and an answer the route has already made (a query it accepted, a body
// it cached). Everything else, refusals included, goes on to the app: a lane never refuses.
import type {
  IncomingMessage,
  OutgoingHttpHeaders,
  RequestListener,
  ServerResponse,
} from 'node:http';
import type { AppDeps } from '../deps.js';
import { allows, routeAccess, type Principal } from '../domain/permissions.js';
import { sessionUser, tokenPrincipal, userPrincipal } from '../services/accounts/auth.js';
import { bearerTokenOf, plainSessionCookie } from './auth.js';
import { API_SECURITY_HEADERS } from './security-headers.js';

/** What a lane answers, or null to let the app answer. */
export type LaneAnswer = { status: 200 | 304; headers: OutgoingHttpHeaders; body: string | null };

export interface LaneSpec {
  /** The route's path, exactly (no parameters). */
  path: string;
  /** The answer for this caller and raw query string (without `?`), or null. */
  answer(caller: Principal, rawQuery: string, incoming: IncomingMessage): LaneAnswer | null;
}

type Lane = (incoming: IncomingMessage, outgoing: ServerResponse, rawQuery: string) => boolean;

const registries = new WeakMap<AppDeps, Map<string, Lane>>();
const lanesOf = (deps: AppDeps) => {
  let lanes = registries.get(deps);
  if (!lanes) registries.set(deps, (lanes = new Map()));
  return lanes;
};

/**
 * Offers GET `spec.path` to a lane from now on. The first app made from these deps keeps its lanes (a test that makes
 * a second app from a running server's deps leaves the server's lanes alone).
 */
export function addLane(deps: AppDeps, spec: LaneSpec): void {
  const lanes = lanesOf(deps);
  if (!lanes.has(spec.path)) lanes.set(spec.path, createLane(deps, spec));
}

/** A request listener that offers each request to the lane of its path, if any, and hands the rest to `app`. */
export function lanesFirst(deps: AppDeps, app: RequestListener): RequestListener {
  const lanes = lanesOf(deps);
  return (incoming, outgoing) => {
    const url = incoming.url ?? '';
    const queryAt = url.indexOf('?');
    const lane = lanes.get(queryAt < 0 ? url : url.slice(0, queryAt));
    if (!lane || !lane(incoming, outgoing, queryAt < 0 ? '' : url.slice(queryAt + 1)))
      return app(incoming, outgoing);
  };
}

// Sent as app.ts's chain sends them: the API's security headers, then the route's; a cluster worker adds its number.
const apiHeaders = Object.fromEntries(API_SECURITY_HEADERS);

function createLane(deps: AppDeps, spec: LaneSpec): Lane {
  const { clock, logger, workerId, followWrites } = deps;
  const access = routeAccess[`GET ${spec.path}`];
  if (access === undefined || access === 'public') throw new Error(`no lane for ${spec.path}`);
  const worker = workerId === undefined ? {} : { 'Catchment-Worker': String(workerId) };
  const logged = logger.infoEnabled !== false;
  return (incoming, outgoing, rawQuery) => {
    const { headers } = incoming;
    if (incoming.method !== 'GET') return false;
    if (headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? '0') !== '0')
      return false;
    const started = logged ? performance.now() : 0;
    let answer: LaneAnswer | null;
    try {
      followWrites?.();
      const caller = callerOf(deps, incoming, clock());
      answer = caller && allows(caller, access) ? spec.answer(caller, rawQuery, incoming) : null;
    } catch {
      return false; // the app answers again, and its error handler says what went wrong
    }
    if (!answer) return false;
    const { status, body } = answer;
    outgoing.writeHead(status, {
      ...apiHeaders,
      ...answer.headers,
      ...(body === null ? {} : { 'Content-Length': Buffer.byteLength(body) }),
      ...worker,
    });
    outgoing.end(body ?? undefined);
    if (logged)
      logger.info('request', {
        method: 'GET',
        route: spec.path,
        status,
        ms: Math.round(performance.now() - started),
      });
    return true;
  };
}

/**
 * The caller as the app's sign-in finds them: an API token when the request has one Authorization header (Node keeps only
 * the first of several, while the app reads them joined and finds no token), else a plain session cookie. Null for
 * anything the app would refuse or would answer with more than the route's answer (clearing a stale cookie).
 */
function callerOf(deps: AppDeps, incoming: IncomingMessage, now: Date): Principal | null {
  const authorization = onlyHeader(incoming.rawHeaders, 'authorization');
  if (authorization === null) return null;
  if (authorization !== undefined) {
    const token = bearerTokenOf(authorization);
    return token ? tokenPrincipal(deps.db, token, now) : null;
  }
  const cookie = incoming.headers.cookie;
  const sessionId = cookie ? plainSessionCookie(cookie) : undefined;
  const user = sessionId ? sessionUser(deps.db, sessionId, now) : null;
  return user ? userPrincipal(user) : null;
}

/** The value of a header sent once; undefined when it was not sent, null when it was sent more than once. */
function onlyHeader(rawHeaders: string[], lowerName: string): string | undefined | null {
  let value: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length !== lowerName.length || name.toLowerCase() !== lowerName) continue;
    if (value !== undefined) return null;
    value = rawHeaders[i + 1];
  }
  return value;
}
