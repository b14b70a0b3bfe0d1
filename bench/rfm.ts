// RFM segment audience (BENCH_ONLY=rfm): the demo at BENCH_CUSTOMERS customers with their purchase history (~10 a
// customer: 1M customers ≈ 10M purchases), the audience of "champions or loyal" from the index's pre-aggregated
// columns, against a straightforward SQL query that computes the same audience from the purchases (GROUP BY per
// customer, quintile cuts by row_number, the cell by CASE). Both must count the same customers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase, type Db } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { setCustomerChangeLog } from '../server/db/repos/customer-changes.js';
import { seedDemo } from '../server/demo/seed.js';
import type { AreaGeometry } from '../server/domain/schemas/geojson.js';
import type { Segment } from '../server/domain/schemas/segment.js';
import { createAudienceService } from '../server/services/audience/audience.js';
import { buildCustomerIndex } from '../server/services/customers/customer-index.js';
import { rfmThresholdsOf } from '../server/services/customers/rfm-thresholds.js';
import type { BenchResult } from './run.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const AT = new Date('2026-11-23T12:00:00Z');
/** Champions and loyal together: R ≥ 3 and FM ≥ 4 on the grid of server/domain/rfm.ts. */
const SEGMENT: Segment = { rfmCells: ['champions', 'loyal'] };
const POLYGON = (
  JSON.parse(
    readFileSync(
      new URL('../test/fixtures/point-in-area/in/neighbourhood-400.geojson', import.meta.url),
      'utf8',
    ),
  ) as { geometry: AreaGeometry }
).geometry;
const EVERYWHERE: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-180, -85],
      [180, -85],
      [180, 85],
      [-180, 85],
      [-180, -85],
    ],
  ],
};

/** The same audience in one SQL statement, from the purchases (what a query without the aggregate must do). */
const SQL = `
WITH b AS (
  SELECT p.customer_id AS id, count(*) AS f, sum(CAST(round(p.amount * 100) AS INTEGER)) / 100.0 AS m,
    unixepoch(substr(max(p.purchased_at), 1, 10)) / 86400 AS r
  FROM purchases p JOIN customers c ON c.id = p.customer_id GROUP BY p.customer_id),
n AS (SELECT count(*) AS n FROM b),
rr AS (SELECT r AS v, row_number() OVER (ORDER BY r) AS k FROM b),
ff AS (SELECT f AS v, row_number() OVER (ORDER BY f) AS k FROM b),
mm AS (SELECT m AS v, row_number() OVER (ORDER BY m) AS k FROM b),
cuts AS (SELECT
  (SELECT v FROM rr, n WHERE k = (1 * n + 4) / 5) AS r1, (SELECT v FROM rr, n WHERE k = (2 * n + 4) / 5) AS r2,
  (SELECT v FROM rr, n WHERE k = (3 * n + 4) / 5) AS r3, (SELECT v FROM rr, n WHERE k = (4 * n + 4) / 5) AS r4,
  (SELECT v FROM ff, n WHERE k = (1 * n + 4) / 5) AS f1, (SELECT v FROM ff, n WHERE k = (2 * n + 4) / 5) AS f2,
  (SELECT v FROM ff, n WHERE k = (3 * n + 4) / 5) AS f3, (SELECT v FROM ff, n WHERE k = (4 * n + 4) / 5) AS f4,
  (SELECT v FROM mm, n WHERE k = (1 * n + 4) / 5) AS m1, (SELECT v FROM mm, n WHERE k = (2 * n + 4) / 5) AS m2,
  (SELECT v FROM mm, n WHERE k = (3 * n + 4) / 5) AS m3, (SELECT v FROM mm, n WHERE k = (4 * n + 4) / 5) AS m4),
scored AS (SELECT 1 + (r > r1) + (r > r2) + (r > r3) + (r > r4) AS rs,
  1 + (f > f1) + (f > f2) + (f > f3) + (f > f4) AS fs, 1 + (m > m1) + (m > m2) + (m > m3) + (m > m4) AS ms
  FROM b, cuts)
SELECT count(*) FROM scored WHERE rs >= 3 AND (fs + ms + 1) / 2 >= 4`;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
async function timeRuns<T>(runs: number, f: () => T | Promise<T>) {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await f();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}
const log = (line: string) => process.stderr.write(`  ${line}\n`);

function openBenchDb(): { db: Db; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-rfm-'));
  const db = openDatabase(join(dir, 'bench.db'));
  migrate(db);
  // One process, as `npm start` runs by default: nobody follows the customer change log.
  setCustomerChangeLog(db, false);
  const started = performance.now();
  const seeded = seedDemo(db, {
    seed: 42,
    customers: CUSTOMERS,
    today: AT.toISOString().slice(0, 10),
    now: AT,
  });
  log(
    `seeded ${seeded.customers.toLocaleString('en')} customers and ${seeded.purchases.toLocaleString('en')} purchases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { db, cleanup: () => (closeDatabase(db), rmSync(dir, { recursive: true, force: true })) };
}

export async function run(): Promise<BenchResult[]> {
  const { db, cleanup } = openBenchDb();
  try {
    const index = buildCustomerIndex(db);
    const audience = createAudienceService({ index, pool: null });
    const cuts = await timeRuns(5, () => rfmThresholdsOf(index.columns));
    log(`RFM cuts: ${JSON.stringify(cuts.result)}`);
    await audience.audience({ geometry: POLYGON, segment: SEGMENT, at: AT }); // cuts computed once
    const area = await timeRuns(40, () =>
      audience.audience({ geometry: POLYGON, segment: SEGMENT, at: AT }),
    );
    const city = await timeRuns(10, () =>
      audience.audience({ geometry: EVERYWHERE, segment: SEGMENT, at: AT }),
    );
    const sql = await timeRuns(3, () => db.prepare(SQL).pluck().get() as number);
    log(
      `champions or loyal: ${area.result.count} in the polygon, ${city.result.count} everywhere (SQL ${sql.result})`,
    );
    if (sql.result !== city.result.count)
      throw new Error(`SQL counted ${sql.result}, the index ${city.result.count}`);
    return [
      {
        name: `RFM audience (champions or loyal), 400-vertex ~2 km polygon, inline (${index.size.toLocaleString('en')} customers, median of 40)`,
        value: area.ms,
        unit: 'ms',
        target: '≤ 8 ms',
      },
      {
        name: 'RFM audience, every customer, inline (median of 10)',
        value: city.ms,
        unit: 'ms',
      },
      {
        name: 'baseline: SQL over purchases (GROUP BY, quintiles, cells), every customer (median of 3)',
        value: sql.ms,
        unit: 'ms',
      },
      { name: 'speed-up over SQL (every customer)', value: sql.ms / city.ms, unit: '×' },
      {
        name: 'RFM cut values recomputed after a change (median of 5)',
        value: cuts.ms,
        unit: 'ms',
      },
    ];
  } finally {
    cleanup();
  }
}
