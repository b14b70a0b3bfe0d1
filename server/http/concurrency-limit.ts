// A bound on concurrent heavy work: at most `inFlight` requests of one class run at a time, at most `queue` more wait,
// and the rest are refused at once with 503 and Retry-After (a cheap answer) instead of piling up on the event loop.
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from './problem.js';

export interface LimitSize {
  /** Requests of the class that run at once. */
  inFlight: number;
  /** Requests that wait for a free slot; one more is refused. */
  queue: number;
}

export interface ConcurrencyLimiter {
  /** Waits for a slot (refusing with 503 when the queue is full), runs `work`, frees the slot. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

/** How fast the estimate of one request's time follows new measurements (an exponential moving average). */
const SMOOTHING = 0.2;

export function createConcurrencyLimiter(
  what: string,
  size: LimitSize,
  now: () => number = () => performance.now(),
): ConcurrencyLimiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  let averageMs = 0;

  // A slot is taken at once or handed over by release(); either way the work starts in a later turn of the event loop
  // (setImmediate), after the I/O already read. So one turn runs at most `inFlight` synchronous heavy requests, and a
  // health check or till lookup that arrived meanwhile is answered between turns instead of behind the whole queue.
  const slot = () =>
    new Promise<void>((resolve) => {
      if (running < size.inFlight) {
        running++;
        setImmediate(resolve);
      } else if (waiting.length < size.queue) {
        waiting.push(() => setImmediate(resolve));
      } else {
        throw busy();
      }
    });

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  function busy(): ProblemError {
    // Seconds until the queue ahead would have drained at the measured pace; at least 1 (Retry-After is whole seconds).
    const drainMs = ((waiting.length + running) * averageMs) / Math.max(1, size.inFlight);
    const retryAfter = Math.max(1, Math.ceil(drainMs / 1000));
    return new ProblemError(
      503,
      `The server is busy with ${what}: ${running} running and ${waiting.length} waiting, the most it takes. Try again in ${retryAfter} s.`,
      undefined,
      { retryAfterSeconds: retryAfter },
      { 'Retry-After': String(retryAfter) },
    );
  }

  return {
    async run(work) {
      await slot();
      const started = now();
      try {
        return await work();
      } finally {
        const ms = now() - started;
        averageMs = averageMs === 0 ? ms : averageMs + SMOOTHING * (ms - averageMs);
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/** Hono middleware running the rest of the request inside the limiter. */
export function limitConcurrency(limiter: ConcurrencyLimiter): MiddlewareHandler {
  return (_c, next) => limiter.run(next);
}
