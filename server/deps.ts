// What the app is built from; tests pass their own (a temp SQLite file, a fixed clock).
import type { Db } from './db/connection.js';
import type { Config } from './env.js';
import type { CustomerTiles } from './services/customers/tiles.js';
import type { Logger } from './logger.js';
import type { FeedSync } from './services/events/feeds.js';
import type { AreaGeometry } from './domain/schemas/geojson.js';
import type { AudienceService } from './services/audience/audience.js';
import type { AudiencePool } from './services/audience/pool.js';
import type { HeavyLoad } from './http/heavy-load.js';
import type { CityBaselines } from './services/audience/city-baseline.js';
import type { ReportRenderer } from './services/reports/pdf.js';
import type { CustomerIndex } from './services/customers/customer-index.js';
import type { LoginThrottle } from './services/accounts/login-throttle.js';
import type { FeedResult } from './services/events/feed-fetch.js';
import type { Weather } from './services/weather/index.js';
import type { WebhookWorker } from './services/webhooks/worker.js';
import type { OfferEngine } from './services/campaigns/offer-engine.js';
import type { EvaluationRun } from './domain/schemas/offer.js';
import type { ImportService } from './services/imports/service.js';
import type { UnplacedService } from './services/imports/unplaced.js';
import type { PurchaseHistory } from './services/purchases/purchase-history.js';
import type { DataVersions } from './services/caching/data-versions.js';
import type { IsochroneService } from './services/routing/isochrones.js';
import type { HexagonCodesSource } from './services/customers/hexagon-codes.js';
import type { HuffTravel } from './services/huff/travel-times.js';

export interface AppDeps {
  db: Db;
  config: Config;
  customerTiles: CustomerTiles;
  clock: () => Date;
  logger: Logger;
  /** Folder with the built client (index.html, assets/). */
  distDir: string;
  /** Every customer in memory, columnar, for audience scans. */
  customerIndex: CustomerIndex;
  /** Audience counts and export selections (inline or in worker threads). */
  audience: AudienceService;
  /**
   * Worker threads for heavy work (audience scans, customer pages and tiles, comparisons' clipping); absent, or
   * without database access (an in-memory database), that work runs on the main thread.
   */
  pool?: AudiencePool;
  /** Heavy requests in flight (counted by the heavy-route middleware); small scans go to the pool when it is high. */
  heavyLoad?: HeavyLoad;
  /** The whole city's tallies per segment, the baseline of area profiles (kept until the customer index changes). */
  cityBaselines: CityBaselines;
  /** Prints the app's report pages to PDF with headless Chromium (started on first use). */
  reports: Pick<ReportRenderer, 'pdf'>;
  /** A saved area's geometry by id, or null when there is none (wired to the areas repo). */
  resolveAreaGeometry: (id: string) => AreaGeometry | null;
  /** Failed sign-ins per client and account, per client, and per account, for back-off. */
  loginThrottle: LoginThrottle;
  /** Fetches a calendar feed for import, refusing addresses the config does not allow. */
  fetchFeed: (url: string) => Promise<FeedResult>;
  /** Kept calendar feeds: synced on request and every few hours. */
  feeds: Pick<FeedSync, 'sync' | 'syncDue'>;
  /** The weather provider CATCHMENT_WEATHER chose (read synchronously by the evaluator) and the scenario in force. */
  weather: Weather;
  /** The webhook delivery worker (routes kick it after queueing a test or saving a URL). */
  webhooks: Pick<WebhookWorker, 'kick' | 'deliverDue'>;
  /** Campaigns that can go live, in memory: the live-offers lookup and the scheduler read them. */
  offers: OfferEngine;
  /** Evaluates every campaign at an instant and records the activations (the scheduler's run, on demand). */
  runTriggers: (at: Date) => Promise<EvaluationRun>;
  /** File imports (customers, stores, boundaries, purchases): previews, mappings and jobs. */
  imports: ImportService;
  /** Imported rows with an address but no place: listed, placed by hand, discarded. */
  unplaced: UnplacedService;
  /** Every purchase in memory by day, for campaign measures and trends (kept in step with the table on each read). */
  purchases: PurchaseHistory;
  /** Each customer's H3 hexagon per resolution (Huff, choropleths), worked out in the worker pool and kept. */
  hexagons: HexagonCodesSource;
  /** Travel times for Huff from the remote routing engine; null keeps straight-line distance (offline routing). */
  huffTravel: HuffTravel | null;
  /** Travel-time areas from the engine CATCHMENT_ROUTING chose (the in-process router by default). */
  isochrones: IsochroneService;
  /**
   * What the customers, stores and areas are at now, from counters every process shares (in SQLite); this process's
   * indexes caught up to them first. Cached bodies and ETags are keyed by them.
   */
  dataVersions: () => DataVersions;
  /** Cluster mode: this worker's number, sent as the Catchment-Worker response header. */
  workerId?: number;
  /** Cluster mode: applies customer, store and boundary writes other processes committed (customer-follow.ts). */
  followWrites?: () => void;
  /**
   * Benchmarks only (bench/mix.ts): answer GET /api/__bare with "ok" before any middleware, the floor a route's CPU
   * per request is compared with. Never set in production.
   */
  bareRoute?: boolean;
}
