// Market-analysis benchmark at a million customers: the Huff model over the city at H3 resolution 8 with the 15 demo
// stores and with 500 generated ones, its calibration, and choropleth aggregation at resolution 8 — each next to a
// straightforward baseline run here on the same data (Turf distance per hexagon × store pair in plain objects; a grid
// search over λ and α; a per-customer latLngToCell loop into a Map). Results must agree with their baselines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distance, point } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { closeDatabase, openDatabase, type Db } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { seedDemo } from '../server/demo/seed.js';
import { calibrateHuff, huffLogLikelihood } from '../server/domain/huff/calibrate.js';
import { huffProbabilities, MIN_DISTANCE_KM } from '../server/domain/huff/model.js';
import { residentsFor } from '../server/services/audience/white-space.js';
import { hexagonRegionCodes } from '../server/services/choropleth/regions.js';
import { tallyRegions } from '../server/services/choropleth/choropleth.js';
import { ROWS } from '../server/services/customers/columns.js';
import { buildCustomerIndex } from '../server/services/customers/customer-index.js';
import {
  computeHexagonCodes,
  hexagonCodes,
  hexagonCodesInPool,
} from '../server/services/customers/hexagon-codes.js';
import { createAudiencePool } from '../server/services/audience/pool.js';
import type { CustomerIndex } from '../server/services/customers/customer-index.js';
import { buildHuffData, readHuffStores, type HuffStoreRow } from '../server/services/huff/data.js';
import type { BenchResult } from './run.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const AT = new Date('2026-11-23T12:00:00Z');
const RESOLUTION = 8;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** Median of `runs` timed calls after one untimed warm-up (the JIT and the heap settle on the first). */
function time<T>(runs: number, f: () => T): { ms: number; result: T } {
  if (runs > 1) f();
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = f();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result };
}
const log = (line: string) => process.stderr.write(`  ${line}\n`);

function openBenchDb(): { db: Db; cleanup: () => void } {
  if (process.env.BENCH_DB) {
    const db = openDatabase(process.env.BENCH_DB);
    migrate(db);
    return { db, cleanup: () => closeDatabase(db) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'catchment-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  migrate(db);
  const started = performance.now();
  seedDemo(db, { seed: 42, customers: CUSTOMERS, today: AT.toISOString().slice(0, 10), now: AT });
  log(
    `seeded ${CUSTOMERS.toLocaleString('en')} demo customers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { db, cleanup: () => (closeDatabase(db), rmSync(dir, { recursive: true, force: true })) };
}

/** `count` stores spread over the demo stores' bounding box, attractiveness 1–5 (a fixed sequence: reproducible). */
function generatedStores(demo: HuffStoreRow[], count: number): HuffStoreRow[] {
  const lngs = demo.map((s) => s.location[0]);
  const lats = demo.map((s) => s.location[1]);
  const [w, e, s, n] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  let x = 0.5;
  const next = () => (x = ((x * 9301 + 49297) % 233280) / 233280);
  return Array.from({ length: count }, (_, j) => ({
    id: `g${j}`,
    name: `Generated ${j}`,
    brand: demo[j % demo.length]!.brand,
    attractiveness: 1 + (j % 5),
    location: [w + next() * (e - w), s + next() * (n - s)] as [number, number],
  }));
}

/** The baseline: plain objects, Turf's distance for every hexagon × store pair, then each row normalised. */
function turfHuff(
  places: { h3: string; center: [number, number] }[],
  stores: HuffStoreRow[],
  decay: number,
  alpha: number,
): { h3: string; p: Record<string, number> }[] {
  return places.map(({ h3, center }) => {
    const from = point(center);
    const pull: Record<string, number> = {};
    let sum = 0;
    for (const store of stores) {
      const km = Math.max(MIN_DISTANCE_KM, distance(from, point(store.location)));
      sum += pull[store.id] = store.attractiveness ** alpha * km ** -decay;
    }
    for (const id in pull) pull[id]! /= sum;
    return { h3, p: pull };
  });
}

/**
 * What the server does instead of the inline pass: the same codes from the worker pool (2 workers, a slice each).
 * The event loop only joins the slices; the longest it stays blocked is measured by a 1 ms timer's lateness.
 */
async function hexagonCodesOffTheLoop(index: CustomerIndex, inlineMs: number) {
  const pool = createAudiencePool({ size: 2 });
  try {
    const source = hexagonCodesInPool(
      (columns, task) => pool.run({ kind: 'hexagons', ...task }, columns),
      pool.size,
    );
    // A fresh cache key per run (another resolution would be other work): the pool computes every time.
    const runs: { ms: number; blockedMs: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const fresh = { columns: index.columns, changes: -1 - i };
      let blockedMs = 0;
      let last = performance.now();
      const tick = setInterval(() => {
        const now = performance.now();
        blockedMs = Math.max(blockedMs, now - last - 1);
        last = now;
      }, 1);
      const started = performance.now();
      const codes = await source(fresh, RESOLUTION);
      const ms = performance.now() - started;
      clearInterval(tick);
      blockedMs = Math.max(blockedMs, performance.now() - last - 1);
      if (codes.rows !== hexagonCodes(index, RESOLUTION).rows)
        throw new Error('Pool hexagon codes cover other rows than the inline pass');
      if (i > 0) runs.push({ ms, blockedMs });
    }
    const ms = median(runs.map((r) => r.ms));
    const blockedMs = median(runs.map((r) => r.blockedMs));
    log(
      `hexagon codes in the worker pool: ${ms.toFixed(0)} ms wall, event loop blocked ≤ ${blockedMs.toFixed(0)} ms; inline ${inlineMs.toFixed(0)} ms all on the loop`,
    );
    return [
      { name: 'market: hexagon codes in pool (wall)', value: ms, unit: 'ms' },
      {
        name: 'market: hexagon codes in pool, longest event-loop block',
        value: blockedMs,
        unit: 'ms',
      },
      { name: 'market: event-loop block, inline ÷ pool', value: inlineMs / blockedMs, unit: '×' },
    ] satisfies BenchResult[];
  } finally {
    await pool.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const { db, cleanup } = openBenchDb();
  try {
    const index = buildCustomerIndex(db);
    const rows = Atomics.load(index.columns.meta, ROWS);
    const residents = residentsFor(db, RESOLUTION);
    const stores = readHuffStores(db);
    const results: BenchResult[] = [];

    // Which hexagon each customer lives in: computed once per index version and kept (hexagon-codes.ts).
    const codes = time(1, () => computeHexagonCodes(index.columns, RESOLUTION));
    log(
      `hexagon codes for ${rows.toLocaleString('en')} customers at res ${RESOLUTION}: ${codes.ms.toFixed(0)} ms (once per index version)`,
    );
    hexagonCodes(index, RESOLUTION);
    results.push({
      name: 'market: hexagon codes (cold, once per index change)',
      value: codes.ms,
      unit: 'ms',
    });
    results.push(...(await hexagonCodesOffTheLoop(index, codes.ms)));

    for (const [label, storeSet, target] of [
      ['15 stores', stores, '≤ 200 ms'],
      ['500 stores', generatedStores(stores, 500), '≤ 2000 ms'],
    ] as const) {
      const fast = time(7, () => {
        const data = buildHuffData(index, [...storeSet], residents, RESOLUTION);
        return { data, p: huffProbabilities(data.inputs, { decay: 2, attractivenessWeight: 1 }) };
      });
      const places = fast.result.data.places.map((h3, i) => ({
        h3,
        center: fast.result.data.centers[i]!,
      }));
      const baseline = time(1, () => turfHuff(places, [...storeSet], 2, 1));
      // Same probabilities (Turf's distance uses a slightly different Earth radius: agree to 1e-3).
      const J = storeSet.length;
      let worst = 0;
      baseline.result.forEach((row, i) =>
        storeSet.forEach(
          (s, j) => (worst = Math.max(worst, Math.abs(row.p[s.id]! - fast.result.p[i * J + j]!))),
        ),
      );
      if (worst > 1e-3)
        throw new Error(`Huff (${label}) disagrees with the Turf baseline by ${worst}`);
      log(
        `Huff res ${RESOLUTION}, ${places.length} hexagons × ${label}: ${fast.ms.toFixed(1)} ms; Turf baseline ${baseline.ms.toFixed(0)} ms`,
      );
      results.push(
        { name: `market: Huff res 8, ${label}`, value: fast.ms, unit: 'ms', target },
        { name: `market: Huff res 8, ${label}, Turf baseline`, value: baseline.ms, unit: 'ms' },
        { name: `market: Huff ${label} speed-up vs Turf`, value: baseline.ms / fast.ms, unit: '×' },
      );
    }

    // Calibration by Newton's method against a grid search over λ (0–5) and α (0–2) in steps of 0.1.
    const data = buildHuffData(index, stores, residents, RESOLUTION);
    const fit = time(7, () => calibrateHuff(data.inputs, data.choices));
    const grid = time(1, () => {
      let best = { ll: -Infinity, decay: 0, attractivenessWeight: 0 };
      for (let d = 0; d <= 50; d++)
        for (let a = 0; a <= 20; a++) {
          const params = { decay: d / 10, attractivenessWeight: a / 10 };
          const ll = huffLogLikelihood(data.inputs, data.choices, params);
          if (ll > best.ll) best = { ll, ...params };
        }
      return best;
    });
    if (fit.result.logLikelihood < grid.result.ll - 1e-6)
      throw new Error('Calibration found a lower likelihood than the grid search');
    const { params } = fit.result;
    log(
      `calibration: λ ${params.decay.toFixed(3)}, α ${params.attractivenessWeight.toFixed(3)}, pseudo-R² ${fit.result.pseudoR2.toFixed(3)} in ${fit.ms.toFixed(1)} ms (${fit.result.iterations} Newton steps); grid ${grid.ms.toFixed(0)} ms (λ ${grid.result.decay}, α ${grid.result.attractivenessWeight})`,
    );
    results.push(
      { name: 'market: Huff calibration', value: fit.ms, unit: 'ms', target: '≤ 2000 ms' },
      { name: 'market: calibration grid-search baseline', value: grid.ms, unit: 'ms' },
    );

    // Choropleth aggregation at res 8 (customers, spend, segment members per hexagon) against latLngToCell per customer.
    const regions = hexagonRegionCodes(db, index, RESOLUTION);
    const segment = { genders: ['female' as const] };
    const tally = time(7, () => tallyRegions(index, regions, {}, segment, AT));
    const naive = time(1, () => {
      const c = index.columns;
      const byCell = new Map<string, { customers: number; revenue: number }>();
      for (let row = 0; row < rows; row++) {
        if (c.alive[row] !== 1) continue;
        const cell = latLngToCell(c.lat[row]!, c.lng[row]!, RESOLUTION);
        const t = byCell.get(cell) ?? { customers: 0, revenue: 0 };
        t.customers += 1;
        t.revenue += c.spend[row]!;
        byCell.set(cell, t);
      }
      return byCell;
    });
    regions.ids.forEach((id, code) => {
      if ((naive.result.get(id)?.customers ?? 0) !== tally.result.customers[code])
        throw new Error(`Choropleth count for ${id} disagrees with the per-customer baseline`);
    });
    log(
      `choropleth res ${RESOLUTION}: ${tally.ms.toFixed(1)} ms over cached hexagon codes; latLngToCell per customer ${naive.ms.toFixed(0)} ms`,
    );
    results.push(
      {
        name: 'market: choropleth aggregation res 8',
        value: tally.ms,
        unit: 'ms',
        target: '≤ 300 ms',
      },
      { name: 'market: choropleth latLngToCell baseline', value: naive.ms, unit: 'ms' },
      { name: 'market: choropleth speed-up vs baseline', value: naive.ms / tally.ms, unit: '×' },
    );
    return results;
  } finally {
    cleanup();
  }
}
