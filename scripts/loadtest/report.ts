// The load test's printout: one line per route and one for all, then what the figures mean.
import type { RouteSummary } from './schedule.js';

const ms = (value: number) =>
  Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : value.toFixed(0);

export function formatSummary(
  summaries: readonly RouteSummary[],
  run: { rate: number; duration: number; lateAfterMs: number },
): string {
  const head = [
    'route',
    'requests',
    'errors',
    'late starts',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
  ];
  const rows = summaries.map((s) => [
    s.route,
    String(s.count),
    String(s.errors),
    String(s.lateStarts),
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    ms(s.max),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, k) => (k === 0 ? cell.padEnd(widths[k]!) : cell.padStart(widths[k]!)))
      .join('  ');
  return [
    `${run.rate} requests/s for ${run.duration} s, open loop; latency counts from when each request was due.`,
    '',
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    `errors: network failures, time-outs and answers ≥ 400. late starts: sent more than ${run.lateAfterMs} ms after`,
    'they were due (the generator itself fell behind; it shares the CPUs with the server when both run here).',
  ].join('\n');
}
