// Campaign results at a million customers and ten million purchases: a campaign on a ~2 km neighbourhood with a 10 %
// holdout, its results (audience, measures overall, per area and per home store, with intervals) answered from the
// in-memory purchase history, next to one straightforward SQL query computing the same group figures (conversion,
// retention, revenue before and during) over the indexed purchases table. Both must count the same converters.
// BENCH_PURCHASES is the total: the demo's own history (~10 a customer) topped up with generated purchases to it.
// The history load runs as the server runs it (chunks, yielding), and the bench prints the longest event-loop stall,
// then the sort and move of the whole history in one go against their longest step (history-steps.ts), and the
// longest stall while the campaign's results and its trends (weekly series, cohorts) are computed.
// Full size: BENCH_ONLY=results npm run bench. Smoke: BENCH_CUSTOMERS=20000 BENCH_PURCHASES=300000.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { setCustomerChangeLog } from '../server/db/repos/customer-changes.js';
import type { CampaignRecord } from '../server/db/repos/campaigns.js';
import { seedDemo } from '../server/demo/seed.js';
import { purchaseWriter } from '../server/db/repos/purchase-bulk.js';
import { bulkPurchases } from '../server/db/repos/purchases.js';
import { inHoldout } from '../server/domain/campaigns/holdout.js';
import { rolePermissions, type Principal } from '../server/domain/permissions.js';
import type { AreaGeometry } from '../server/domain/schemas/geojson.js';
import { createAudienceService } from '../server/services/audience/audience.js';
import { campaignResults } from '../server/services/campaigns/results.js';
import { buildCustomerIndex } from '../server/services/customers/customer-index.js';
import { createPurchaseHistory } from '../server/services/purchases/purchase-history.js';
import { campaignTrends } from '../server/services/purchases/trends-of.js';
import { historyStepFigures } from './history-steps.js';
import type { BenchResult } from './run.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 10_000_000);
const AT = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
/** Two years of purchases up to AT. */
const HISTORY_DAYS = 730;
const POLYGON = (
  JSON.parse(
    readFileSync(
      new URL('../test/fixtures/point-in-area/in/neighbourhood-400.geojson', import.meta.url),
      'utf8',
    ),
  ) as { geometry: AreaGeometry }
).geometry;
const OWNER: Principal = {
  kind: 'user',
  id: 'bench',
  label: 'bench',
  role: 'owner',
  permissions: rolePermissions.owner,
  customerAccess: 'all',
  storeIds: [],
};

const log = (line: string) => process.stderr.write(`  ${line}\n`);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function timed<T>(runs: number, f: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await f();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

/** The longest gap between two turns of the event loop until stop() (what a health check would wait at most). */
function longestStall() {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** A cheap deterministic generator (mulberry32) for the purchases. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeds CUSTOMERS demo customers and tops their purchases up to PURCHASES in total. */
function seed(db: Db) {
  let started = performance.now();
  const seeded = seedDemo(db, {
    seed: 42,
    customers: CUSTOMERS,
    today: AT.toISOString().slice(0, 10),
    now: AT,
  });
  log(
    `seeded ${CUSTOMERS} customers with ${seeded.purchases} purchases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  started = performance.now();
  const extra = Math.max(0, PURCHASES - seeded.purchases);
  const ids = db.prepare('SELECT id FROM customers').pluck().all() as string[];
  const stores = db.prepare('SELECT id FROM stores').pluck().all() as string[];
  const random = generator(7);
  db.transaction(() =>
    bulkPurchases(db, () => {
      const writer = purchaseWriter(db);
      for (let i = 0; i < extra; i++) {
        const who =
          random() < 0.7
            ? Math.floor(random() * (ids.length / 3))
            : Math.floor(random() * ids.length);
        const day = Math.floor(AT.getTime() / DAY_MS) - Math.floor(random() * HISTORY_DAYS);
        const at = new Date(day * DAY_MS + Math.floor(random() * DAY_MS)).toISOString();
        writer.add({
          id: `P${i}`,
          customerId: ids[who]!,
          storeId: stores[i % stores.length]!,
          purchasedAt: at,
          amount: Math.round(random() * 6000) / 100,
          discount: null,
          productCategory: null,
        });
      }
      writer.finish();
    }),
  )();
  log(`added ${extra} purchases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The bench database: a fresh one in a temporary folder, or BENCH_RESULTS_DB, seeded once and reused by later runs
 * (seeding a million customers with ten million purchases takes minutes; re-measuring needs only the load).
 */
function openBenchDb(): { db: Db; cleanup: () => void } {
  const kept = process.env.BENCH_RESULTS_DB;
  const dir = kept ? null : mkdtempSync(join(tmpdir(), 'catchment-bench-results-'));
  const file = kept ?? join(dir!, 'bench.db');
  const reuse = kept !== undefined && existsSync(kept);
  const db = openDatabase(file);
  migrate(db);
  setCustomerChangeLog(db, false);
  if (reuse) log(`reusing ${file}`);
  else seed(db);
  return {
    db,
    cleanup: () => {
      closeDatabase(db);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function run(): Promise<BenchResult[]> {
  const { db, cleanup } = openBenchDb();
  try {
    const index = buildCustomerIndex(db);
    const audience = createAudienceService({ index });
    const purchases = createPurchaseHistory(db);
    const campaign = {
      id: 'cmp-bench',
      areaIds: ['area-bench'],
      segment: {},
      holdoutPercent: 10,
      startsAt: '2026-09-01T00:00:00Z',
      endsAt: '2026-10-15T23:59:59Z',
    } as unknown as CampaignRecord;
    const ctx = {
      db,
      audience,
      resolveAreaGeometry: () => POLYGON,
      principal: OWNER,
      at: AT,
      purchases,
    };

    const started = performance.now();
    const stall = longestStall();
    await purchases.ready();
    const loadMs = performance.now() - started;
    const stallMs = stall.stop();
    log(
      `purchase history loaded (${purchases.size()} rows) in ${loadMs.toFixed(0)} ms, the event loop never held longer than ${stallMs.toFixed(0)} ms`,
    );
    const steps = historyStepFigures(purchases);
    await campaignResults(ctx, campaign); // warm
    const ours = await timed(5, () => campaignResults(ctx, campaign));
    // What a request holds the event loop for: the longest stall while answering, warm.
    const stallWhile = async (f: () => Promise<unknown>) => {
      const stall = longestStall();
      await f();
      return stall.stop();
    };
    const resultsStall = await stallWhile(() => campaignResults(ctx, campaign));
    await campaignTrends(ctx, campaign); // warm
    const trendsStall = await stallWhile(() => campaignTrends(ctx, campaign));
    const m = ours.result.measures.overall;
    log(
      `audience ${ours.result.audience.count}, treated converted ${m.treated.converted}, held out converted ${m.holdout.converted}`,
    );

    // The straightforward way: the audience's ids with their group, joined to purchases in SQL, grouped per customer.
    const members = db
      .prepare(`SELECT id FROM customers WHERE seq IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(
        JSON.stringify([...(await audience.matchingSeqs({ geometry: POLYGON, at: AT }))]),
      ) as string[];
    const groups = JSON.stringify(
      members.map((id) => [id, inHoldout(campaign.id, id, 10) ? 1 : 0]),
    );
    const window = ours.result.measures.window;
    const sql = db.prepare(`
      WITH m AS (SELECT value ->> 0 AS id, value ->> 1 AS holdout FROM json_each(?)),
      c AS (
        SELECT m.id, m.holdout,
          (SELECT sum(amount) FROM purchases p WHERE p.customer_id = m.id AND p.purchased_at >= ? AND p.purchased_at < ?) AS before,
          (SELECT sum(amount) FROM purchases p WHERE p.customer_id = m.id AND p.purchased_at >= ? AND p.purchased_at < ?) AS during,
          (SELECT min(substr(purchased_at, 1, 10)) FROM purchases p WHERE p.customer_id = m.id AND p.purchased_at >= ? AND p.purchased_at < ?) AS first
        FROM m)
      SELECT holdout, count(*) AS customers, count(first) AS converted, sum(before) AS before, sum(during) AS during,
        sum(first IS NOT NULL AND EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.id
          AND substr(p.purchased_at, 1, 10) > first AND p.purchased_at < date(first, '+31 days'))) AS retained30
      FROM c GROUP BY holdout ORDER BY holdout`);
    const next = (date: string) => new Date(Date.parse(date) + DAY_MS).toISOString().slice(0, 10);
    const baseline = await timed(3, () =>
      sql.all(
        groups,
        window.beforeFrom,
        window.from,
        window.from,
        next(window.to),
        window.from,
        next(window.to),
      ),
    );
    const rows = baseline.result as { holdout: number; converted: number }[];
    const agree =
      rows.find((r) => r.holdout === 0)?.converted === m.treated.converted &&
      rows.find((r) => r.holdout === 1)?.converted === m.holdout.converted;
    if (!agree)
      throw new Error(
        `SQL and the results disagree: ${JSON.stringify(rows)} vs ${JSON.stringify(m)}`,
      );
    log(`SQL agrees on converters (${JSON.stringify(rows.map((r) => r.converted))})`);
    return [
      {
        name: `results: purchase history load (${PURCHASES} purchases)`,
        value: loadMs,
        unit: 'ms',
      },
      {
        name: 'results: longest event-loop stall during that load',
        value: stallMs,
        unit: 'ms',
      },
      ...steps,
      {
        name: `results: campaign results (${CUSTOMERS} customers)`,
        value: ours.ms,
        unit: 'ms',
        target: '≤ 300 ms',
      },
      { name: 'results: straightforward SQL, group figures only', value: baseline.ms, unit: 'ms' },
      { name: 'results: SQL / results', value: baseline.ms / ours.ms, unit: '×' },
      {
        name: "results: longest event-loop stall, a campaign's results",
        value: resultsStall,
        unit: 'ms',
      },
      {
        name: "results: longest event-loop stall, a campaign's trends",
        value: trendsStall,
        unit: 'ms',
      },
    ];
  } finally {
    cleanup();
  }
}
