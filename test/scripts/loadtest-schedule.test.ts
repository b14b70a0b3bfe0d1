// The load test's open-loop schedule and its percentiles: requests are due at fixed times whatever the answers do,
// and a request sent late counts its wait in its latency.
import { describe, expect, it } from 'vitest';
import {
  arrivalCount,
  dueAtMs,
  dueUpTo,
  percentile,
  summarize,
  type Sample,
} from '../../scripts/loadtest/schedule.js';

describe('the open-loop schedule', () => {
  it('spaces 300 requests a second 3⅓ ms apart and sends 18,000 in a minute', () => {
    expect(dueAtMs(0, 300)).toBe(0);
    expect(dueAtMs(3, 300)).toBeCloseTo(10, 9);
    expect(dueAtMs(300, 300)).toBeCloseTo(1000, 9);
    expect(arrivalCount(300, 60)).toBe(18_000);
  });

  it('after a stall, releases every request that fell due during it at once, and never past the end', () => {
    // 100 ms late at 300/s: requests 0–30 are all due.
    expect(dueUpTo(0, 100, 300, 18_000)).toBe(31);
    // Nothing new due yet: nothing to send.
    expect(dueUpTo(31, 100, 300, 18_000)).toBe(31);
    expect(dueUpTo(10, 60_000, 300, 18_000)).toBe(18_000);
  });
});

describe('percentiles by nearest rank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it('reads p50, p95 and p99 of 1…100 as 50, 95 and 99', () => {
    expect([50, 95, 99, 100].map((p) => percentile(hundred, p))).toEqual([50, 95, 99, 100]);
  });
  it('gives the only value for one sample, NaN for none', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('the summary', () => {
  const sample = (route: string, latencyMs: number, status = 200, startDelayMs = 0): Sample => ({
    route,
    latencyMs,
    status,
    startDelayMs,
  });

  it('counts errors (network and ≥ 400) and late starts per route and for all', () => {
    const samples = [
      sample('stores', 5),
      sample('stores', 9, 503),
      sample('live offers', 2, 0),
      sample('live offers', 40, 200, 30),
      sample('live offers', 3, 304),
    ];
    const [stores, offers, all] = summarize(samples, 10);
    expect(stores).toMatchObject({
      route: 'stores',
      count: 2,
      errors: 1,
      lateStarts: 0,
      p50: 5,
      max: 9,
    });
    expect(offers).toMatchObject({
      route: 'live offers',
      count: 3,
      errors: 1,
      lateStarts: 1,
      p50: 3,
      p99: 40,
    });
    expect(all).toMatchObject({
      route: 'all',
      count: 5,
      errors: 2,
      lateStarts: 1,
      p50: 5,
      p99: 40,
    });
  });

  it('keeps a stalled server in the figures: latency from the due time includes the wait to be sent', () => {
    // One request answered in 1 ms but sent 500 ms late: its latency is 501 ms, not 1 ms.
    const samples = [
      ...Array.from({ length: 99 }, () => sample('tile', 1)),
      sample('tile', 501, 200, 500),
    ];
    const [tile] = summarize(samples, 10);
    expect(tile!.p99).toBe(1);
    expect(tile!.max).toBe(501);
    expect(tile!.lateStarts).toBe(1);
  });
});
