// POST a JSON request to a routing engine with a time-out per attempt and retries with exponential back-off and full
// jitter. Network errors, time-outs, 5xx and 429 are retried; other 4xx and malformed answers are not (asking again
// would get the same answer). Each failure says what kind it was, so the caller can answer 502, 503 or 504.

export interface EngineRetryOptions {
  /** Per attempt. */
  timeoutMs: number;
  maxAttempts: number;
  /** The back-off before attempt n + 1 is random in [0, baseDelayMs · 2^(n-1)], capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const defaultEngineRetry = (timeoutMs: number): EngineRetryOptions => ({
  timeoutMs,
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 3_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
});

/** `timeout`: no answer in time; `unreachable`: no connection or a 5xx/429; `refused`: a 4xx; `malformed`: not JSON. */
export type EngineFailureKind = 'timeout' | 'unreachable' | 'refused' | 'malformed';

export type EngineAnswer =
  | { ok: true; body: unknown; attempts: number }
  | { ok: false; kind: EngineFailureKind; error: string; body?: unknown; attempts: number };

type Attempt =
  | { ok: true; body: unknown }
  | { ok: false; kind: EngineFailureKind; error: string; body?: unknown; retryAfterMs?: number };

const retried = (kind: EngineFailureKind) => kind === 'timeout' || kind === 'unreachable';

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

async function attempt(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Attempt> {
  let text: string;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    text = await response.text();
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    return timedOut
      ? { ok: false, kind: 'timeout', error: `no answer within ${timeoutMs} ms` }
      : { ok: false, kind: 'unreachable', error: `network error: ${cause}` };
  }
  const parsed = parse(text);
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      kind: 'unreachable',
      error: `HTTP ${response.status}`,
      body: parsed,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
  if (!response.ok)
    return { ok: false, kind: 'refused', error: `HTTP ${response.status}`, body: parsed };
  if (parsed === undefined) return { ok: false, kind: 'malformed', error: 'malformed JSON' };
  return { ok: true, body: parsed };
}

export async function postJsonWithRetry(
  url: string,
  body: unknown,
  options: EngineRetryOptions & { headers?: Record<string, string> },
): Promise<EngineAnswer> {
  for (let n = 1; ; n++) {
    const result = await attempt(url, body, options.headers ?? {}, options.timeoutMs);
    if (result.ok) return { ok: true, body: result.body, attempts: n };
    if (!retried(result.kind) || n >= options.maxAttempts) {
      const { retryAfterMs: _ignored, ...failure } = result;
      return { ...failure, attempts: n };
    }
    const backoff =
      options.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (n - 1));
    await options.sleep(Math.min(options.maxDelayMs, Math.max(backoff, result.retryAfterMs ?? 0)));
  }
}
