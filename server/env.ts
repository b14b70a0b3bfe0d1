// Configuration from the environment, validated once at start-up.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_HEAVY_LIMITS, type HeavyLimits } from './http/heavy-routes.js';
import { SCRYPT_COST } from './services/accounts/passwords.js';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** `inFlight/queue`, e.g. `4/128`: requests of a class that run at once, and how many more may wait. */
function limitSize(fallback: { inFlight: number; queue: number }) {
  return z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^[1-9]\d{0,3}\/\d{1,5}$/,
        'requests at once (1–9999) and requests waiting (0–99999), as in-flight/queue, e.g. 4/128',
      )
      .default(`${fallback.inFlight}/${fallback.queue}`)
      .transform((text) => {
        const [inFlight, queue] = text.split('/').map(Number) as [number, number];
        return { inFlight, queue };
      }),
  );
}

const configSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(8787)),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default('127.0.0.1')),
  CATCHMENT_DB: z.preprocess(emptyAsUndefined, z.string().min(1).default('data/catchment.db')),
  CATCHMENT_BASEMAP_STYLE: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  // A local Protomaps archive for a real city's streets, served with HTTP Range; nothing leaves the machine.
  CATCHMENT_BASEMAP_PMTILES: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  CATCHMENT_WEATHER: z.preprocess(
    emptyAsUndefined,
    z.enum(['open-meteo', 'scenario']).default('scenario'),
  ),
  CATCHMENT_WEATHER_SCENARIO: z.preprocess(emptyAsUndefined, z.string().optional()),
  CATCHMENT_WEATHER_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/ }).default('https://api.open-meteo.com/v1/forecast'),
  ),
  // A Nominatim-compatible search endpoint (…/search); unset: rows with only an address wait for a person to place them.
  CATCHMENT_GEOCODER_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  // Requests per second (Nominatim's public servers allow at most 1).
  CATCHMENT_GEOCODER_RATE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().positive().max(100).default(1),
  ),
  CATCHMENT_GEOCODER_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(120_000).default(10_000),
  ),
  // Travel-time areas: `offline` routes on the demo street network in process; the others ask that engine's server.
  CATCHMENT_ROUTING: z.preprocess(
    emptyAsUndefined,
    z.enum(['offline', 'valhalla', 'openrouteservice']).default('offline'),
  ),
  CATCHMENT_ROUTING_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  // openrouteservice's API key (sent as Authorization); self-hosted servers need none.
  CATCHMENT_ROUTING_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  CATCHMENT_ROUTING_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(120_000).default(15_000),
  ),
  CATCHMENT_ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
  CATCHMENT_ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(12).optional()),
  // log2 of scrypt's N for new password hashes; test runs lower it (each step halves the time and memory of a hash).
  CATCHMENT_SCRYPT_COST: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(
        SCRYPT_COST.min,
        `at least ${SCRYPT_COST.min} (below that a password hash is too cheap to guess at)`,
      )
      .max(
        SCRYPT_COST.max,
        `at most ${SCRYPT_COST.max} (each step doubles a hash's time and memory; 20 already takes 1 GiB)`,
      )
      .default(SCRYPT_COST.default),
  ),
  // 1 (the default): a workspace with no data starts as the demo city; 0: it starts empty, ready for an import.
  CATCHMENT_DEMO: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).default('1')),
  CATCHMENT_DEMO_CUSTOMERS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(1_000_000).default(50_000),
  ),
  CATCHMENT_DEMO_SEED: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(42)),
  CATCHMENT_EVALUATE_MINUTES: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(1440).default(5),
  ),
  // How many server processes share the port (cluster mode, docs/scaling.md): a number, or `auto` for one per core.
  CATCHMENT_WORKERS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^(auto|[1-9]\d?)$/,
        'a number of server processes from 1 to 99, or auto (one per core)',
      )
      .default('1'),
  ),
  // Heavy routes (server/http/heavy-routes.ts): `off` lets every request through unbounded (for before/after benches).
  CATCHMENT_LIMITS: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  CATCHMENT_LIMIT_MAP: limitSize(DEFAULT_HEAVY_LIMITS.map),
  CATCHMENT_LIMIT_ANALYSIS: limitSize(DEFAULT_HEAVY_LIMITS.analysis),
  CATCHMENT_LIMIT_EXPORT: limitSize(DEFAULT_HEAVY_LIMITS.export),
  CATCHMENT_LOG: z.preprocess(
    emptyAsUndefined,
    z.enum(['silent', 'error', 'info']).default('info'),
  ),
  CATCHMENT_ALLOW_PRIVATE_URLS: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).optional()),
  // The older name, from when only calendar feeds fetched URLs; still read so existing set-ups keep working.
  CATCHMENT_FEEDS_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).optional()),
  // Digits only: a hop count, so `true` or `0x1` stop start-up instead of being read as something.
  CATCHMENT_TRUST_PROXY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^\d{1,2}$/, 'a number of proxy hops: 0 (none, the default), 1, 2…')
      .default('0'),
  ),
});

export interface Config {
  port: number;
  host: string;
  dbFile: string;
  basemapStyleUrl: string | null;
  /** A local `.pmtiles` file the server hands out by byte range; the client draws it with the Protomaps style. */
  basemapPmtilesFile: string | null;
  weather: 'open-meteo' | 'scenario';
  weatherScenarioFile: string | null;
  /** The Open-Meteo forecast endpoint (tests point it at a local fake server). */
  weatherUrl: string;
  /** Address search for imported rows without coordinates; null: such rows wait for a person to place them. */
  geocoder: { url: string; ratePerSecond: number; timeoutMs: number } | null;
  /** Where travel-time areas come from: the in-process router, or a Valhalla or openrouteservice server. */
  routing: RoutingConfig;
  adminEmail: string | null;
  adminPassword: string | null;
  /** log2 of scrypt's N for new password hashes (stored hashes keep the cost they were made with). */
  scryptCost: number;
  /** enabled: an empty workspace is seeded with the demo city at start (CATCHMENT_DEMO=0 turns it off). */
  demo: { enabled: boolean; customers: number; seed: number };
  log: 'silent' | 'error' | 'info';
  /** Calendar feeds and webhooks may reach loopback and private networks (an intranet; tests). */
  allowPrivateUrls: boolean;
  /**
   * How many reverse proxies of ours stand in front of the server. 0: X-Forwarded-* headers are ignored (anyone can
   * send them); n: they are read, and the client is the n-th X-Forwarded-For entry from the right.
   */
  trustProxyHops: number;
  /** How often the scheduler evaluates every campaign's triggers, in minutes; 0 turns it off. */
  evaluateMinutes: number;
  /** Server processes on the port: 1 runs in this process; more fork that many workers (server/cluster.ts). */
  workers: number;
  /** Concurrency bounds of the heavy route classes; null (CATCHMENT_LIMITS=off): unbounded. */
  heavyLimits: HeavyLimits | null;
}

export type RoutingConfig =
  | { engine: 'offline' }
  | {
      engine: 'valhalla' | 'openrouteservice';
      url: string;
      apiKey: string | null;
      timeoutMs: number;
    };

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Reads the variables PRODUCT.md names; never throws, so the entry point can print every problem at once. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  if (e.CATCHMENT_ROUTING !== 'offline' && !e.CATCHMENT_ROUTING_URL)
    return {
      ok: false,
      errors: [
        `CATCHMENT_ROUTING_URL: required when CATCHMENT_ROUTING is ${e.CATCHMENT_ROUTING} (the engine's base URL, e.g. http://localhost:8002)`,
      ],
    };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dbFile: e.CATCHMENT_DB,
      basemapStyleUrl: e.CATCHMENT_BASEMAP_STYLE ?? null,
      basemapPmtilesFile: e.CATCHMENT_BASEMAP_PMTILES ?? null,
      weather: e.CATCHMENT_WEATHER,
      weatherScenarioFile: e.CATCHMENT_WEATHER_SCENARIO ?? null,
      weatherUrl: e.CATCHMENT_WEATHER_URL,
      geocoder: e.CATCHMENT_GEOCODER_URL
        ? {
            url: e.CATCHMENT_GEOCODER_URL,
            ratePerSecond: e.CATCHMENT_GEOCODER_RATE,
            timeoutMs: e.CATCHMENT_GEOCODER_TIMEOUT_MS,
          }
        : null,
      routing:
        e.CATCHMENT_ROUTING === 'offline' || !e.CATCHMENT_ROUTING_URL
          ? { engine: 'offline' }
          : {
              engine: e.CATCHMENT_ROUTING,
              url: e.CATCHMENT_ROUTING_URL,
              apiKey: e.CATCHMENT_ROUTING_KEY ?? null,
              timeoutMs: e.CATCHMENT_ROUTING_TIMEOUT_MS,
            },
      adminEmail: e.CATCHMENT_ADMIN_EMAIL ?? null,
      adminPassword: e.CATCHMENT_ADMIN_PASSWORD ?? null,
      scryptCost: e.CATCHMENT_SCRYPT_COST,
      demo: {
        enabled: e.CATCHMENT_DEMO === '1',
        customers: e.CATCHMENT_DEMO_CUSTOMERS,
        seed: e.CATCHMENT_DEMO_SEED,
      },
      log: e.CATCHMENT_LOG,
      evaluateMinutes: e.CATCHMENT_EVALUATE_MINUTES,
      workers:
        e.CATCHMENT_WORKERS === 'auto' ? availableParallelism() : Number(e.CATCHMENT_WORKERS),
      allowPrivateUrls: (e.CATCHMENT_ALLOW_PRIVATE_URLS ?? e.CATCHMENT_FEEDS_ALLOW_PRIVATE) === '1',
      trustProxyHops: Number(e.CATCHMENT_TRUST_PROXY),
      heavyLimits:
        e.CATCHMENT_LIMITS === 'off'
          ? null
          : {
              map: e.CATCHMENT_LIMIT_MAP,
              analysis: e.CATCHMENT_LIMIT_ANALYSIS,
              export: e.CATCHMENT_LIMIT_EXPORT,
            },
    },
  };
}
