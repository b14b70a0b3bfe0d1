// A bound on concurrent heavy work: at most `inFlight` requests of one class run at a time, at most `queue` more wait,
// and the rest are refused at once with 503 and Retry-After (a cheap answer) instead of piling up on the event loop.
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from './problem.js';
import { createTurnGate, type TurnGate } from './turn-gate.js';

export interface LimitSize {
  /** Requests of the class that run at once. */
  inFlight: number;
  /** Requests that wait for a free slot; one more is refused. */
  queue: number;
}

export interface ConcurrencyLimiter {
  /** Waits for a slot (refusing with 503 when the queue is full), runs `work`, frees the slot. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Refuses now (throws the 503) when a request would find the queue full; takes no slot. */
  refuseWhenFull(): void;
  readonly running: number;
  readonly waiting: number;
}

/** How fast the estimate of one request's time follows new measurements (an exponential moving average). */
const SMOOTHING = 0.2;

export function createConcurrencyLimiter(
  what: string,
  size: LimitSize,
  {
    now = () => performance.now(),
    turns = createTurnGate(),
  }: {
    now?: () => number;
    /** Shared by every class, so one heavy request of any class starts per turn of the event loop. */
    turns?: TurnGate;
  } = {},
): ConcurrencyLimiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  let averageMs = 0;

  // A slot is taken at once or handed over by release(); either way the work starts in a later turn of the event loop
  // (turn-gate.ts), after the I/O already read, one heavy start per turn. A health check or till lookup that arrived
  // meanwhile is answered between heavy requests instead of behind the whole queue.
  const slot = () =>
    new Promise<void>((resolve) => {
      if (running < size.inFlight) {
        running++;
        void turns.next().then(resolve);
      } else if (waiting.length < size.queue) {
        waiting.push(() => void turns.next().then(resolve));
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
    refuseWhenFull() {
      if (running >= size.inFlight && waiting.length >= size.queue) throw busy();
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
