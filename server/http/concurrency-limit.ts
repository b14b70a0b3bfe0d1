// A bound on concurrent heavy work: at most `inFlight` requests of one class run at a time, at most `queue` more wait,
// and the rest are refused at once with 503 and Retry-After (a cheap answer) instead of piling up on the event loop.
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

/** How fast the estimates follow new measurements (exponential moving averages). */
const SMOOTHING = 0.2;

export function createConcurrencyLimiter(
  what: string,
  size: LimitSize,
  {
    now = () => performance.now(),
    turns = createTurnGate(),
  }: {
    now?: () => number;
    /** Shared by every class, so heavy requests of all classes share each turn's budget. */
    turns?: TurnGate;
  } = {},
): ConcurrencyLimiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  /** A request's time from start to answer (for Retry-After). */
  let averageMs = 0;
  /** Its event-loop time after its synchronous start (parsing a body, then the work): the turn gate's estimate. */
  let averageLaterMs = 0;
  const smooth = (average: number, ms: number) =>
    average === 0 ? ms : average + SMOOTHING * (ms - average);

  function busy(): ProblemError {
    // Seconds until the queue ahead would have drained at the measured pace; at least 1 (Retry-After is whole seconds).
    const drainMs = ((waiting.length + running) * averageMs) / Math.max(1, size.inFlight);
    const retryAfter = Math.max(1, Math.ceil(drainMs / 1000));
    // No stack trace: a refusal is an answer, not a fault, and capturing one was a large share of its cost when
    // hundreds of clients retry at once.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return new ProblemError(
        503,
        `The server is busy with ${what}: ${running} running and ${waiting.length} waiting, the most it takes. Try again in ${retryAfter} s.`,
        undefined,
        { retryAfterSeconds: retryAfter, code: 'busy' },
        { 'Retry-After': String(retryAfter) },
      );
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    run<T>(work: () => Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        // Starts in a later turn of the event loop (turn-gate.ts), after the I/O already read: a health check or till
        // lookup that arrived meanwhile is answered between heavy requests instead of behind the whole queue.
        const start = () =>
          turns.enter(() => {
            const started = now();
            let answer: Promise<T>;
            try {
              answer = work();
            } catch (error) {
              answer = Promise.reject(error);
            }
            const startMs = now() - started;
            // The slot is free before the caller hears back, so whoever it hands the answer to finds it free.
            const done = () => {
              const ms = now() - started;
              averageMs = smooth(averageMs, ms);
              averageLaterMs = smooth(averageLaterMs, Math.max(0, ms - startMs));
              release();
            };
            answer.then(
              (value) => (done(), resolve(value)),
              (error: unknown) => (done(), reject(error)),
            );
            return averageLaterMs;
          });
        if (running < size.inFlight) {
          running++;
          start();
        } else if (waiting.length < size.queue) waiting.push(start);
        else reject(busy());
      });
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
