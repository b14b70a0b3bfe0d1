// Starts a real Catchment server on an ephemeral port with a fresh SQLite file seeded with the demo city, with an
// owner account signed in (server.fetch) and a way to sign in as any role (server.as).
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseConfig } from '../../server/env.js';
import { demoTemplate } from './demo-template.js';
import { startServer, type RunningServer, type StartOptions } from '../../server/server.js';
import type { Logger } from '../../server/logger.js';
import type { OpenMeteoOptions } from '../../server/services/weather/open-meteo.js';
import type { WeatherProvider } from '../../server/services/weather/provider.js';
import { insertUser } from '../../server/db/repos/users.js';
import type { Role } from '../../server/domain/schemas/user.js';
import { hashPassword } from '../../server/services/accounts/passwords.js';
import { SESSION_COOKIE } from '../../server/services/accounts/auth.js';

export const OWNER_EMAIL = 'owner@example.test';
export const OWNER_PASSWORD = 'owner-password-for-tests';

/** fetch against the test server with a user's session cookie and our own Origin (as the app's pages send it). */
export type SignedInFetch = ((path: string, init?: RequestInit) => Promise<Response>) & {
  session: string;
  userId: string;
};

export interface TestServer extends RunningServer {
  dbFile: string;
  /** Every line the server logged, for tests that check what reaches the log. */
  logLines: string[];
  /** Requests as the owner. */
  fetch: SignedInFetch;
  /** Creates a user with this role (and stores, for a store manager) and signs them in. */
  as(
    role: Role,
    options?: { storeIds?: string[]; email?: string; password?: string },
  ): Promise<SignedInFetch>;
  /** Signs in with email and password; throws when that fails. */
  signIn(email: string, password: string): Promise<SignedInFetch>;
}

export interface TestServerOptions {
  customers?: number;
  seed?: number;
  env?: Record<string, string>;
  clock?: () => Date;
  distDir?: string;
  audienceInlineMaxRows?: number;
  /** Use this SQLite file (and leave it in place at close) instead of a fresh one, e.g. to restart on the same data. */
  dbFile?: string;
  /** A weather provider instead of the one CATCHMENT_WEATHER names. */
  weatherProvider?: WeatherProvider;
  /** Time-outs, retries and sleep of the open-meteo client. */
  openMeteo?: Partial<OpenMeteoOptions>;
  feedLimits?: StartOptions['feedLimits'];
  webhooks?: StartOptions['webhooks'];
  imports?: StartOptions['imports'];
  geocoder?: StartOptions['geocoder'];
  routing?: StartOptions['routing'];
  matrixBatching?: StartOptions['matrixBatching'];
  reports?: StartOptions['reports'];
  purchaseHistory?: StartOptions['purchaseHistory'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-test-'));
  const dbFile = options.dbFile ?? join(dir, 'catchment.db');
  const parsed = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CATCHMENT_DB: dbFile,
    CATCHMENT_DEMO_CUSTOMERS: String(options.customers ?? 2000),
    CATCHMENT_DEMO_SEED: String(options.seed ?? 7),
    CATCHMENT_LOG: 'info',
    // Tests evaluate triggers at the instants they choose (POST /api/triggers/evaluate?at=), not on a timer.
    CATCHMENT_EVALUATE_MINUTES: '0',
    CATCHMENT_ADMIN_EMAIL: OWNER_EMAIL,
    CATCHMENT_ADMIN_PASSWORD: OWNER_PASSWORD,
    // The test runs' cheap password hashing (vitest.config.ts); a bench that starts a server keeps the real cost.
    CATCHMENT_SCRYPT_COST: process.env.CATCHMENT_SCRYPT_COST,
    ...options.env,
  });
  if (!parsed.ok) throw new Error(`bad test config: ${parsed.errors.join('; ')}`);
  // A fresh file starts as a copy of the seeded demo; the server then finds it seeded and only migrates and signs up.
  const { demo } = parsed.config;
  if (!options.dbFile && demo.enabled)
    copyFileSync(
      demoTemplate({
        customers: demo.customers,
        seed: demo.seed,
        now: options.clock ? options.clock() : null,
      }),
      dbFile,
    );
  const logLines: string[] = [];
  const logger: Logger = {
    info: (message, fields) => logLines.push(JSON.stringify({ level: 'info', message, ...fields })),
    error: (message, fields) =>
      logLines.push(JSON.stringify({ level: 'error', message, ...fields })),
  };
  let server: RunningServer;
  try {
    server = await startServer(parsed.config, {
      logger,
      announce: (text) => logLines.push(JSON.stringify({ level: 'announce', text })),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.distDir ? { distDir: options.distDir } : {}),
      ...(options.audienceInlineMaxRows !== undefined
        ? { audienceInlineMaxRows: options.audienceInlineMaxRows }
        : {}),
      ...(options.weatherProvider ? { weatherProvider: options.weatherProvider } : {}),
      ...(options.openMeteo ? { openMeteo: options.openMeteo } : {}),
      ...(options.feedLimits ? { feedLimits: options.feedLimits } : {}),
      ...(options.webhooks ? { webhooks: options.webhooks } : {}),
      ...(options.imports ? { imports: options.imports } : {}),
      ...(options.geocoder ? { geocoder: options.geocoder } : {}),
      ...(options.routing ? { routing: options.routing } : {}),
      ...(options.matrixBatching ? { matrixBatching: options.matrixBatching } : {}),
      ...(options.reports ? { reports: options.reports } : {}),
      ...(options.purchaseHistory ? { purchaseHistory: options.purchaseHistory } : {}),
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const signIn = async (email: string, password: string): Promise<SignedInFetch> => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    const session = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(
      response.headers.get('set-cookie') ?? '',
    )?.[1];
    if (!session) throw new Error('sign-in set no session cookie');
    const { user } = (await response.json()) as { user: { id: string } };
    return signedInFetch(server.url, session, user.id);
  };
  const as = async (
    role: Role,
    {
      storeIds = [],
      email = `${role}-${randomUUID().slice(0, 8)}@example.test`,
      password = 'a-long-test-password',
    }: { storeIds?: string[]; email?: string; password?: string } = {},
  ) => {
    insertUser(
      server.deps.db,
      {
        id: `us-${randomUUID()}`,
        email,
        name: role,
        passwordHash: await hashPassword(password, server.deps.config.scryptCost),
        role,
        storeIds,
      },
      new Date().toISOString(),
    );
    return signIn(email, password);
  };
  const ownerFetch = await signIn(OWNER_EMAIL, OWNER_PASSWORD);
  return {
    ...server,
    dbFile,
    logLines,
    fetch: ownerFetch,
    as,
    signIn,
    close: async () => {
      await server.close();
      const leaks = personalDataIn(logLines, dbFile);
      rmSync(dir, { recursive: true, force: true });
      // Every test server of the whole run checks its own log: no customer's email, phone or id, no account email.
      if (leaks.length)
        throw new Error(`personal data reached the server log: ${leaks.slice(0, 5).join(', ')}`);
    },
  };
}

export function signedInFetch(baseUrl: string, session: string, userId: string): SignedInFetch {
  const f = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Cookie', `${SESSION_COOKIE}=${session}`);
    if (!headers.has('Origin')) headers.set('Origin', baseUrl);
    return fetch(baseUrl + path, { ...init, headers });
  };
  return Object.assign(f, { session, userId });
}

/** Customers' emails, phones and ids, and users' emails, that occur in the log lines (announcements aside). */
export function personalDataIn(logLines: string[], dbFile: string): string[] {
  const log = logLines.filter((line) => !line.startsWith('{"level":"announce"'));
  const words = new Set(log.flatMap((line) => line.split(/[\s"',:{}[\]()=<>]+/)).filter(Boolean));
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const customers = db
      .prepare("SELECT id, email, phone FROM customers WHERE email <> '' OR phone <> ''")
      .all() as { id: string; email: string; phone: string }[];
    const users = db.prepare('SELECT email FROM users').pluck().all() as string[];
    const phones = customers.map((c) => c.phone).filter((p) => p.length > 6);
    const text = log.join('\n');
    return [
      ...customers.flatMap((c) => [c.id, c.email]).filter((v) => v && words.has(v)),
      ...users.filter((email) => words.has(email)),
      ...phones.filter((phone) => text.includes(phone)),
    ];
  } finally {
    db.close();
  }
}
