// createApp: the whole HTTP surface — API routes, OpenAPI document, docs, glyphs and the built client.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import type { AppDeps } from './deps.js';
import { ProblemError, problemBody, problemResponse, serviceErrorStatus } from './http/problem.js';
import { ServiceError } from './services/errors.js';
import {
  allowedMethods,
  checks,
  dotSegments,
  limitBody,
  MAX_URL_LENGTH,
  mediaTypeRequired,
  methodNotAllowed,
  repeatedQuery,
  urlTooLong,
} from './http/guards.js';
import { MAX_HEADER_BYTES } from './http/client-errors.js';
import { clientRoutes } from './http/static.js';
import { glyphRoutes } from './http/glyphs.js';
import { apiDocsRoutes } from './http/api-docs.js';
import { authenticate, type AuthEnv } from './http/auth.js';
import { securityHeaders } from './http/security-headers.js';
import { heavyRouteLimits } from './http/heavy-routes.js';
import { withHeavyRefusals } from './http/heavy-docs.js';
import { healthRoutes } from './routes/health.js';
import { authRoutes } from './routes/auth.js';
import { workspaceRoutes } from './routes/workspace.js';
import { basemapRoutes } from './routes/basemap.js';
import { storeRoutes } from './routes/stores.js';
import { exportRoutes } from './routes/exports.js';
import { reportRoutes } from './routes/reports.js';
import { demoRoutes } from './routes/demo.js';
import { boundaryRoutes } from './routes/boundaries.js';
import { customerRoutes } from './routes/customers.js';
import { tileRoutes } from './routes/tiles.js';
import { areaRoutes } from './routes/areas.js';
import { audienceRoutes } from './routes/audience.js';
import { userRoutes } from './routes/users.js';
import { tokenRoutes } from './routes/tokens.js';
import { auditRoutes } from './routes/audit.js';
import { settingsRoutes } from './routes/settings.js';
import { eventRoutes } from './routes/events.js';
import { eventFeedRoutes } from './routes/event-feeds.js';
import { whiteSpaceRoutes } from './routes/white-space.js';
import { huffRoutes } from './routes/huff.js';
import { choroplethRoutes } from './routes/choropleth.js';
import { campaignRoutes } from './routes/campaigns.js';
import { offerRoutes } from './routes/offers.js';
import { redemptionRoutes } from './routes/redemptions.js';
import { trendRoutes } from './routes/trends.js';
import { purchaseRoutes } from './routes/purchases.js';
import { weatherRoutes } from './routes/weather.js';
import { webhookRoutes } from './routes/webhooks.js';
import { importRoutes } from './routes/imports.js';
import { unplacedRoutes } from './routes/unplaced.js';
import { importMediaTypes } from './domain/schemas/import.js';
import { isochroneRoutes } from './routes/isochrones.js';
import { tradeAreaRoutes } from './routes/trade-areas.js';

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  // First, so no middleware runs: Node's HTTP server and Hono's routing alone.
  if (deps.bareRoute) app.get('/api/__bare', (c) => c.text('ok'));

  // Cluster mode: which worker answered (for operators and the cluster tests), and its index in step with the others.
  const { workerId, followWrites } = deps;
  if (workerId !== undefined)
    app.use('*', async (c, next) => {
      followWrites?.();
      await next();
      c.header('Catchment-Worker', String(workerId));
    });
  // The cheap checks share middleware levels (guards.ts `checks`): each level is an async dispatch a till pays for.
  app.use(
    '*',
    securityHeaders(
      { basemapStyleUrl: deps.config.basemapStyleUrl },
      checks(dotSegments, urlTooLong()),
    ),
  );
  // Skipped when info lines go nowhere (CATCHMENT_LOG=error): naming the route costs a till's lookup a few µs.
  if (deps.logger.infoEnabled !== false)
    app.use('/api/*', async (c, next) => {
      const started = performance.now();
      await next();
      // The route pattern, not the path: paths can carry customer ids, which are personal data.
      deps.logger.info('request', {
        method: c.req.method,
        route: matchedRoutes(c)[c.req.routeIndex]?.path ?? '?',
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    });
  // Heavy routes (tiles, audiences, exports…) are bounded per class: a full class is refused first, before the body
  // limit builds a fetch Request to read the body and before the session is looked up (the cheapest 503, which
  // matters when clients retry at once); a slot is taken only after sign-in. Health and till lookups are not heavy
  // and never wait here. File imports stream their body to disk under their own, much larger limit (upload.ts).
  const heavy = heavyRouteLimits(deps.config.heavyLimits, deps.heavyLoad);
  const bodyLimit = limitBody();
  // The shed's next() hands back whatever the rest answered, a refusal included, as Hono's own chain does.
  const beforeSignIn = (c: Context, next: Next): Promise<Response | void> => {
    const refusal = repeatedQuery(c);
    if (refusal) return Promise.resolve(refusal);
    return isImportUpload(c.req.method, c.req.path) ? next() : bodyLimit(c, next);
  };
  const signIn = authenticate(deps);
  const mediaType = mediaTypeRequired([
    { prefix: '/api/events/import', types: ['text/calendar', 'application/json'] },
    { prefix: '/api/import/', types: importMediaTypes },
  ]);
  const afterSignIn = (c: Context<AuthEnv>, next: Next): Promise<Response | void> => {
    const refusal = mediaType(c);
    return refusal ? Promise.resolve(refusal) : heavy.limit(c, next);
  };
  // The shed, the guards, sign-in and the heavy slot in that order, called one inside the other in a single level of
  // Hono's chain rather than four: each level is an async dispatch, and a till's lookup pays for every one.
  const then = (step: Promise<Response | void>) => step as Promise<void>;
  app.use('/api/*', (c, next) =>
    heavy.shed(c, () =>
      then(beforeSignIn(c, () => then(signIn(c, () => then(afterSignIn(c, next)))))),
    ),
  );

  const api = app
    .route('/', healthRoutes(deps))
    .route('/', authRoutes(deps))
    .route('/', workspaceRoutes(deps))
    .route('/', basemapRoutes(deps))
    .route('/', demoRoutes(deps))
    .route('/', exportRoutes(deps))
    .route('/', storeRoutes(deps))
    .route('/', boundaryRoutes(deps))
    .route('/', customerRoutes(deps))
    .route('/', tileRoutes(deps))
    .route('/', areaRoutes(deps))
    .route('/', isochroneRoutes(deps))
    .route('/', tradeAreaRoutes(deps))
    .route('/', audienceRoutes(deps))
    .route('/', userRoutes(deps))
    .route('/', tokenRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', settingsRoutes(deps))
    .route('/', whiteSpaceRoutes(deps))
    .route('/', huffRoutes(deps))
    .route('/', choroplethRoutes(deps))
    .route('/', eventFeedRoutes(deps))
    .route('/', eventRoutes(deps))
    .route('/', redemptionRoutes(deps))
    .route('/', trendRoutes(deps))
    .route('/', purchaseRoutes(deps))
    .route('/', campaignRoutes(deps))
    .route('/', offerRoutes(deps))
    .route('/', weatherRoutes(deps))
    .route('/', webhookRoutes(deps))
    .route('/', unplacedRoutes(deps))
    .route('/', importRoutes(deps))
    .route('/', reportRoutes(deps));

  // The document as @hono/zod-openapi builds it (as app.doc31 would answer it), with the heavy routes' 503s added.
  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Catchment API',
      version: '0.1.0',
      description: [
        'Areas, audiences, campaigns and triggered offers for local micromarketing. Errors are RFC 9457 problem+json naming each bad field.',
        '',
        `Query strings: numbers are plain decimals (\`-13.405\`; no exponent, hexadecimal, spaces or Infinity), whole numbers digits only; each parameter at most once (400 otherwise); page sizes above their maximum are refused (400), never clamped. URLs longer than ${MAX_URL_LENGTH.toLocaleString('en')} characters answer 414, a request line and headers over ${MAX_HEADER_BYTES.toLocaleString('en')} bytes 431. Stored text refuses control characters (422); notes and offer bodies keep tabs and line breaks.`,
      ].join('\n'),
    },
  } as const;
  app.get('/api/openapi.json', (c) =>
    c.json(withHeavyRefusals(app.getOpenAPI31Document(documentConfig))),
  );
  app.route('/api/docs', apiDocsRoutes({ specUrl: '/api/openapi.json' }));
  app.get('/api/docs/', (c) => c.redirect('/api/docs', 301));
  app.route('/', glyphRoutes());

  app.all('/api/*', (c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) return methodNotAllowed(c, allowed);
    return problemResponse(c, problemBody(404, `No API route ${c.req.method} ${c.req.path}`));
  });
  app.route('/', clientRoutes({ distDir: deps.distDir }));

  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) return methodNotAllowed(c, allowed);
    return problemResponse(c, problemBody(404, `Nothing at ${c.req.path}`));
  });

  app.onError((error, c) => {
    if (error instanceof ProblemError)
      return problemResponse(
        c,
        problemBody(error.status, error.detail, error.errors, error.extensions),
        error.headers,
      );
    if (error instanceof ServiceError)
      return problemResponse(
        c,
        problemBody(serviceErrorStatus[error.kind], error.detail, error.errors, error.extensions),
        // A service that says when to ask again (a pool refusing work at shutdown) says it in the header too.
        typeof error.extensions.retryAfterSeconds === 'number'
          ? { 'Retry-After': String(error.extensions.retryAfterSeconds) }
          : {},
      );
    if (error instanceof HTTPException) {
      const detail =
        error.status === 400 && /JSON/i.test(error.message)
          ? 'The body is not valid JSON'
          : error.message;
      const errors =
        error.status === 400 && /JSON/i.test(error.message)
          ? [{ field: 'body', code: 'invalid_json', message: 'malformed JSON' }]
          : undefined;
      return problemResponse(c, problemBody(error.status, detail, errors));
    }
    deps.logger.error('unhandled error', {
      route: matchedRoutes(c)[c.req.routeIndex]?.path ?? '?',
      method: c.req.method,
      error: error instanceof Error ? error.stack : String(error),
    });
    return problemResponse(
      c,
      problemBody(
        500,
        'Something went wrong on our side; the request was not applied.',
        undefined,
        {
          code: 'internal',
        },
      ),
    );
  });

  return api;
}

const IMPORT_UPLOAD = /^\/api\/import\/(customers|stores|boundaries|purchases)(\/preview)?$/;
const isImportUpload = (method: string, path: string) =>
  method === 'POST' && IMPORT_UPLOAD.test(path);

export type AppType = ReturnType<typeof createApp>;
