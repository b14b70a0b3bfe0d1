// Huff with travel times: with CATCHMENT_ROUTING naming Valhalla or openrouteservice, the model measures minutes by car
// from each hexagon's centre to each store, asked of the engine's matrix service in blocks (each engine in its own
// format), kept for the next request, and says so; both engines' answers (the same fake times) fit the same model,
// and a different one from straight-line distance. An engine that is down gives a clear 503 that is not kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HuffModel, HuffWhatIf } from '../../server/domain/schemas/huff.js';
import { startFakeRouting, type FakeRouting } from '../helpers/fake-routing.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const MAX_PAIRS = 400;
const engines = ['valhalla', 'openrouteservice'] as const;
const started: { engine: (typeof engines)[number]; fake: FakeRouting; server: TestServer }[] = [];
let plain: TestServer;

beforeAll(async () => {
  const starting = engines.map(async (engine) => {
    const fake = await startFakeRouting(engine);
    const server = await startTestServer({
      customers: 1500,
      env: {
        CATCHMENT_ROUTING: engine,
        CATCHMENT_ROUTING_URL: fake.url,
        CATCHMENT_ROUTING_KEY: 'test-key',
      },
      routing: { timeoutMs: 2000, baseDelayMs: 1, maxDelayMs: 2 },
      matrixBatching: { maxPairs: MAX_PAIRS, concurrency: 2 },
    });
    return { engine, fake, server };
  });
  plain = await startTestServer({ customers: 1500 });
  started.push(...(await Promise.all(starting)));
}, 60_000);
afterAll(async () => {
  await Promise.all([
    plain?.close(),
    ...started.flatMap(({ fake, server }) => [fake.close(), server.close()]),
  ]);
});

const getModel = async (server: TestServer, query = '') => {
  const response = await server.fetch(`/api/huff${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as HuffModel;
};

/** Sources × targets asked for in a recorded request, in either engine's terms. */
function pairsOf(body: unknown): { sources: number[][]; targets: number[][] } {
  const b = body as {
    sources: ({ lon: number; lat: number } | number)[];
    targets?: { lon: number; lat: number }[];
    destinations?: number[];
    locations?: number[][];
  };
  if (b.targets)
    return {
      sources: (b.sources as { lon: number; lat: number }[]).map((s) => [s.lon, s.lat]),
      targets: b.targets.map((t) => [t.lon, t.lat]),
    };
  return {
    sources: (b.sources as number[]).map((i) => b.locations![i]!),
    targets: b.destinations!.map((j) => b.locations![j]!),
  };
}

describe('Huff with travel times from a routing engine', () => {
  it('fits on minutes by car from every hexagon to every store, asked in blocks in the engine’s own terms', async () => {
    const byDistance = await getModel(plain);
    expect(byDistance.measure).toEqual({ kind: 'distance' });
    const fitted: HuffModel[] = [];
    for (const { engine, fake, server } of started) {
      const model = await getModel(server);
      expect(model.measure).toEqual({ kind: 'travel-time', mode: 'drive', engine });
      fitted.push(model);
      expect(fake.requests.length).toBeGreaterThan(1);
      const asked = new Set<string>();
      for (const request of fake.requests) {
        if (engine === 'valhalla') {
          expect(request.path).toBe('/sources_to_targets');
          expect(request.body).toMatchObject({ costing: 'auto' });
        } else {
          expect(request.path).toBe('/v2/matrix/driving-car');
          expect(request.body).toMatchObject({ metrics: ['duration'] });
          expect(request.authorization).toBe('test-key');
        }
        const { sources, targets } = pairsOf(request.body);
        expect(sources.length * targets.length).toBeLessThanOrEqual(MAX_PAIRS);
        for (const s of sources) for (const t of targets) asked.add(`${s}|${t}`);
      }
      // Every hexagon × store pair was asked for exactly once.
      expect(asked.size).toBe(model.places * model.stores.length);
      const pairs = fake.requests.reduce((n, r) => {
        const { sources, targets } = pairsOf(r.body);
        return n + sources.length * targets.length;
      }, 0);
      expect(pairs).toBe(asked.size);

      // Kept: the model and a surface again ask nothing more.
      const before = fake.requests.length;
      await getModel(server);
      const surface = await server.fetch(`/api/huff/stores/${model.stores[0]!.id}/surface`);
      expect(surface.status).toBe(200);
      expect(fake.requests.length).toBe(before);
    }
    // Same times in two formats: the same fit. Times are not distances: another fit.
    expect(fitted[1]!.params.decay).toBeCloseTo(fitted[0]!.params.decay, 9);
    expect(fitted[1]!.logLikelihood).toBeCloseTo(fitted[0]!.logLikelihood, 6);
    expect(fitted[0]!.choices).toBe(byDistance.choices);
    expect(Math.abs(fitted[0]!.params.decay - byDistance.params.decay)).toBeGreaterThan(1e-3);
    expect(fitted[0]!.params.decay).toBeGreaterThan(0);
  });

  it('asks for the times to a new site for "what if we open here?", and a site with no route takes next to nothing', async () => {
    const { fake, server } = started[0]!;
    const model = await getModel(server);
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: { geometry: { coordinates: [number, number] } }[];
    };
    const [lng, lat] = stores.features[0]!.geometry.coordinates;
    const whatIf = async (point: number[]) => {
      const response = await server.fetch('/api/huff/what-if', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ point, brand: 'Newcomer', attractiveness: 4 }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as HuffWhatIf;
    };
    const before = fake.requests.length;
    const near = await whatIf([lng + 0.004, lat]);
    expect(near.measure.kind).toBe('travel-time');
    const asked = fake.requests.slice(before).map((r) => pairsOf(r.body));
    expect(asked.every((a) => a.targets.length === 1)).toBe(true);
    expect(asked.reduce((n, a) => n + a.sources.length, 0)).toBe(model.places);
    expect(near.share).toBeGreaterThan(0.01);
    // The fakes find no route into [0, 1] × [0, 1]: the site counts as far beyond the longest trip.
    const island = await whatIf([0.5, 0.5]);
    expect(island.share).toBeLessThan(near.share / 20);
  });

  it('answers 503 naming the engine when it is down, and asks again next time', async () => {
    const { fake, server } = started[1]!;
    // Two lanes of requests: six failures are three attempts each at most, and one block that fails stops the rest.
    fake.script(...Array.from({ length: 6 }, () => ({ status: 503 })));
    const down = await server.fetch('/api/huff?resolution=7');
    const problem = await expectProblem(down, 503);
    expect(problem).toMatchObject({ engine: 'openrouteservice', attempts: 3 });
    expect(String(problem.detail)).toMatch(/openrouteservice routing engine is not reachable/);
    const model = await getModel(server, '?resolution=7');
    expect(model.resolution).toBe(7);
    expect(model.measure.kind).toBe('travel-time');
  });
});
