// A busy server sheds heavy requests with 503 and Retry-After (server/http/heavy-routes.ts): GETs, which change
// nothing, are asked again after the wait it names, a bounded number of times, so a burst of map tiles or a page of
// customers fills in by itself instead of ending in an error toast or a hole in the map.

/** At most this many retries after the first answer. */
export const MAX_RETRIES = 2;
/** The longest wait honoured: a longer Retry-After is cut to this (the person is looking at the screen). */
export const MAX_RETRY_WAIT_MS = 5_000;
/** The wait when a 503 names none. */
export const DEFAULT_RETRY_WAIT_MS = 1_000;

export interface RetryOptions {
  maxRetries?: number;
  maxWaitMs?: number;
  /** Waits `ms`, or rejects with an AbortError once `signal` aborts (tests pass one that records and resolves). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Milliseconds since the epoch, for an HTTP-date Retry-After. */
  now?: () => number;
}

/**
 * The wait a Retry-After header asks for, in ms, between 0 and `maxWaitMs`: delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3); DEFAULT_RETRY_WAIT_MS when it is missing or unreadable.
 * @example retryWaitMs('2', Date.now()) // 2000
 */
export function retryWaitMs(
  header: string | null,
  now: number,
  maxWaitMs = MAX_RETRY_WAIT_MS,
): number {
  const value = header?.trim() ?? '';
  let wait = DEFAULT_RETRY_WAIT_MS;
  if (/^\d+$/.test(value)) wait = Number(value) * 1000;
  // An HTTP-date names its weekday and month; Date.parse alone would take '-5' for a year.
  else if (/^[a-z]{3}, /i.test(value) && !Number.isNaN(Date.parse(value)))
    wait = Date.parse(value) - now;
  return Math.min(Math.max(wait, 0), maxWaitMs);
}

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}

const sleepFor = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

const methodOf = (input: RequestInfo | URL, init?: RequestInit) =>
  (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();

/**
 * `fetchFn(input, init)`, asked again while it answers 503 to a GET or HEAD, after the wait its Retry-After names (at
 * most `maxWaitMs`), at most `maxRetries` times; the last answer is returned as it is. Other methods are sent once: a
 * write the server refused may be sent again by the person, who knows whether they still want it.
 */
export async function fetchRetrying503(
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>,
  input: RequestInfo | URL,
  init?: RequestInit,
  options: RetryOptions = {},
): Promise<Response> {
  const { maxRetries = MAX_RETRIES, maxWaitMs = MAX_RETRY_WAIT_MS, sleep = sleepFor } = options;
  const now = options.now ?? Date.now;
  const idempotent = ['GET', 'HEAD'].includes(methodOf(input, init));
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  for (let attempt = 0; ; attempt += 1) {
    // A Request's body can be read once; GETs have none, but each attempt gets its own copy all the same.
    const response = await fetchFn(input instanceof Request ? input.clone() : input, init);
    if (response.status !== 503 || !idempotent || attempt >= maxRetries) return response;
    const wait = retryWaitMs(response.headers.get('Retry-After'), now(), maxWaitMs);
    // The refusal's body is not needed: release it so the connection can be used again.
    await response.body?.cancel().catch(() => undefined);
    await sleep(wait, signal ?? undefined);
  }
}
