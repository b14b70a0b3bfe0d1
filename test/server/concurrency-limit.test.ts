import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createConcurrencyLimiter } from '../../server/http/concurrency-limit.js';
import { createTurnGate } from '../../server/http/turn-gate.js';
import { heavyClassOf, heavyRouteLimits } from '../../server/http/heavy-routes.js';
import { ProblemError, problemBody, problemResponse } from '../../server/http/problem.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A promise and the function that settles it, to hold heavy work open as long as a test needs. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('a concurrency limiter on heavy work', () => {
  it('runs at most inFlight at once, queues up to queue more, refuses the next with 503 and Retry-After', async () => {
    const limiter = createConcurrencyLimiter('audiences', { inFlight: 2, queue: 1 });
    const g = gate();
    let started = 0;
    const work = () =>
      limiter.run(async () => {
        started++;
        await g.opened;
        return 'done';
      });
    const admitted = [work(), work(), work()];
    const refused = work().catch((error: unknown) => error);
    await nextTurn();
    expect(started).toBe(2);
    expect(limiter.running).toBe(2);
    expect(limiter.waiting).toBe(1);
    const error = await refused;
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    expect(problem.status).toBe(503);
    expect(problem.detail).toContain('audiences');
    expect(Number(problem.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    g.open();
    expect(await Promise.all(admitted)).toEqual(['done', 'done', 'done']);
    expect(started).toBe(3);
    expect(limiter.running).toBe(0);
    expect(limiter.waiting).toBe(0);
  });

  it('frees the slot when the work fails, so a failure never shrinks the limit', async () => {
    const limiter = createConcurrencyLimiter('exports', { inFlight: 1, queue: 0 });
    await expect(limiter.run(() => Promise.reject(new Error('disk full')))).rejects.toThrow(
      'disk full',
    );
    await expect(limiter.run(() => Promise.resolve(7))).resolves.toBe(7);
  });

  it('starts synchronous work in a later turn of the event loop, so I/O already read is answered first', async () => {
    const limiter = createConcurrencyLimiter('tiles', { inFlight: 4, queue: 4 });
    const order: string[] = [];
    const heavy = limiter.run(async () => void order.push('heavy'));
    await Promise.resolve();
    order.push('cheap');
    await heavy;
    expect(order).toEqual(['cheap', 'heavy']);
  });

  it('asks to retry later the longer the queue ahead has taken', async () => {
    let clock = 0;
    const limiter = createConcurrencyLimiter(
      'analyses',
      { inFlight: 1, queue: 3 },
      { now: () => clock },
    );
    await limiter.run(async () => void (clock += 2000));
    const g = gate();
    const held = [0, 1, 2, 3].map(() => limiter.run(() => g.opened));
    const error = (await limiter.run(() => g.opened).catch((e: unknown) => e)) as ProblemError;
    // One running and three waiting, each measured at 2 s on one slot: 8 s.
    expect(error.headers['Retry-After']).toBe('8');
    g.open();
    await Promise.all(held);
  });
});

describe('the turn gate', () => {
  it('starts heavy work in later turns of the event loop, in order, as much per turn as its budget allows', async () => {
    const gate = createTurnGate({ budgetMs: 10, now: () => 0 });
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const order: number[] = [];
    const turnsSeen = await Promise.all(
      [1, 2, 3, 4, 5].map(
        (n) =>
          new Promise<number>((resolve) =>
            // Each start is expected to cost the loop 6 ms after it returns: two fit in a 10 ms turn.
            gate.enter(() => (order.push(n), resolve(turn), 6)),
          ),
      ),
    );
    counting = false;
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(turnsSeen[0]).toBe(turnsSeen[1]);
    expect(turnsSeen[2]).toBe(turnsSeen[3]);
    expect(turnsSeen[2]).toBeGreaterThan(turnsSeen[1]!);
    expect(turnsSeen[4]).toBeGreaterThan(turnsSeen[3]!);
    expect(gate.waiting).toBe(0);
  });
});

describe('heavy route classes', () => {
  it('names the heavy routes and leaves health, live offers, sign-in and area edits alone', () => {
    expect(heavyClassOf('GET', '/api/tiles/customers/13/4401/2686.pbf')).toBe('map');
    expect(heavyClassOf('GET', '/api/customers')).toBe('map');
    expect(heavyClassOf('POST', '/api/audience')).toBe('analysis');
    expect(heavyClassOf('POST', '/api/areas/compare')).toBe('analysis');
    expect(heavyClassOf('GET', '/api/white-space')).toBe('analysis');
    expect(heavyClassOf('GET', '/api/campaigns/c1/results')).toBe('analysis');
    expect(heavyClassOf('GET', '/api/customers/export.csv')).toBe('export');
    expect(heavyClassOf('GET', '/api/reports/area/a1.pdf')).toBe('export');
    for (const [method, path] of [
      ['GET', '/api/health'],
      ['GET', '/api/offers/live'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/areas'],
      ['GET', '/api/customers/cu-1'],
      ['GET', '/api/stores'],
    ] as const)
      expect(heavyClassOf(method, path)).toBeNull();
  });

  it('answers a full class with problem+json 503 while other routes still answer', async () => {
    const app = new Hono();
    app.onError((error, c) =>
      error instanceof ProblemError
        ? problemResponse(c, problemBody(error.status, error.detail), error.headers)
        : c.text('boom', 500),
    );
    const heavy = heavyRouteLimits({
      map: { inFlight: 1, queue: 0 },
      analysis: { inFlight: 1, queue: 0 },
      export: { inFlight: 1, queue: 0 },
    });
    let signIns = 0;
    app.use('*', heavy.shed);
    app.use('*', (_c, next) => (signIns++, next()));
    app.use('*', heavy.limit);
    const g = gate();
    app.get('/api/customers', async (c) => {
      await g.opened;
      return c.json([]);
    });
    app.get('/api/health', (c) => c.json({ status: 'ok' }));
    const first = app.request('/api/customers');
    await new Promise((resolve) => setImmediate(resolve));
    const signInsBefore = signIns;
    const second = await app.request('/api/customers');
    expect(second.status).toBe(503);
    // Shed before sign-in: the refusal cost no session lookup.
    expect(signIns).toBe(signInsBefore);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await second.json()).toMatchObject({
      type: 'about:blank',
      title: 'Service unavailable',
      status: 503,
    });
    expect((await app.request('/api/health')).status).toBe(200);
    g.open();
    expect((await first).status).toBe(200);
  });
});
