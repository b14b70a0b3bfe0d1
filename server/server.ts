// Starts Catchment: open and migrate the DB, seed the demo city when it is empty (unless CATCHMENT_DEMO=0), index
// customers, listen.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { getRequestListener } from '@hono/node-server';
import { lanesFirst } from './http/lanes.js';
import { createApp } from './app.js';
import { answerClientErrors, MAX_HEADER_BYTES } from './http/client-errors.js';
import { closeGracefully } from './http/close-gracefully.js';
import { closeDatabase, openDatabase } from './db/connection.js';
import type { AppDeps } from './deps.js';
import type { Config } from './env.js';
import { createLogger, type Logger } from './logger.js';
import { createCustomerTiles } from './services/customers/tiles.js';
import { createAudiencePool, type AudiencePool } from './services/audience/pool.js';
import { createHeavyLoad } from './http/heavy-load.js';
import { createAudienceService } from './services/audience/audience.js';
import { createCityBaselines } from './services/audience/city-baseline.js';
import { createReportRenderer, type ReportRendererOptions } from './services/reports/pdf.js';
import { buildCustomerIndex } from './services/customers/customer-index.js';
import { findArea } from './db/repos/areas.js';
import { createLoginThrottle } from './services/accounts/login-throttle.js';
import { scheduleRetention } from './services/customers/retention.js';
import { followCustomerChanges, lastCustomerChange } from './services/customers/customer-follow.js';
import { createDataVersions } from './services/caching/data-versions.js';
import { startLeadership } from './services/cluster/leadership.js';
import { pruneChangeLog } from './services/cluster/change-log-pruner.js';
import { prepareDatabase } from './prepare.js';
import { createFeedSync } from './services/events/feeds.js';
import { FEED_DEFAULTS, fetchFeed, type FeedFetchOptions } from './services/events/feed-fetch.js';
import { outboundAddressPolicy } from './services/webhooks/outbound-address.js';
import {
  createWeather,
  scenarioFromConfig,
  type WeatherProvider,
} from './services/weather/index.js';
import type { OpenMeteoOptions } from './services/weather/open-meteo.js';
import { startWebhookDelivery, type WebhookWorkerOptions } from './services/webhooks/worker.js';
import { createOfferEngine } from './services/campaigns/offer-engine.js';
import { runEvaluation, scheduleEvaluations } from './services/campaigns/trigger-runs.js';
import { enqueueActivationWebhook } from './services/webhooks/activations.js';
import {
  createImportService,
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
} from './services/imports/service.js';
import { refreshAfterImport } from './services/imports/refresh.js';
import { createUnplacedService } from './services/imports/unplaced.js';
import {
  createPurchaseHistory,
  type HistoryOptions,
} from './services/purchases/purchase-history.js';
import { queuedToManual } from './db/repos/unplaced-imports.js';
import { createIsochroneEngine, createTravelTimeMatrix } from './services/routing/engines.js';
import { hexagonCodesInPool } from './services/customers/hexagon-codes.js';
import { createHuffTravel } from './services/huff/travel-times.js';
import { createIsochroneService } from './services/routing/isochrones.js';
import type { EngineRetryOptions } from './services/routing/engine-http.js';
import type { MatrixBatching } from './services/routing/matrix.js';
import { createNominatimGeocoder, type NominatimOptions } from './services/geocoding/nominatim.js';
import { cachedGeocoder } from './services/geocoding/cache.js';
import { createGeocodingWorker } from './services/geocoding/worker.js';

/** This server from inside the machine: a wildcard listen address is reached on loopback. */
function loopbackUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export const defaultDistDir = fileURLToPath(new URL('../dist/', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  clock?: () => Date;
  distDir?: string;
  /** Audience scans reading more index rows than this go to worker threads (tests set 0 to exercise the pool). */
  audienceInlineMaxRows?: number;
  /** Feed fetch time and size limits (tests shorten the timeouts). */
  feedLimits?: Partial<Omit<FeedFetchOptions, 'isAllowedAddress'>>;
  /** Where the first owner's generated password is shown (the terminal by default). */
  announce?: (text: string) => void;
  /** A weather provider to use instead of the one CATCHMENT_WEATHER names. */
  weatherProvider?: WeatherProvider;
  /** Time-outs, retries and sleep for the open-meteo client (tests make them fast). */
  openMeteo?: Partial<OpenMeteoOptions>;
  /** Webhook worker settings (tests shorten the time-out and fix the back-off). */
  webhooks?: Partial<WebhookWorkerOptions>;
  /** Chromium's path, time limit and concurrency for PDF reports. */
  reports?: Partial<Pick<ReportRendererOptions, 'chromiumPath' | 'timeoutMs' | 'maxConcurrent'>>;
  /** Import size limits and batch size (tests make them small). */
  imports?: Partial<ImportLimits>;
  /**
   * Set in a cluster worker (server/cluster.ts): the primary prepared the database and recovered import jobs; this
   * process follows the other workers' customer writes and shows its id in a response header.
   */
  worker?: { id: number };
  /** Leader lease timings (tests of cluster mode shorten them). */
  lease?: { leaseMs?: number; renewMs?: number };
  /** Retries and back-off of the geocoder client (tests make them fast). */
  geocoder?: Partial<
    Pick<NominatimOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'random'>
  >;
  /** Retries and back-off of a remote routing engine (tests make them fast). */
  routing?: Partial<EngineRetryOptions>;
  /** Rows the purchase history reads between yields (tests make it small to watch a load in progress). */
  purchaseHistory?: HistoryOptions;
  /**
   * false keeps customer pages, tiles and comparisons' clipping on the main thread (bench/loop-stall.ts measures the
   * difference); audience scans still use the pool.
   */
  offloadHeavyWork?: boolean;
  /** Benchmarks only: the middleware-free GET /api/__bare (AppDeps.bareRoute). */
  bareRoute?: boolean;
  /** Pairs per travel-time matrix request and requests at once (tests make the blocks small to see them batched). */
  matrixBatching?: MatrixBatching;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.log);
  const clock = options.clock ?? (() => new Date());
  // A bad scenario file stops start-up before the database is touched.
  const scenarioFile = scenarioFromConfig(config);
  const db = openDatabase(config.dbFile);
  let weather;
  try {
    if (!options.worker)
      await prepareDatabase(db, config, {
        logger,
        clock,
        ...(options.announce ? { announce: options.announce } : {}),
      });
    weather = createWeather(
      { config, db, clock, logger, scenarioFile },
      {
        ...(options.weatherProvider ? { provider: options.weatherProvider } : {}),
        ...(options.openMeteo ? { openMeteo: options.openMeteo } : {}),
      },
    );
  } catch (error) {
    db.close();
    throw error;
  }

  const indexStarted = performance.now();
  // Read first: a change committed while the index is built is applied again, which is harmless; one missed is not.
  const changesSeen = lastCustomerChange(db);
  const customerIndex = buildCustomerIndex(db);
  logger.info('indexed customers', {
    customers: customerIndex.size,
    ms: Math.round(performance.now() - indexStarted),
    bytesPerCustomer: Math.round(customerIndex.bytesPerCustomer()),
  });
  const customerTiles = createCustomerTiles(db, customerIndex);
  // Loads in chunks while the server already answers (ten million purchases take tens of seconds); results wait.
  const purchases = createPurchaseHistory(db, options.purchaseHistory);
  const historyStarted = performance.now();
  purchases.ready().then(
    () =>
      logger.info('loaded purchase history', {
        purchases: purchases.size(),
        ms: Math.round(performance.now() - historyStarted),
      }),
    (error: unknown) => {
      if (db.open) logger.error('purchase history failed to load', { error: String(error) });
    },
  );
  // Workers read the database too (pages, tiles, comparisons) unless told not to (the stall bench's "before").
  const pool = createAudiencePool({
    dbFile: options.offloadHeavyWork === false ? null : config.dbFile,
  });
  const travelTimes = createTravelTimeMatrix(
    config.routing,
    options.routing,
    options.matrixBatching,
  );
  const heavyLoad = createHeavyLoad();
  const audience = createAudienceService({
    index: customerIndex,
    pool,
    // Another heavy request besides the one asking.
    busy: () => heavyLoad.inFlight > 1,
    ...(options.audienceInlineMaxRows !== undefined
      ? { inlineMaxRows: options.audienceInlineMaxRows }
      : {}),
  });
  // Feeds and webhooks connect to URLs users typed in: the same address rules and opt-in for both.
  const isAllowedAddress = outboundAddressPolicy({ allowPrivate: config.allowPrivateUrls });
  // Set once the lease is tried (below): the jobs that poll run in the leader only.
  let isLeader = () => false;
  const webhooks = startWebhookDelivery(
    { db, clock, logger, isAllowedAddress, polls: () => isLeader() },
    options.webhooks,
  );
  const offers = createOfferEngine(db);
  const fetchCalendar = (url: string) =>
    fetchFeed(url, { ...FEED_DEFAULTS, ...options.feedLimits, isAllowedAddress });
  const feeds = createFeedSync({ db, fetchFeed: fetchCalendar, logger, clock });
  const triggerRunDeps = {
    db,
    engine: offers,
    weather: weather.provider,
    logger,
    onEdge: enqueueActivationWebhook(db, clock),
    clock,
  };
  const afterImportCommit = refreshAfterImport({ db, customerIndex, customerTiles });
  const geocoder = config.geocoder
    ? createGeocodingWorker({
        db,
        clock,
        logger,
        afterCommit: afterImportCommit,
        geocoder: cachedGeocoder(
          db,
          createNominatimGeocoder({ ...config.geocoder, ...options.geocoder }),
          clock,
        ),
      })
    : null;
  // One process at a time asks the geocoder, or the rate limit would be per process: others leave queued rows to the
  // leader, which looks for them every GEOCODE_POLL_MS.
  const geocoding = geocoder && { ...geocoder, kick: () => isLeader() && geocoder.kick() };
  // Rows queued for a geocoder that is no longer configured wait for a person instead.
  if (!geocoding && queuedToManual(db) > 0)
    logger.info('geocoder not configured: rows need a place');
  const imports = createImportService({
    db,
    dbFile: config.dbFile === ':memory:' ? null : config.dbFile,
    clock,
    logger,
    geocoding,
    // Uploaded files wait next to the database, so a restarted server can resume an interrupted job.
    jobsDir:
      config.dbFile === ':memory:'
        ? join(tmpdir(), 'catchment-import-jobs')
        : join(dirname(config.dbFile), 'import-jobs'),
    limits: { ...DEFAULT_IMPORT_LIMITS, ...options.imports },
    afterCommit: afterImportCommit,
  });
  // A cluster's primary recovers before forking: a worker restarted beside running siblings must not.
  const interrupted = options.worker ? 0 : imports.recover();
  if (interrupted)
    logger.info('import jobs interrupted by the last shutdown', { jobs: interrupted });
  // The report pages are this server's own: Chromium reaches it on the loopback address it listens on.
  let selfUrl = '';
  const reports = createReportRenderer({
    db,
    clock,
    baseUrl: () => selfUrl,
    ...options.reports,
  });
  const follower = options.worker
    ? followCustomerChanges({
        db,
        customerIndex,
        customerTiles,
        logger,
        from: changesSeen,
        // Only a process stalled for KEEP_CHANGES_MS gets here; a fresh one rebuilds its index from the database.
        onMissed: () => process.exit(70),
      })
    : null;
  const deps: AppDeps = {
    db,
    config,
    customerTiles,
    clock,
    logger,
    distDir: options.distDir ?? defaultDistDir,
    customerIndex,
    audience,
    pool,
    heavyLoad,
    cityBaselines: createCityBaselines({ index: customerIndex, audience }),
    reports,
    resolveAreaGeometry: (id) => findArea(db, id)?.geometry ?? null,
    loginThrottle: createLoginThrottle(db),
    fetchFeed: fetchCalendar,
    feeds,
    weather,
    webhooks,
    offers,
    runTriggers: async (at) => {
      const run = await runEvaluation(triggerRunDeps, at);
      if (run.opened || run.closed) webhooks.kick();
      return run;
    },
    imports,
    unplaced: createUnplacedService({ db, clock, afterCommit: afterImportCommit }),
    purchases,
    hexagons: hexagonCodesInPool(
      (columns, task) => pool.run({ kind: 'hexagons', ...task }, columns),
      pool.size,
    ),
    huffTravel: travelTimes ? createHuffTravel(travelTimes) : null,
    isochrones: createIsochroneService({
      db,
      clock,
      engine: createIsochroneEngine(db, config.routing, options.routing),
    }),
    ...(options.worker ? { workerId: options.worker.id } : {}),
    ...(follower ? { followWrites: () => follower.catchUp() } : {}),
    dataVersions: createDataVersions(db, follower, customerIndex),
    ...(options.bareRoute ? { bareRoute: true } : {}),
  };
  const app = createApp(deps);
  const leadership = startLeadership({
    db,
    holder: `${options.worker ? `worker ${options.worker.id}` : 'server'} pid ${process.pid}`,
    logger,
    ...options.lease,
    lead: () =>
      stopAll([
        scheduleRetention(deps),
        feeds.schedule(),
        scheduleEvaluations(
          {
            ...triggerRunDeps,
            onEdge: (edge) => {
              triggerRunDeps.onEdge(edge);
              webhooks.kick();
            },
          },
          config.evaluateMinutes,
        ),
        pruneChangeLog(db, logger),
        geocoder ? pollGeocoding(geocoder) : () => {},
      ]),
  });
  isLeader = leadership.isLeader;

  // A few hot GETs are answered before the app builds a request for them (lanes.ts).
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES },
    lanesFirst(deps, getRequestListener(app.fetch, { hostname: config.host })),
  );
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  selfUrl = loopbackUrl(config.host, port);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      leadership.stop();
      follower?.stop();
      // Before the connections go: heavy requests waiting for a worker get their 503 while they can still read it.
      const poolClosed = closePool(pool, logger);
      // Requests already sent are answered; keep-alive connections end after their answer, idle ones at once.
      closeGracefully(server as Server, SHUTDOWN_GRACE_MS, () => {
        void Promise.all([
          poolClosed,
          purchases.stop(),
          webhooks.stop(),
          imports.stop(),
          geocoding?.stop(),
          reports.close(),
          geocoder?.stop(),
        ]).finally(() => {
          closeDatabase(db);
          resolve();
        });
      });
    }));

  return { url, port, deps, close };
}

/** How long a shutdown lets requests in flight, and the pool's running tasks, finish before cutting them off. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Closes the pool within the shutdown's grace, saying calmly what became of its work (refusals are answers). */
async function closePool(pool: AudiencePool, logger: Logger): Promise<void> {
  const { running, queued } = pool.load;
  logger.info('shutting down: the worker pool takes no more work', { running, queued });
  const { refused, cut } = await pool.close({ graceMs: SHUTDOWN_GRACE_MS });
  if (refused || cut) logger.info('worker pool closed', { refused, cut });
}

const GEOCODE_POLL_MS = 5_000;

/** Starts the geocoder now and looks for rows other processes queued every GEOCODE_POLL_MS. */
function pollGeocoding(geocoder: { kick(): void }): () => void {
  geocoder.kick();
  const timer = setInterval(() => geocoder.kick(), GEOCODE_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

const stopAll = (stops: (() => void)[]) => () => stops.forEach((stop) => stop());
