// The geocoder's rate limiter on a fake clock: turns in order, each 1/rate seconds after the one before, and a
// waiting turn given up when its signal aborts (shutdown).
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../server/services/geocoding/rate-limit.js';

function fakeTime() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      slept.push(ms);
      now += ms;
    },
    advance: (ms: number) => void (now += ms),
  };
}

describe('the geocoder rate limiter', () => {
  it('lets the first request go at once and spaces the next ones 1/rate seconds apart', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(2, time);
    const started: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.take().then(() => started.push(time.now()))));
    expect(started).toEqual([0, 500, 1000]);
    // A request long after the last one needs no wait.
    time.advance(5000);
    await limiter.take();
    expect(time.slept).toEqual([500, 500]);
  });

  it('counts the wait from the previous turn, not from the call', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(1, time);
    await limiter.take();
    time.advance(700);
    await limiter.take();
    expect(time.slept).toEqual([300]);
  });

  it('gives up a waiting turn when its signal aborts, and later turns still run', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(1, time);
    await limiter.take();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(limiter.take(controller.signal)).rejects.toThrow('stop');
    await limiter.take();
    expect(time.now()).toBe(1000);
  });
});
