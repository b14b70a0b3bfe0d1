// The geocoder: a client of a Nominatim-compatible search endpoint (GET ?q=…&format=jsonv2&limit=1, answering a JSON
// array of places with "lat" and "lon" as strings; an empty array when nothing matches). Every attempt waits for the
// rate limiter, times out, and network errors, time-outs, 5xx and 429 are retried with exponential back-off and full
// jitter; other answers are final. Nothing is logged here: the addresses are personal data.
import { abortableSleep, createRateLimiter } from './rate-limit.js';

export type GeocodeOutcome =
  | { kind: 'found'; point: [lng: number, lat: number] }
  | { kind: 'not-found' }
  | { kind: 'failed'; reason: string };

export interface Geocoder {
  search(address: string, signal?: AbortSignal): Promise<GeocodeOutcome>;
}

export interface NominatimOptions {
  url: string;
  ratePerSecond: number;
  timeoutMs: number;
  /** Defaults: 4 attempts, back-off from 1 s up to 30 s. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

type Attempt = GeocodeOutcome | { kind: 'retry'; reason: string; afterMs: number };

/** Reads a jsonv2 search answer: the first place's [lng, lat], not-found for an empty list. */
export function parseNominatim(body: unknown): GeocodeOutcome {
  if (!Array.isArray(body)) return { kind: 'failed', reason: 'the answer is not a list of places' };
  if (body.length === 0) return { kind: 'not-found' };
  const first = body[0] as { lat?: unknown; lon?: unknown } | null;
  const numeric = (v: unknown) =>
    (typeof v === 'string' && v.trim() !== '') || typeof v === 'number' ? Number(v) : NaN;
  const lat = numeric(first?.lat);
  const lng = numeric(first?.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    return { kind: 'failed', reason: 'the place has no valid lat and lon' };
  return { kind: 'found', point: [lng, lat] };
}

async function attempt(url: URL, timeoutMs: number, signal?: AbortSignal): Promise<Attempt> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { Accept: 'application/json', 'User-Agent': 'Catchment (self-hosted; imports)' },
    });
    text = await response.text();
  } catch {
    // Stopped by the caller (shutdown): not a failure of the geocoder.
    signal?.throwIfAborted();
    return {
      kind: 'retry',
      reason: timeout.aborted ? `timed out after ${timeoutMs} ms` : 'network error',
      afterMs: 0,
    };
  }
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      kind: 'retry',
      reason: `HTTP ${response.status}`,
      afterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0,
    };
  }
  if (!response.ok) return { kind: 'failed', reason: `HTTP ${response.status}` };
  try {
    return parseNominatim(JSON.parse(text));
  } catch {
    return { kind: 'failed', reason: 'malformed JSON' };
  }
}

export function createNominatimGeocoder(options: NominatimOptions): Geocoder {
  const limiter = createRateLimiter(options.ratePerSecond);
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  return {
    async search(address, signal) {
      const url = new URL(options.url);
      url.searchParams.set('q', address);
      url.searchParams.set('format', 'jsonv2');
      url.searchParams.set('limit', '1');
      let reason = 'no attempt made';
      for (let n = 1; n <= maxAttempts; n++) {
        await limiter.take(signal);
        const result = await attempt(url, options.timeoutMs, signal);
        if (result.kind !== 'retry') return result;
        reason = result.reason;
        if (n === maxAttempts) break;
        const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
        await abortableSleep(Math.min(maxDelayMs, Math.max(backoff, result.afterMs)), signal);
      }
      return { kind: 'failed', reason: `${reason} (${maxAttempts} attempts)` };
    },
  };
}
