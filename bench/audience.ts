// Audience benchmark at a million customers: index build, memory, a ~2 km / ~400-vertex neighbourhood with a
// segment (inline and through the worker pool), against Turf pointsWithinPolygon over all points and, when PG_URL
// is set, PostGIS with a GiST index. Every method must count the same customers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area, bbox, featureCollection, point, pointsWithinPolygon } from '@turf/turf';
import { closeDatabase, openDatabase, type Db } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { seedDemo } from '../server/demo/seed.js';
import { genders, loyaltyTiers, type Customer } from '../server/domain/schemas/customer.js';
import type { AreaGeometry } from '../server/domain/schemas/geojson.js';
import type { Segment } from '../server/domain/schemas/segment.js';
import { DAY_MS, inSegment } from '../server/domain/segment.js';
import { createAudiencePool } from '../server/services/audience/pool.js';
import { createAudienceService } from '../server/services/audience/audience.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
} from '../server/services/customers/customer-index.js';
import { AGE_UNKNOWN } from '../server/domain/customer-traits.js';
import { NEVER, ROWS } from '../server/services/customers/columns.js';
import type { BenchResult } from './run.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const AT = new Date('2026-11-23T12:00:00Z');
const SEGMENT: Segment = {
  ageMin: 25,
  ageMax: 54,
  interests: ['coffee', 'cycling', 'running', 'yoga'],
  lapsedDays: 30,
};
/** An irregular ~2 km neighbourhood in Mitte with 400 vertices (also a point-in-area fixture). */
const POLYGON = (
  JSON.parse(
    readFileSync(
      new URL('../test/fixtures/point-in-area/in/neighbourhood-400.geojson', import.meta.url),
      'utf8',
    ),
  ) as { geometry: AreaGeometry }
).geometry;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
async function timeRuns<T>(
  runs: number,
  f: () => T | Promise<T>,
): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await f();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}

function log(line: string) {
  process.stderr.write(`  ${line}\n`);
}

/** Customers as inSegment sees them, decoded from the index (the Turf baseline needs them as GeoJSON anyway). */
function decodeCustomers(index: CustomerIndex): Customer[] {
  const c = index.columns;
  const d = index.dictionaries;
  const out: Customer[] = [];
  for (let i = 0; i < Atomics.load(c.meta, ROWS); i++) {
    if (c.alive[i] !== 1) continue;
    const interests: string[] = [];
    for (let k = 0; k < c.words * 32; k++)
      if (((c.interests[i * c.words + (k >>> 5)] as number) >>> (k & 31)) & 1)
        interests.push(d.interests.values[k] as string);
    const day = c.lastDay[i] as number;
    out.push({
      id: String(c.seq[i]),
      firstName: '',
      email: '',
      phone: '',
      location: [c.lng[i] as number, c.lat[i] as number],
      age: c.age[i] === AGE_UNKNOWN ? null : (c.age[i] as number),
      gender: genders[c.gender[i] as number]!,
      jobTitle: d.jobs.values[c.job[i] as number]!,
      industry: d.industries.values[c.industry[i] as number]!,
      interests,
      loyaltyTier: loyaltyTiers[c.loyalty[i] as number]!,
      visits: 0,
      totalSpend: c.spend[i] as number,
      lastPurchaseAt: day === NEVER ? null : new Date(day * DAY_MS).toISOString().slice(0, 10),
      consent: c.consent[i] === 1,
      homeStoreId: c.store[i] === 0 ? null : d.stores.values[(c.store[i] as number) - 1]!,
    });
  }
  return out;
}

function openBenchDb(): { db: Db; cleanup: () => void } {
  if (process.env.BENCH_DB) {
    const db = openDatabase(process.env.BENCH_DB);
    migrate(db);
    return { db, cleanup: () => closeDatabase(db) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-'));
  const file = join(dir, 'bench.db');
  const db = openDatabase(file);
  migrate(db);
  const started = performance.now();
  seedDemo(db, { seed: 42, customers: CUSTOMERS, today: AT.toISOString().slice(0, 10), now: AT });
  log(
    `seeded ${CUSTOMERS.toLocaleString('en')} demo customers in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`,
  );
  return { db, cleanup: () => (closeDatabase(db), rmSync(dir, { recursive: true, force: true })) };
}

export async function run(): Promise<BenchResult[]> {
  const { db, cleanup } = openBenchDb();
  const results: BenchResult[] = [];
  try {
    const builds: number[] = [];
    let index!: CustomerIndex;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      index = buildCustomerIndex(db);
      builds.push(performance.now() - started);
    }
    log(`index builds: ${builds.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    results.push({
      name: `index build from SQLite (${index.size.toLocaleString('en')} customers, median of 3)`,
      value: median(builds),
      unit: 'ms',
      target: '≤ 2000 ms',
    });
    results.push({
      name: 'index memory per customer',
      value: index.bytesPerCustomer(),
      unit: 'bytes',
    });

    const [minX, minY, maxX, maxY] = bbox(POLYGON);
    const vertices = POLYGON.type === 'Polygon' ? POLYGON.coordinates[0]!.length - 1 : 0;
    log(
      `polygon: ${vertices} vertices, ${(area(POLYGON) / 1e6).toFixed(2)} km², bbox ${((maxX - minX) * 67.9).toFixed(1)} × ${((maxY - minY) * 111.2).toFixed(1)} km; segment ${JSON.stringify(SEGMENT)}`,
    );

    const inline = createAudienceService({ index, pool: null });
    const pool = createAudiencePool({ size: 2 });
    const pooled = createAudienceService({ index, pool, inlineMaxRows: 0 });
    try {
      await pooled.audience({ geometry: POLYGON, segment: SEGMENT, at: AT }); // workers start and load their code
      const ours = await timeRuns(40, () =>
        inline.audience({ geometry: POLYGON, segment: SEGMENT, at: AT }),
      );
      const viaPool = await timeRuns(40, () =>
        pooled.audience({ geometry: POLYGON, segment: SEGMENT, at: AT }),
      );
      const spatial = (await inline.audience({ geometry: POLYGON, at: AT })).count;
      log(
        `audience: ${ours.result.count} of ${spatial} customers inside match the segment (${ours.result.consented} consented)`,
      );
      if (viaPool.result.count !== ours.result.count)
        throw new Error(`pool counted ${viaPool.result.count}, inline ${ours.result.count}`);
      results.push({
        name: 'audience, 400-vertex ~2 km polygon + segment, breakdowns (inline, median of 40)',
        value: ours.ms,
        unit: 'ms',
        target: '≤ 8 ms',
      });
      results.push({
        name: 'audience, same, through the worker pool (median of 40)',
        value: viaPool.ms,
        unit: 'ms',
        target: '≤ 8 ms',
      });

      // Baseline 1: Turf over every point, then the segment on what is inside.
      const customers = decodeCustomers(index);
      const points = featureCollection(customers.map((c, i) => point(c.location, { i })));
      const turf = await timeRuns(3, () => {
        const inside = pointsWithinPolygon(points, POLYGON);
        return {
          spatial: inside.features.length,
          count: inside.features.filter((f) =>
            inSegment(customers[f.properties.i]!, SEGMENT, { at: AT }),
          ).length,
        };
      });
      log(
        `Turf pointsWithinPolygon: ${turf.result.spatial} inside, ${turf.result.count} in the segment`,
      );
      if (turf.result.spatial !== spatial || turf.result.count !== ours.result.count)
        throw new Error(
          `Turf counted ${turf.result.spatial}/${turf.result.count}, the index ${spatial}/${ours.result.count}`,
        );
      results.push({
        name: 'baseline: Turf pointsWithinPolygon over all points + segment (median of 3)',
        value: turf.ms,
        unit: 'ms',
      });
      results.push({
        name: 'speed-up over Turf (inline)',
        value: turf.ms / ours.ms,
        unit: '×',
        target: '≥ 100×',
      });

      // Baseline 2: PostGIS with a GiST index, when a database is given.
      if (process.env.PG_URL) {
        const pg = await postgis(process.env.PG_URL, customers);
        try {
          const timed = await timeRuns(15, () => pg.count(POLYGON));
          log(`PostGIS: ${timed.result} in the segment`);
          if (timed.result !== ours.result.count)
            throw new Error(`PostGIS counted ${timed.result}, the index ${ours.result.count}`);
          results.push({
            name: 'baseline: PostGIS ST_Covers + GiST + segment (median of 15)',
            value: timed.ms,
            unit: 'ms',
          });
          results.push({
            name: 'speed-up over PostGIS (inline)',
            value: timed.ms / ours.ms,
            unit: '×',
            target: '≥ 4×',
          });
        } finally {
          await pg.close();
        }
      } else {
        log(
          'PostGIS: skipped (set PG_URL=postgres://user:pass@127.0.0.1:5432/db with the postgis extension available)',
        );
        results.push({ name: 'PostGIS: skipped (set PG_URL=…)', value: NaN, unit: '' });
      }
      log(
        `counts agree: index inline = pool = Turf${process.env.PG_URL ? ' = PostGIS' : ''} = ${ours.result.count}`,
      );
    } finally {
      await pool.close();
    }
  } finally {
    cleanup();
  }
  return results;
}

/** Loads the customers into a temp table with a GiST index and answers the same count in SQL. */
async function postgis(url: string, customers: Customer[]) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
  await client.query(
    'CREATE TEMP TABLE bench_customers (geom geometry(Point, 4326) NOT NULL, age int, interests text[] NOT NULL, last_purchase date)',
  );
  const started = performance.now();
  for (let i = 0; i < customers.length; i += 5000) {
    const batch = customers.slice(i, i + 5000);
    const values: unknown[] = [];
    const rows = batch.map((c, k) => {
      values.push(c.location[0], c.location[1], c.age, c.interests, c.lastPurchaseAt);
      const p = k * 5;
      return `(ST_SetSRID(ST_MakePoint($${p + 1}, $${p + 2}), 4326), $${p + 3}, $${p + 4}, $${p + 5})`;
    });
    await client.query(`INSERT INTO bench_customers VALUES ${rows.join(',')}`, values);
  }
  await client.query('CREATE INDEX ON bench_customers USING gist (geom)');
  await client.query('ANALYZE bench_customers');
  log(
    `PostGIS: loaded and indexed ${customers.length.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const lapsedBefore = new Date(AT.getTime() - (SEGMENT.lapsedDays ?? 0) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return {
    async count(geometry: AreaGeometry): Promise<number> {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM bench_customers
         WHERE ST_Covers(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), geom)
           AND age BETWEEN $2 AND $3 AND interests && $4::text[] AND (last_purchase IS NULL OR last_purchase <= $5::date)`,
        [JSON.stringify(geometry), SEGMENT.ageMin, SEGMENT.ageMax, SEGMENT.interests, lapsedBefore],
      );
      return (rows[0] as { n: number }).n;
    },
    close: () => client.end(),
  };
}
