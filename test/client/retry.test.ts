// The client asks a busy server again: a GET refused with 503 is retried after its Retry-After, at most twice, and
// writes are never sent twice. Fetch and sleep are fakes, so nothing waits and nothing reaches the network.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RETRY_WAIT_MS,
  fetchRetrying503,
  MAX_RETRY_WAIT_MS,
  retryWaitMs,
} from '../../client/api/retry';
import { apiFetch } from '../../client/api/http';
import { ProblemError } from '../../client/api/problem';
import { retryingTileLoader, TileRequestError } from '../../client/map/retrying-tiles';

const busy = (retryAfter?: string) =>
  new Response(JSON.stringify({ title: 'Service Unavailable', status: 503 }), {
    status: 503,
    headers: {
      'Content-Type': 'application/problem+json',
      ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }),
    },
  });

/** A fetch that answers from a script, one answer per call, recording what it was asked. */
function scriptedFetch(...answers: (() => Response)[]) {
  const calls: { url: string; method: string }[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET' });
    const next = answers.shift();
    if (!next) throw new Error('asked more often than the script allows');
    return next();
  };
  return { fetchFn, calls };
}

/** A sleep that returns at once and remembers how long it was asked to wait. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('a GET refused with 503', () => {
  it('is asked again after the wait Retry-After names, and the answer that worked is returned', async () => {
    const { fetchFn, calls } = scriptedFetch(
      () => busy('2'),
      () => new Response('{"ok":true}', { status: 200 }),
    );
    const { waits, sleep } = recordedSleep();
    const response = await fetchRetrying503(fetchFn, '/api/customers?limit=50', undefined, {
      sleep,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('is retried at most twice; the third 503 reaches the caller', async () => {
    const { fetchFn, calls } = scriptedFetch(
      () => busy('1'),
      () => busy('3'),
      () => busy('1'),
      () => new Response('never asked'),
    );
    const { waits, sleep } = recordedSleep();
    const response = await fetchRetrying503(
      fetchFn,
      '/api/audience/export',
      { method: 'GET' },
      {
        sleep,
      },
    );
    expect(response.status).toBe(503);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([1000, 3000]);
  });

  it('waits no longer than the cap however long Retry-After asks', async () => {
    const { fetchFn } = scriptedFetch(
      () => busy('3600'),
      () => new Response('', { status: 200 }),
    );
    const { waits, sleep } = recordedSleep();
    await fetchRetrying503(fetchFn, '/api/white-space', undefined, { sleep });
    expect(waits).toEqual([MAX_RETRY_WAIT_MS]);
  });

  it('stops waiting and asks nothing more when the caller aborts', async () => {
    const { fetchFn, calls } = scriptedFetch(() => busy('1'));
    const controller = new AbortController();
    const answer = fetchRetrying503(fetchFn, '/api/choropleth', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });
});

describe('requests that are not retried', () => {
  it('sends a write once, even when the server says it is busy', async () => {
    const { fetchFn, calls } = scriptedFetch(() => busy('1'));
    const { waits, sleep } = recordedSleep();
    const response = await fetchRetrying503(
      fetchFn,
      '/api/audience',
      { method: 'POST' },
      { sleep },
    );
    expect(response.status).toBe(503);
    expect(calls).toEqual([{ url: '/api/audience', method: 'POST' }]);
    expect(waits).toEqual([]);
  });

  it('returns other errors at once', async () => {
    const { fetchFn, calls } = scriptedFetch(() => new Response('', { status: 500 }));
    const response = await fetchRetrying503(fetchFn, '/api/stores');
    expect(response.status).toBe(500);
    expect(calls).toHaveLength(1);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-03-02T09:00:00Z');
  it('reads delay-seconds and HTTP dates, and falls back to a second', () => {
    expect(retryWaitMs('4', now)).toBe(4000);
    expect(retryWaitMs('0', now)).toBe(0);
    expect(retryWaitMs('Mon, 02 Mar 2026 09:00:03 GMT', now)).toBe(3000);
    expect(retryWaitMs('Mon, 02 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryWaitMs(null, now)).toBe(DEFAULT_RETRY_WAIT_MS);
    expect(retryWaitMs('soon', now)).toBe(DEFAULT_RETRY_WAIT_MS);
    expect(retryWaitMs('-5', now)).toBe(DEFAULT_RETRY_WAIT_MS);
  });
});

describe('the API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers a GET that worked on its retry, and turns a refused write into a ProblemError', async () => {
    const { fetchFn, calls } = scriptedFetch(
      () => busy('0'),
      () => new Response('[]', { status: 200 }),
      () => busy('0'),
    );
    vi.stubGlobal('fetch', fetchFn);
    expect((await apiFetch('/api/areas')).status).toBe(200);
    await expect(apiFetch('/api/areas', { method: 'POST', body: '{}' })).rejects.toBeInstanceOf(
      ProblemError,
    );
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET', 'POST']);
  });
});

describe('customer tiles', () => {
  const url = 'retrying+http://127.0.0.1:1/api/tiles/customers/13/4401/2686.pbf';
  const load = (fetchFn: ReturnType<typeof scriptedFetch>['fetchFn']) =>
    retryingTileLoader(fetchFn)(
      { url } as Parameters<ReturnType<typeof retryingTileLoader>>[0],
      new AbortController(),
    );

  it('a tile refused with 503 is asked again at its plain URL and then drawn', async () => {
    const bytes = new Uint8Array([26, 3, 1, 2, 3]);
    const { fetchFn, calls } = scriptedFetch(
      () => busy('0'),
      () => new Response(bytes, { status: 200, headers: { 'Cache-Control': 'private, no-cache' } }),
    );
    const tile = await load(fetchFn);
    expect(new Uint8Array(tile.data as ArrayBuffer)).toEqual(bytes);
    expect(tile.cacheControl).toBe('private, no-cache');
    expect(calls.map((c) => c.url)).toEqual([
      'http://127.0.0.1:1/api/tiles/customers/13/4401/2686.pbf',
      'http://127.0.0.1:1/api/tiles/customers/13/4401/2686.pbf',
    ]);
  });

  it('an empty tile (204) is an empty buffer, and other errors carry their status for MapLibre', async () => {
    const empty = await load(scriptedFetch(() => new Response(null, { status: 204 })).fetchFn);
    expect((empty.data as ArrayBuffer).byteLength).toBe(0);
    await expect(
      load(scriptedFetch(() => new Response('', { status: 404 })).fetchFn),
    ).rejects.toMatchObject({ status: 404, constructor: TileRequestError });
  });
});
