// `npm run bench`: runs every benchmark module (BENCH_ONLY=offers for one), prints one table, writes bench/results/latest.json.
// Figures are for orientation on this machine; ratios compare against baselines run in the same process.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const available: { name: string; load: () => Promise<{ run: () => Promise<BenchResult[]> }> }[] = [
  { name: 'audience', load: () => import('./audience.js') },
  { name: 'rfm', load: () => import('./rfm.js') },
  { name: 'offers', load: () => import('./offers.js') },
  { name: 'import', load: () => import('./import.js') },
  { name: 'market', load: () => import('./market.js') },
  { name: 'results', load: () => import('./campaign-results.js') },
  { name: 'isochrone', load: () => import('./isochrone.js') },
  { name: 'cluster', load: () => import('./cluster.js') },
  { name: 'mix', load: () => import('./mix.js') },
  { name: 'saturation', load: () => import('./saturation.js') },
  { name: 'stall', load: () => import('./loop-stall.js') },
  { name: 'poolmemory', load: () => import('./pool-memory.js') },
];
// BENCH_ONLY=offers (or a comma-separated list) runs only those modules.
const only = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const modules = only?.length ? available.filter((m) => only.includes(m.name)) : available;
if (only?.length && modules.length !== only.length)
  throw new Error(
    `BENCH_ONLY names unknown modules; known: ${available.map((m) => m.name).join(', ')}`,
  );

function format(r: BenchResult): string {
  if (Number.isNaN(r.value)) return '—';
  const digits = r.value >= 100 ? 0 : r.value >= 10 ? 1 : 2;
  return `${r.value.toFixed(digits)} ${r.unit}`.trim();
}

const all: { module: string; results: BenchResult[] }[] = [];
for (const m of modules) {
  process.stderr.write(`${m.name}:\n`);
  all.push({ module: m.name, results: await (await m.load()).run() });
}

const rows = all.flatMap(({ results }) => results.map((r) => [r.name, format(r), r.target ?? '']));
const widths = [0, 1, 2].map((k) =>
  Math.max(...rows.map((r) => r[k]!.length), ['benchmark', 'result', 'target'][k]!.length),
);
const line = (cells: string[]) =>
  cells
    .map((cell, k) => (k === 1 ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!)))
    .join('  ');
console.log(
  `\n${line(['benchmark', 'result', 'target'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`,
);
for (const row of rows) console.log(line(row));

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const machine = {
  node: process.version,
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model ?? '?',
};
writeFileSync(
  new URL('./results/latest.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), machine, modules: all }, null, 2) + '\n',
);
console.log(`\nwritten to bench/results/latest.json (${machine.cpus} CPUs, Node ${machine.node})`);
