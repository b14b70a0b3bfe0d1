// The open-loop arithmetic of `npm run loadtest`: when each request is due, and latency percentiles per route.
// Latency counts from the time a request was due, not from when it went out, so a generator or server that falls
// behind shows as latency instead of hiding it (Gil Tene's "coordinated omission").

/** When request i is due, in ms from the start: evenly spaced at `ratePerSecond`. */
export function dueAtMs(i: number, ratePerSecond: number): number {
  return (i * 1000) / ratePerSecond;
}

/** How many requests a run of `durationSeconds` at `ratePerSecond` sends. */
export function arrivalCount(ratePerSecond: number, durationSeconds: number): number {
  return Math.floor(ratePerSecond * durationSeconds);
}

/** The indexes of requests due by `elapsedMs` that have not been sent: from `next` up to (not including) the result. */
export function dueUpTo(
  next: number,
  elapsedMs: number,
  ratePerSecond: number,
  total: number,
): number {
  const due = Math.floor((elapsedMs * ratePerSecond) / 1000) + 1;
  return Math.min(total, Math.max(next, due));
}

/**
 * The value at percentile p (0–100) of ascending `sorted` by the nearest-rank method: the smallest value with at
 * least p % of the values at or below it. NaN when there are none.
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface Sample {
  route: string;
  /** Due time to the last byte of the answer, ms. */
  latencyMs: number;
  /** How late the request went out after it was due, ms. */
  startDelayMs: number;
  /** An HTTP status, or 0 for a network error. */
  status: number;
}

export interface RouteSummary {
  route: string;
  count: number;
  errors: number;
  lateStarts: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Per route (in first-seen order) and for all: counts, errors (network or ≥ 400), late starts, percentiles. */
export function summarize(samples: readonly Sample[], lateAfterMs: number): RouteSummary[] {
  const byRoute = new Map<string, Sample[]>();
  for (const s of samples) {
    const list = byRoute.get(s.route);
    if (list) list.push(s);
    else byRoute.set(s.route, [s]);
  }
  const one = (route: string, list: readonly Sample[]): RouteSummary => {
    const sorted = list.map((s) => s.latencyMs).sort((a, b) => a - b);
    return {
      route,
      count: list.length,
      errors: list.filter((s) => s.status === 0 || s.status >= 400).length,
      lateStarts: list.filter((s) => s.startDelayMs > lateAfterMs).length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    };
  };
  return [...[...byRoute].map(([route, list]) => one(route, list)), one('all', samples)];
}
