// Which requests are heavy, in three classes with a limiter each (server/http/concurrency-limit.ts): map data the
// map asks for many at a time, analyses that scan the customer index or build surfaces, and exports that write whole
// files. Everything else (health, live offers for tills, sign-in, lists, area edits) is never limited.
import type { MiddlewareHandler } from 'hono';
import { createConcurrencyLimiter, type LimitSize } from './concurrency-limit.js';

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

/** What each class is called in a 503's detail. */
const DESCRIPTIONS: Record<HeavyClass, string> = {
  map: 'customer tiles and pages',
  analysis: 'audiences and analyses',
  export: 'exports and reports',
};

const routes: { method: string; path: RegExp; heavy: HeavyClass }[] = [
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
  return routes.find((r) => r.method === verb && r.path.test(path))?.heavy ?? null;
}

/** One limiter per class; null limits (CATCHMENT_LIMITS=off) let every request through, as before. */
export function limitHeavyRoutes(limits: HeavyLimits | null): MiddlewareHandler {
  if (!limits) return (_c, next) => next();
  const limiters = Object.fromEntries(
    HEAVY_CLASSES.map((k) => [k, createConcurrencyLimiter(DESCRIPTIONS[k], limits[k])]),
  ) as Record<HeavyClass, ReturnType<typeof createConcurrencyLimiter>>;
  return (c, next) => {
    const heavy = heavyClassOf(c.req.method, c.req.path);
    return heavy ? limiters[heavy].run(next) : next();
  };
}
