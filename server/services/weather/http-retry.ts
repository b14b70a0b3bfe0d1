// GET a JSON document with a time-out per attempt and retries with exponential back-off and full jitter
// (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). Network errors, time-outs, 5xx and 429
// are retried; other 4xx, bad JSON and bad shapes are not (asking again would get the same answer).

export interface RetryOptions {
  /** Per attempt. */
  timeoutMs: number;
  maxAttempts: number;
  /** The back-off before attempt n + 1 is random in [0, baseDelayMs · 2^(n-1)], capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export type FetchJsonResult =
  { ok: true; body: unknown; attempts: number } | { ok: false; error: string; attempts: number };

type Attempt =
  { ok: true; body: unknown } | { ok: false; error: string; retry: boolean; retryAfterMs?: number };

async function attempt(url: string, timeoutMs: number): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'application/json' },
    });
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      error: timedOut
        ? `timed out after ${timeoutMs} ms`
        : `network error: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)}`,
      retry: true,
    };
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { ok: false, error: `body not received within ${timeoutMs} ms`, retry: true };
  }
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      error: `HTTP ${response.status}`,
      retry: true,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
  if (!response.ok) return { ok: false, error: `HTTP ${response.status}`, retry: false };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, error: 'malformed JSON', retry: false };
  }
}

export async function fetchJsonWithRetry(
  url: string,
  options: RetryOptions,
): Promise<FetchJsonResult> {
  let last = 'no attempt made';
  for (let n = 1; n <= options.maxAttempts; n++) {
    const result = await attempt(url, options.timeoutMs);
    if (result.ok) return { ok: true, body: result.body, attempts: n };
    last = result.error;
    if (!result.retry || n === options.maxAttempts) return { ok: false, error: last, attempts: n };
    const backoff =
      options.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (n - 1));
    await options.sleep(Math.min(options.maxDelayMs, Math.max(backoff, result.retryAfterMs ?? 0)));
  }
  return { ok: false, error: last, attempts: options.maxAttempts };
}
