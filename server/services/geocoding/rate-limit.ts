// Spacing requests to a rate: each take() waits its turn, then until 1/rate seconds have passed since the previous
// turn began. Turns are served in order, one at a time, so retries share the same budget as first tries.

export interface RateLimiter {
  /** Resolves when the next request may start; rejects when `signal` aborts while waiting. */
  take(signal?: AbortSignal): Promise<void>;
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createRateLimiter(
  ratePerSecond: number,
  { now = () => performance.now(), sleep = abortableSleep } = {},
): RateLimiter {
  const intervalMs = 1000 / ratePerSecond;
  let nextAt = -Infinity;
  let turns: Promise<void> = Promise.resolve();
  return {
    take(signal) {
      const turn = turns.then(async () => {
        const wait = nextAt - now();
        if (wait > 0) await sleep(wait, signal);
        signal?.throwIfAborted();
        nextAt = now() + intervalMs;
      });
      turns = turn.catch(() => undefined);
      return turn;
    },
  };
}
