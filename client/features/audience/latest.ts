// Debounced "newest request wins" fetching, as a tiny observable store (no React, so it is unit-tested with fake timers).
// While a new answer is on its way the last one stays, marked stale, so figures dim instead of blinking away.
import { isAbort } from '../../api/problem';

export type LatestStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LatestState<T> {
  status: LatestStatus;
  /** The newest answer that arrived, kept while a newer request runs or fails. */
  data: T | null;
  error: unknown;
  /** True when `data` answers an older request than the one shown as `status`. */
  stale: boolean;
}

export interface LatestRunner<I, T> {
  /** Asks for `input` after the debounce delay; any earlier request is cancelled or, if it answers late, ignored. */
  request: (input: I) => void;
  /** Runs the last input again at once (after an error). */
  retry: () => void;
  getState: () => LatestState<T>;
  subscribe: (listener: () => void) => () => void;
  /**
   * Cancels the waiting request and the one in flight (on unmount); their answers are never reported.
   * The runner stays usable, because React's StrictMode unmounts and remounts the same component.
   */
  cancel: () => void;
}

export interface LatestOptions<I, T> {
  /** The fetch: must honour `signal`, but a late answer is dropped even if it does not. */
  run: (input: I, signal: AbortSignal) => Promise<T>;
  /** Quiet time after the last request before it is sent. */
  debounceMs: number;
  /** While requests keep coming (a radius being dragged), send the latest at least this often. */
  maxWaitMs?: number;
}

export const initialLatestState: LatestState<never> = {
  status: 'idle',
  data: null,
  error: null,
  stale: false,
};

/**
 * @example
 * const runner = createLatestRunner({ run: (req, signal) => postAudience(req, { signal }), debounceMs: 150 });
 * runner.subscribe(() => render(runner.getState()));
 * runner.request({ areaId: 'a-1' }); runner.request({ areaId: 'a-2' }); // only a-2 is fetched
 */
export function createLatestRunner<I, T>({
  run,
  debounceMs,
  maxWaitMs = Infinity,
}: LatestOptions<I, T>): LatestRunner<I, T> {
  let state: LatestState<T> = initialLatestState;
  const listeners = new Set<() => void>();
  let quietTimer: ReturnType<typeof setTimeout> | null = null;
  let maxTimer: ReturnType<typeof setTimeout> | null = null;
  let pending: { input: I } | null = null;
  let lastInput: { input: I } | null = null;
  let controller: AbortController | null = null;
  /** Counts started requests; only the newest started one may report. */
  let generation = 0;

  const set = (next: LatestState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const clearTimers = () => {
    if (quietTimer !== null) clearTimeout(quietTimer);
    if (maxTimer !== null) clearTimeout(maxTimer);
    quietTimer = maxTimer = null;
  };

  const start = () => {
    clearTimers();
    if (!pending) return;
    const { input } = pending;
    pending = null;
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const id = ++generation;
    run(input, own.signal).then(
      (data) => {
        if (id !== generation) return;
        controller = null;
        // A newer input is already waiting: show this answer, but as not yet current.
        set({ status: pending ? 'loading' : 'ready', data, error: null, stale: pending !== null });
      },
      (error: unknown) => {
        if (id !== generation || isAbort(error)) return;
        controller = null;
        if (pending) return; // The waiting request supersedes this failure.
        set({ status: 'error', data: state.data, error, stale: state.data !== null });
      },
    );
  };

  const schedule = (input: I, delayMs: number) => {
    pending = lastInput = { input };
    // Already loading: nothing new to tell (saves a render per pointer move while dragging).
    if (state.status !== 'loading')
      set({ status: 'loading', data: state.data, error: null, stale: state.data !== null });
    if (quietTimer !== null) clearTimeout(quietTimer);
    if (delayMs <= 0) return start();
    quietTimer = setTimeout(start, delayMs);
    if (maxTimer === null && Number.isFinite(maxWaitMs)) maxTimer = setTimeout(start, maxWaitMs);
  };

  return {
    request: (input) => schedule(input, debounceMs),
    retry: () => {
      if (lastInput) schedule(lastInput.input, 0);
    },
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel: () => {
      clearTimers();
      pending = null;
      generation++;
      controller?.abort();
      controller = null;
    },
  };
}
