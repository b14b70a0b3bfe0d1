import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { audienceExportUrl } from '../../client/api/client';
import { createLatestRunner } from '../../client/features/audience/latest';
import { audienceRequest } from '../../client/features/audience/useAudience';
import type { AreaGeometry } from '../../server/domain/schemas/geojson';

/** A fake fetch whose answers the test releases by hand, in any order. */
function fakeFetch() {
  const calls: {
    input: string;
    signal: AbortSignal;
    resolve: (v: string) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const run = (input: string, signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ input, signal, resolve, reject });
    });
  return { run, calls };
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('newest request wins, debounced', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a quiet moment and then sends only the last of a burst of requests', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150 });
    runner.request('a');
    await vi.advanceTimersByTimeAsync(100);
    runner.request('b');
    await vi.advanceTimersByTimeAsync(100);
    runner.request('c');
    expect(calls).toHaveLength(0);
    expect(runner.getState().status).toBe('loading');
    await vi.advanceTimersByTimeAsync(150);
    expect(calls.map((c) => c.input)).toEqual(['c']);
    calls[0]!.resolve('answer c');
    await flush();
    expect(runner.getState()).toEqual({
      status: 'ready',
      data: 'answer c',
      error: null,
      stale: false,
    });
  });

  it('an older answer arriving after a newer one never overwrites it', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150 });
    runner.request('old');
    await vi.advanceTimersByTimeAsync(150);
    runner.request('new');
    await vi.advanceTimersByTimeAsync(150);
    expect(calls.map((c) => c.input)).toEqual(['old', 'new']);
    expect(calls[0]!.signal.aborted).toBe(true);

    calls[1]!.resolve('new answer');
    await flush();
    // The fake ignores its abort signal and answers late anyway.
    calls[0]!.resolve('old answer');
    await flush();
    expect(runner.getState().data).toBe('new answer');
    expect(runner.getState().status).toBe('ready');
  });

  it('keeps the last figures, marked stale, while the next request is on its way', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150 });
    runner.request('first');
    await vi.advanceTimersByTimeAsync(150);
    calls[0]!.resolve('first answer');
    await flush();
    runner.request('second');
    expect(runner.getState()).toEqual({
      status: 'loading',
      data: 'first answer',
      error: null,
      stale: true,
    });
    await vi.advanceTimersByTimeAsync(150);
    calls[1]!.resolve('second answer');
    await flush();
    expect(runner.getState()).toEqual({
      status: 'ready',
      data: 'second answer',
      error: null,
      stale: false,
    });
  });

  it('an answer that arrives while a newer input waits out its debounce is shown, but still as loading', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150 });
    runner.request('first');
    await vi.advanceTimersByTimeAsync(150);
    runner.request('second');
    calls[0]!.resolve('first answer');
    await flush();
    expect(runner.getState()).toEqual({
      status: 'loading',
      data: 'first answer',
      error: null,
      stale: true,
    });
    await vi.advanceTimersByTimeAsync(150);
    expect(calls.map((c) => c.input)).toEqual(['first', 'second']);
  });

  it('while requests keep coming, the latest is still sent at least every maxWait', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150, maxWaitMs: 400 });
    for (let i = 0; i < 10; i++) {
      runner.request(`drag ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 1000 ms of dragging: sent at 400 and 800 ms, never waiting for a pause.
    expect(calls.map((c) => c.input)).toEqual(['drag 3', 'drag 7']);
    await vi.advanceTimersByTimeAsync(150);
    expect(calls.map((c) => c.input)).toEqual(['drag 3', 'drag 7', 'drag 9']);
  });

  it('a failure is reported with the last figures kept; retry sends the same input again at once', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150 });
    runner.request('x');
    await vi.advanceTimersByTimeAsync(150);
    calls[0]!.resolve('x answer');
    await flush();
    runner.request('y');
    await vi.advanceTimersByTimeAsync(150);
    const failure = new Error('server down');
    calls[1]!.reject(failure);
    await flush();
    expect(runner.getState()).toEqual({
      status: 'error',
      data: 'x answer',
      error: failure,
      stale: true,
    });

    runner.retry();
    expect(calls.map((c) => c.input)).toEqual(['x', 'y', 'y']);
    calls[2]!.resolve('y answer');
    await flush();
    expect(runner.getState()).toEqual({
      status: 'ready',
      data: 'y answer',
      error: null,
      stale: false,
    });
  });

  it('a cancelled request is never reported as an error', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150 });
    runner.request('a');
    await vi.advanceTimersByTimeAsync(150);
    runner.request('b');
    await vi.advanceTimersByTimeAsync(150);
    calls[0]!.reject(abortError());
    await flush();
    expect(runner.getState().status).toBe('loading');
    expect(runner.getState().error).toBeNull();
  });

  it('notifies subscribers on each change; after cancel nothing is sent or reported until the next request', async () => {
    const { run, calls } = fakeFetch();
    const runner = createLatestRunner({ run, debounceMs: 150 });
    const seen: string[] = [];
    runner.subscribe(() => seen.push(runner.getState().status));
    runner.request('a');
    runner.request('b'); // already loading: no second notification
    await vi.advanceTimersByTimeAsync(150);
    calls[0]!.resolve('b answer');
    await flush();
    expect(seen).toEqual(['loading', 'ready']);

    runner.request('c');
    await vi.advanceTimersByTimeAsync(150);
    runner.request('d');
    runner.cancel();
    expect(calls[1]!.signal.aborted).toBe(true);
    calls[1]!.resolve('c answer');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    expect(seen).toEqual(['loading', 'ready', 'loading']);

    // Remounted (React StrictMode): the same runner works again.
    runner.request('e');
    await vi.advanceTimersByTimeAsync(150);
    calls[2]!.resolve('e answer');
    await flush();
    expect(runner.getState()).toMatchObject({ status: 'ready', data: 'e answer' });
  });
});

describe('the audience request body', () => {
  const geometry: AreaGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [13.4, 52.5],
        [13.41, 52.5],
        [13.41, 52.51],
        [13.4, 52.5],
      ],
    ],
  };

  it('names the saved area or carries the geometry, and leaves an empty segment out', () => {
    expect(audienceRequest({ areaId: 'a-1' }, {})).toEqual({ areaId: 'a-1' });
    expect(audienceRequest({ geometry }, { genders: [], consentedOnly: false })).toEqual({
      geometry,
    });
    expect(audienceRequest({ areaId: 'a-1' }, { loyaltyTiers: ['gold'] })).toEqual({
      areaId: 'a-1',
      segment: { loyaltyTiers: ['gold'] },
    });
  });

  it('the export link carries the segment as JSON and only the area id otherwise', () => {
    expect(audienceExportUrl('a 1', {})).toBe('/api/audience/export?areaId=a+1');
    const url = new URL(audienceExportUrl('a-1', { lapsedDays: 60 }), 'http://x');
    expect(JSON.parse(url.searchParams.get('segment')!)).toEqual({ lapsedDays: 60 });
  });
});
