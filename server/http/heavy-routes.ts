// Which requests are heavy, in three classes with a limiter each (server/http/concurrency-limit.ts): map data the
// map asks for many at a time, analyses that scan the customer index or build surfaces, and exports that write whole
// files. Everything else (health, live offers for tills, sign-in, lists, area edits) is never limited.
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { DEFAULT_BODY_LIMIT_BYTES } from './guards.js';
import {
  createConcurrencyLimiter,
  type ConcurrencyLimiter,
  type LimitSize,
} from './concurrency-limit.js';
import { memoised } from '../domain/memo.js';
import { bodyKept } from './node-body.js';
import { ProblemError } from './problem.js';
import { createTurnGate } from './turn-gate.js';
import { createHeavyLoad, type HeavyLoad } from './heavy-load.js';

export const HEAVY_CLASSES = ['map', 'analysis', 'export'] as const;
export type HeavyClass = (typeof HEAVY_CLASSES)[number];
export type HeavyLimits = Record<HeavyClass, LimitSize>;

/**
 * Sizes by default: the map asks for a dozen tiles at once per person; analyses run two at a time like the audience
 * worker pool; exports and PDF reports hold a whole file in memory. README's configuration table lists them.
 */
export const DEFAULT_HEAVY_LIMITS: HeavyLimits = {
  map: { inFlight: 4, queue: 128 },
  analysis: { inFlight: 2, queue: 32 },
  export: { inFlight: 2, queue: 8 },
};

/** What each class is called in a 503's detail and in the OpenAPI document (heavy-docs.ts). */
export const HEAVY_DESCRIPTIONS: Record<HeavyClass, string> = {
  map: 'customer tiles and pages',
  analysis: 'audiences and analyses',
  export: 'exports and reports',
};

/** Each heavy route by method and path (a test checks every one names a route the API has). */
export const HEAVY_ROUTES: { method: string; path: RegExp; heavy: HeavyClass }[] = [
  { method: 'GET', path: /^\/api\/tiles\/customers\//, heavy: 'map' },
  { method: 'GET', path: /^\/api\/customers$/, heavy: 'map' },
  { method: 'POST', path: /^\/api\/audience$/, heavy: 'analysis' },
  {
    method: 'POST',
    path: /^\/api\/areas\/(compare|combine|rings|territories)$/,
    heavy: 'analysis',
  },
  { method: 'GET', path: /^\/api\/(areas|campaigns)\/[^/]+\/trends$/, heavy: 'analysis' },
  { method: 'GET', path: /^\/api\/campaigns\/[^/]+\/results$/, heavy: 'analysis' },
  { method: 'GET', path: /^\/api\/stores\/[^/]+\/trade-areas$/, heavy: 'analysis' },
  { method: 'GET', path: /^\/api\/(white-space|choropleth)$/, heavy: 'analysis' },
  { method: 'GET', path: /^\/api\/huff(\/.*)?$/, heavy: 'analysis' },
  { method: 'POST', path: /^\/api\/huff\/what-if$/, heavy: 'analysis' },
  { method: 'POST', path: /^\/api\/isochrones$/, heavy: 'analysis' },
  { method: 'POST', path: /^\/api\/triggers\/what-if$/, heavy: 'analysis' },
  { method: 'GET', path: /^\/api\/audience\/export$/, heavy: 'export' },
  { method: 'POST', path: /^\/api\/audience\/export$/, heavy: 'export' },
  { method: 'GET', path: /^\/api\/(stores|boundaries)\/export\.geojson$/, heavy: 'export' },
  { method: 'GET', path: /^\/api\/customers\/export\.csv$/, heavy: 'export' },
  { method: 'GET', path: /^\/api\/reports\//, heavy: 'export' },
];

/** The class of a request, or null for one that is never limited. */
export function heavyClassOf(method: string, path: string): HeavyClass | null {
  const verb = method === 'HEAD' ? 'GET' : method;
  return HEAVY_ROUTES.find((r) => r.method === verb && r.path.test(path))?.heavy ?? null;
}

/**
 * heavyClassOf kept by method and path: up to twenty regular expressions per request otherwise, twice, for the many
 * requests that are not heavy. Paths carry ids, so the memo starts over past 4,096 of them.
 */
function memoisedClassOf(): typeof heavyClassOf {
  const byRequestLine = memoised((line: string) => {
    const space = line.indexOf(' ');
    return heavyClassOf(line.slice(0, space), line.slice(space + 1));
  }, 4096);
  return (method, path) => byRequestLine(`${method} ${path}`);
}

/**
 * One limiter per class. `shed` goes before the body limit and authentication and refuses a request whose class is
 * full without reading its body through a fetch Request or looking up its session (the cheapest 503, which matters
 * when clients retry at once); `limit` goes after authentication and holds the slot for the rest of the request. Null limits (CATCHMENT_LIMITS=off) let every request through, as before. Either
 * way `load` counts the heavy requests in flight.
 */
export function heavyRouteLimits(
  limits: HeavyLimits | null,
  load: HeavyLoad = createHeavyLoad(),
): {
  shed: MiddlewareHandler;
  limit: MiddlewareHandler;
} {
  // Counted from the slot's start (or, limiter off, the request's) to its answer.
  const counted = async (next: () => Promise<void>) => {
    const leave = load.enter();
    try {
      await next();
    } finally {
      leave();
    }
  };
  if (!limits) {
    const classOf = memoisedClassOf();
    return {
      shed: (_c, next) => next(),
      limit: (c, next) => (classOf(c.req.method, c.req.path) ? counted(next) : next()),
    };
  }
  const turns = createTurnGate();
  const limiters = Object.fromEntries(
    HEAVY_CLASSES.map((k) => [
      k,
      createConcurrencyLimiter(HEAVY_DESCRIPTIONS[k], limits[k], { turns }),
    ]),
  ) as Record<HeavyClass, ConcurrencyLimiter>;
  const classOf = memoisedClassOf();
  const limiterOf = (c: Context) => {
    const heavy = classOf(c.req.method, c.req.path);
    return heavy ? limiters[heavy] : null;
  };
  return {
    shed: (c, next) => {
      const limiter = limiterOf(c);
      if (!limiter) return next();
      return shedding(c, () => limiter.refuseWhenFull()).then(next);
    },
    limit: (c, next) => {
      const limiter = limiterOf(c);
      return limiter ? refusing(c, () => limiter.run(() => counted(next))) : next();
    },
  };
}

/**
 * Runs `step`; when it refuses with 503, reads the request's body first (small: the body limit ran before) so the
 * connection stays open for the client's retry. @hono/node-server closes a connection whose unread body does not drain
 * within 500 ms, which on a busy loop it often cannot, and every reconnect waits in the accept queue again.
 */
async function refusing(c: Context, step: () => unknown): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof ProblemError && error.status === 503 && !bodyKept(c) && c.req.raw.body)
      await c.req.raw.arrayBuffer().catch(() => undefined);
    throw error;
  }
}

/**
 * As `refusing`, for the shed, which runs before anything has read the body: the body is discarded from Node's own
 * request stream, without building a fetch Request around it (most of a refused POST's cost). A body longer than the
 * API reads, or of unknown length, is left unread; the connection then closes after the answer.
 */
async function shedding(c: Context, step: () => void): Promise<void> {
  try {
    step();
  } catch (error) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming) return refusing(c, () => Promise.reject(error));
    const length = Number(incoming.headers['content-length']);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && length <= DEFAULT_BODY_LIMIT_BYTES)
      await discard(incoming);
    throw error;
  }
}

function discard(incoming: IncomingMessage): Promise<void> {
  if (incoming.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    incoming.once('end', resolve);
    incoming.once('error', () => resolve());
    incoming.once('close', resolve);
    incoming.resume();
  });
}
