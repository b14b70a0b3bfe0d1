// A server shutting down with heavy work waiting for its worker pool answers every request: with its result when the
// work had started, else 503 problem+json with Retry-After that the client's retry (or a load balancer) acts on; and
// its log says so calmly, with no "unhandled error".
import { bboxPolygon, circle } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../server/domain/schemas/geojson.js';
import { seedDemo } from '../../server/demo/seed.js';
import { ServiceError } from '../../server/services/errors.js';
import {
  createAudiencePool,
  SHUTDOWN_RETRY_AFTER_SECONDS,
  type PoolTask,
} from '../../server/services/audience/pool.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
} from '../../server/services/customers/customer-index.js';
import { pageFilter } from '../../server/services/customers/pages.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

const AT = new Date('2026-11-23T12:00:00Z');
const page = (afterSeq: number, index: CustomerIndex): Extract<PoolTask, { kind: 'page' }> => ({
  kind: 'page',
  query: { bbox: [13.3, 52.45, 13.5, 52.56], afterSeq, limit: 100 },
  filter: pageFilter(index, null, AT),
});

describe('closing the worker pool', () => {
  let temp: TempDatabase;
  let index: CustomerIndex;
  beforeAll(() => {
    temp = tempDatabase('pool-shutdown');
    seedDemo(temp.db, { seed: 5, customers: 1500, today: '2026-11-23', now: AT });
    index = buildCustomerIndex(temp.db);
  });
  afterAll(() => temp?.close());

  it('lets the running task finish within the grace and refuses the queued ones and any asked for later', async () => {
    const pool = createAudiencePool({ size: 1, dbFile: temp.file });
    const running = pool.run(page(0, index), index.columns);
    const refusal = (e: unknown) => e;
    const queued = [page(100, index), page(200, index)].map((t) =>
      pool.run(t, index.columns).catch(refusal),
    );
    expect(pool.load).toEqual({ running: 1, queued: 2 });
    const closed = pool.close({ graceMs: 30_000 });
    const later = pool.run(page(300, index), index.columns).catch(refusal);
    expect(JSON.parse(await running)).toMatchObject({ type: 'FeatureCollection' });
    for (const error of await Promise.all([...queued, later])) {
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({
        kind: 'unavailable',
        extensions: { code: 'shutting_down', retryAfterSeconds: SHUTDOWN_RETRY_AFTER_SECONDS },
      });
    }
    expect(await closed).toEqual({ refused: 3, cut: 0 });
    // Closing again is the same close.
    expect(await pool.close()).toEqual({ refused: 3, cut: 0 });
  });

  it('cuts a task still running when the grace is over, with the same refusal instead of leaving it unanswered', async () => {
    const pool = createAudiencePool({ size: 1, dbFile: temp.file });
    const running = pool.run(page(0, index), index.columns).catch((e: unknown) => e);
    expect(await pool.close({ graceMs: 0 })).toEqual({ refused: 0, cut: 1 });
    expect(await running).toMatchObject({ kind: 'unavailable', message: /shutting down/ });
  });
});

describe('a server shutting down with heavy requests waiting for the pool', () => {
  let server: TestServer;
  let closed: Promise<void> | null = null;
  beforeAll(async () => {
    server = await startTestServer({
      customers: 3000,
      // Every audience scan goes to the pool, however small, as it does on a busy server; and no limiter holds
      // requests back, so every one of them waits in the pool itself.
      audienceInlineMaxRows: 0,
      env: { CATCHMENT_LIMITS: 'off' },
    });
  });
  afterAll(async () => {
    await (closed ?? server?.close());
  });

  it('finishes the running work and answers each waiting request with a 503 problem+json and Retry-After, calmly', async () => {
    const { pool, customerIndex } = server.deps;
    // Both workers started (a task each), then busy for about a second: polygon clipping of finely drawn circles,
    // sent as a comparison would.
    await Promise.all(
      [page(0, customerIndex), page(100, customerIndex)].map((task) =>
        pool!.run(task, customerIndex.columns),
      ),
    );
    const fine = (lng: number) =>
      circle([lng, 52.52], 4, { steps: 500, units: 'kilometers' }).geometry as AreaGeometry;
    const running = [13.38, 13.42].map((lng) =>
      pool!.run(
        { kind: 'shapes', geometries: [fine(lng), fine(lng + 0.01)] },
        customerIndex.columns,
      ),
    );
    const area = bboxPolygon([13.3, 52.45, 13.5, 52.56]).geometry;
    // Distinct tiles, so none is answered from the route's cache; audiences of the analysis class beside them.
    const requests = [
      ...Array.from({ length: 16 }, (_, i) =>
        server.fetch(`/api/tiles/customers/12/${2198 + (i % 4)}/${1341 + Math.floor(i / 4)}.pbf`),
      ),
      ...Array.from({ length: 6 }, () =>
        server.fetch('/api/audience', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ geometry: area }),
        }),
      ),
    ];
    // Every request in its handler (counted from sign-in to answer), and as many tasks waiting in the pool or more
    // (an audience's first answer also asks for the city's baseline).
    const { heavyLoad } = server.deps;
    await waitFor(
      () => heavyLoad!.inFlight === requests.length && pool!.load.queued >= requests.length,
    );
    closed = server.close();
    const answers = await Promise.all(
      requests.map(async (request) => {
        const response = await request;
        return {
          status: response.status,
          type: response.headers.get('Content-Type'),
          retryAfter: response.headers.get('Retry-After'),
          body: (await response.json()) as { code?: string; retryAfterSeconds?: number },
        };
      }),
    );
    for (const answer of answers)
      expect(answer).toEqual({
        status: 503,
        type: 'application/problem+json',
        retryAfter: String(SHUTDOWN_RETRY_AFTER_SECONDS),
        body: expect.objectContaining({
          code: 'shutting_down',
          retryAfterSeconds: SHUTDOWN_RETRY_AFTER_SECONDS,
        }),
      });
    // The work that had started ran to its end, unless the grace ran out first on a very busy machine: then it was
    // refused alike (and counted as cut), never left unanswered.
    const ran = await Promise.allSettled(running);
    for (const outcome of ran)
      if (outcome.status === 'fulfilled')
        expect(outcome.value.pairs[0]?.shared).toMatchObject({ ok: true });
      else expect(outcome.reason).toMatchObject({ extensions: { code: 'shutting_down' } });
    const cut = ran.filter((outcome) => outcome.status === 'rejected').length;
    await closed;
    expect(server.logLines.filter((line) => /unhandled|"level":"error"/.test(line))).toEqual([]);
    const closing = server.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(closing).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: 'shutting down: the worker pool takes no more work',
        running: 2,
        queued: expect.any(Number),
      }),
    );
    const summary = closing.find((line) => line.message === 'worker pool closed');
    expect(summary).toMatchObject({ level: 'info', cut });
    expect(summary?.refused).toBeGreaterThanOrEqual(requests.length);
  });
});

/** Checks `ready` on every turn of the event loop (the server runs in this process) until it holds. */
async function waitFor(ready: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > until) throw new Error('the awaited state never came');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
