// One measured step of the import benchmark, in its own process so its peak RSS is its own:
//   raw-customers FILE N      prepared INSERTs of the N generated customers the file holds (no file, no checks)
//   bulk-customers FILE N     the same through the seed's bulk writer (codes in the INSERT, R*Tree in Z-order)
//   import-customers FILE N   the import pipeline end to end (stream, parse, check, upsert, index), then an audience
//   raw-purchases FILE N C    prepared INSERTs of the N generated purchases the file holds (no file, no checks)
//   import-purchases FILE N   the import pipeline for purchases
// Prints one JSON line: { rows, ms, maxRssMb, ... }.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { customerColumns, writeNewCustomers } from '../server/db/repos/customer-bulk.js';
import { generateDemoWorkspace } from '../server/demo/generate.js';
import type { AreaGeometry } from '../server/domain/schemas/geojson.js';
import { createAudienceService } from '../server/services/audience/audience.js';
import { buildCustomerIndex } from '../server/services/customers/customer-index.js';
import { createCustomerTiles } from '../server/services/customers/tiles.js';
import { refreshAfterImport } from '../server/services/imports/refresh.js';
import { createImportService, DEFAULT_IMPORT_LIMITS } from '../server/services/imports/service.js';
import { createLogger } from '../server/logger.js';
import { BENCH_SEED, BENCH_TODAY, benchPurchases, type PurchaseCells } from './import-data.js';

const AT = new Date(`${BENCH_TODAY}T12:00:00Z`);

const [mode, source, countText, customersText] = process.argv.slice(2);
const count = Number(countText);
const dir = mkdtempSync(join(tmpdir(), 'catchment-import-bench-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
migrate(db);

/** The demo's stores, so home stores and purchases' stores exist. */
function addStores(db: Db): void {
  const { stores } = generateDemoWorkspace({ seed: BENCH_SEED, customers: 0, today: BENCH_TODAY });
  const insert = db.prepare(
    `INSERT INTO stores (id, name, brand, lng, lat, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const s of stores)
      insert.run(
        s.id,
        s.name,
        s.brand,
        s.location[0],
        s.location[1],
        AT.toISOString(),
        AT.toISOString(),
      );
  })();
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The seed's bulk path: codes in the INSERT, the R*Tree filled in Z-order after all rows, one transaction. */
async function bulkCustomers() {
  const ws = generateDemoWorkspace({ seed: BENCH_SEED, customers: count, today: BENCH_TODAY });
  const customers = [...ws.customers()];
  const started = performance.now();
  db.transaction(() => writeNewCustomers(db, customers, AT.toISOString()))();
  return { rows: customers.length, ms: performance.now() - started };
}

/** A plain prepared INSERT per row into the table as it is (its triggers fill codes and R*Tree), one transaction. */
async function rawCustomers() {
  const ws = generateDemoWorkspace({ seed: BENCH_SEED, customers: count, today: BENCH_TODAY });
  const customers = [...ws.customers()];
  const insert = db.prepare(
    `INSERT INTO customers (id, first_name, email, phone, lng, lat, age, gender, job_title, industry, interests,
       loyalty_tier, visits, total_spend, last_purchase_at, consent, home_store_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = AT.toISOString();
  const started = performance.now();
  db.transaction(() => {
    for (const c of customers) insert.run(...customerColumns(c, at));
  })();
  return { rows: customers.length, ms: performance.now() - started };
}

/** The same purchases as the file, generated a chunk at a time (untimed) and inserted (timed). */
async function rawPurchases() {
  const insert = db.prepare(
    `INSERT INTO purchases (id, customer_id, store_id, purchased_at, amount, discount, product_category)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = db.transaction((rows: PurchaseCells[]) => {
    for (const r of rows) insert.run(...r);
  });
  let ms = 0;
  let rows = 0;
  let chunk: PurchaseCells[] = [];
  const flush = () => {
    const started = performance.now();
    write(chunk);
    ms += performance.now() - started;
    rows += chunk.length;
    chunk = [];
  };
  for (const p of benchPurchases(count, Number(customersText))) {
    chunk.push(p);
    if (chunk.length === 100_000) flush();
  }
  flush();
  return { rows, ms };
}

async function runImport(kind: 'customers' | 'purchases') {
  const customerIndex = buildCustomerIndex(db);
  const customerTiles = createCustomerTiles(db, customerIndex);
  const imports = createImportService({
    db,
    dbFile: join(dir, 'bench.sqlite'),
    clock: () => new Date(),
    logger: createLogger('error'),
    jobsDir: join(dir, 'jobs'),
    limits: { ...DEFAULT_IMPORT_LIMITS, maxBytes: Number.MAX_SAFE_INTEGER },
    afterCommit: refreshAfterImport({ db, customerIndex, customerTiles }),
  });
  const bytes = statSync(source!).size;
  const started = performance.now();
  const { job } = await imports.start({
    kind,
    file: source!,
    contentType: 'text/csv',
    mode: 'lenient',
    createdBy: null,
    bytes,
  });
  await imports.idle();
  const ms = performance.now() - started;
  const done = imports.get(job.id, null);
  if (done.state !== 'done' || done.rejected > 0)
    throw new Error(`import ended ${done.state} with ${done.rejected} rejected rows`);
  // The import's own peak, before the audience and the rebuild below add a second index of their own.
  const result: Record<string, number> = {
    rows: done.inserted + done.updated,
    ms,
    importMaxRssMb: maxRssMb(),
  };
  if (kind === 'customers') {
    // The first audience after the import, over the whole city: what a person sees next.
    const audience = createAudienceService({ index: customerIndex, pool: null });
    const city: AreaGeometry = generateDemoWorkspace({
      seed: BENCH_SEED,
      customers: 0,
      today: BENCH_TODAY,
    }).city.outline as AreaGeometry;
    const first = performance.now();
    const answer = await audience.audience({ geometry: city, at: AT });
    result.firstAudienceMs = performance.now() - first;
    result.audienceCount = answer.count ?? -1;
    const rebuild = performance.now();
    const rebuilt = buildCustomerIndex(db);
    result.indexRebuildMs = performance.now() - rebuild;
    if (rebuilt.size !== customerIndex.size)
      throw new Error(`index has ${customerIndex.size} customers, the database ${rebuilt.size}`);
  }
  return result;
}

try {
  addStores(db);
  const result =
    mode === 'raw-customers'
      ? await rawCustomers()
      : mode === 'bulk-customers'
        ? await bulkCustomers()
        : mode === 'raw-purchases'
          ? await rawPurchases()
          : mode === 'import-customers'
            ? await runImport('customers')
            : mode === 'import-purchases'
              ? await runImport('purchases')
              : null;
  if (!result) throw new Error(`unknown mode ${mode}`);
  const cpu = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ ...result, maxRssMb: maxRssMb(), cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
  );
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
