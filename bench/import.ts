// Import benchmark: 1,000,000 generated customers as a CSV file and 10,000,000 purchases, each imported end to end
// (stream, parse, check, upsert, index) and inserted raw with prepared statements in the same run; every step runs
// in its own process so its peak RSS is its own. Prints rows/s, the ratio to the raw insert, peak RSS, the first
// audience after the import and the index rebuild time.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateDemoWorkspace } from '../server/demo/generate.js';
import { CUSTOMER_CSV_COLUMNS, customerCsvLine } from '../server/services/customers/csv-export.js';
import { BENCH_SEED, BENCH_TODAY, PURCHASE_COLUMNS, benchPurchases } from './import-data.js';
import type { BenchResult } from './run.js';

const CUSTOMERS = Number(process.env.BENCH_IMPORT_CUSTOMERS ?? 1_000_000);
const PURCHASES = Number(process.env.BENCH_IMPORT_PURCHASES ?? 10_000_000);

function log(line: string) {
  process.stderr.write(`  ${line}\n`);
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function* customerLines(): Generator<string> {
  yield `${CUSTOMER_CSV_COLUMNS.join(',')}\r\n`;
  const ws = generateDemoWorkspace({ seed: BENCH_SEED, customers: CUSTOMERS, today: BENCH_TODAY });
  for (const c of ws.customers()) yield customerCsvLine(c);
}

function* purchaseLines(): Generator<string> {
  yield `${PURCHASE_COLUMNS.join(',')}\n`;
  for (const p of benchPurchases(PURCHASES, CUSTOMERS))
    yield `${p.map((v) => v ?? '').join(',')}\n`;
}

interface StepResult {
  rows: number;
  ms: number;
  maxRssMb: number;
  /** Import steps: the peak up to the end of the import (the step's own peak includes the rebuild after it). */
  importMaxRssMb?: number;
  firstAudienceMs?: number;
  audienceCount?: number;
  indexRebuildMs?: number;
}

const exec = promisify(execFile);
async function step(mode: string, file: string, count: number, customers = 0): Promise<StepResult> {
  const child = new URL('./import-child.ts', import.meta.url).pathname;
  const { stdout } = await exec(
    process.execPath,
    ['--import', 'tsx', child, mode, file, String(count), String(customers)],
    {
      maxBuffer: 1 << 20,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as StepResult;
  log(
    `${mode}: ${result.rows} rows in ${(result.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(result.maxRssMb)} MB`,
  );
  return result;
}

const rate = (r: StepResult) => r.rows / (r.ms / 1000);

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'catchment-import-bench-'));
  try {
    const customersCsv = join(dir, 'customers.csv');
    const purchasesCsv = join(dir, 'purchases.csv');
    await writeLines(customersCsv, customerLines());
    log(`customers.csv: ${CUSTOMERS} rows, ${(statSync(customersCsv).size / 1e6).toFixed(0)} MB`);
    const rawCustomers = await step('raw-customers', customersCsv, CUSTOMERS);
    const bulkCustomers = await step('bulk-customers', customersCsv, CUSTOMERS);
    const importCustomers = await step('import-customers', customersCsv, CUSTOMERS);
    if (importCustomers.rows !== CUSTOMERS)
      throw new Error(`imported ${importCustomers.rows} of ${CUSTOMERS} customers`);

    await writeLines(purchasesCsv, purchaseLines());
    log(`purchases.csv: ${PURCHASES} rows, ${(statSync(purchasesCsv).size / 1e6).toFixed(0)} MB`);
    const rawPurchases = await step('raw-purchases', purchasesCsv, PURCHASES, CUSTOMERS);
    const importPurchases = await step('import-purchases', purchasesCsv, PURCHASES);
    if (importPurchases.rows !== PURCHASES)
      throw new Error(`imported ${importPurchases.rows} of ${PURCHASES} purchases`);

    const k = (n: number) => `${(n / 1000).toFixed(0)}k`;
    return [
      {
        name: `import ${k(CUSTOMERS)} customers (CSV, end to end)`,
        value: rate(importCustomers),
        unit: 'rows/s',
        target: '≥ 150,000',
      },
      {
        name: "raw prepared insert of the same customers (row by row, the table's triggers)",
        value: rate(rawCustomers),
        unit: 'rows/s',
      },
      {
        name: "bulk insert of the same customers (the seed's path, one transaction)",
        value: rate(bulkCustomers),
        unit: 'rows/s',
      },
      {
        name: 'customer import ÷ bulk insert',
        value: rate(importCustomers) / rate(bulkCustomers),
        unit: '×',
      },
      {
        name: 'customer import ÷ raw insert',
        value: rate(importCustomers) / rate(rawCustomers),
        unit: '×',
        target: '≥ 0.5',
      },
      {
        name: 'customer import peak RSS',
        value: importCustomers.importMaxRssMb!,
        unit: 'MB',
        target: '≤ 600',
      },
      {
        name: 'first audience after the import (whole city)',
        value: importCustomers.firstAudienceMs!,
        unit: 'ms',
        target: '≤ 2,000',
      },
      {
        name: `customer index rebuild at ${k(CUSTOMERS)}`,
        value: importCustomers.indexRebuildMs!,
        unit: 'ms',
      },
      {
        name: `import ${k(PURCHASES)} purchases (CSV, end to end)`,
        value: rate(importPurchases),
        unit: 'rows/s',
        target: '≥ 300,000',
      },
      {
        name: 'raw prepared insert of the same purchases',
        value: rate(rawPurchases),
        unit: 'rows/s',
      },
      {
        name: 'purchase import ÷ raw insert',
        value: rate(importPurchases) / rate(rawPurchases),
        unit: '×',
      },
      {
        name: 'purchase import peak RSS',
        value: importPurchases.importMaxRssMb!,
        unit: 'MB',
        target: '≤ 600',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
