// The Huff routes on the demo city: the fit names λ, α and how well they fit, and its expected shares add up with the
// actual ones read from the database; a store's surface is its probabilities; a what-if takes customers from the
// stores near it (most from the nearest), in customers and spend; counts below k are hidden from a marketer; bad
// values are named.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HuffModel, HuffSurface, HuffWhatIf } from '../../server/domain/schemas/huff.js';
import { expectProblem } from '../helpers/problem.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ customers: 4000 });
});
afterAll(async () => {
  await server?.close();
});

const homeCounts = () => {
  const db = new Database(server.dbFile, { readonly: true });
  try {
    return new Map(
      (
        db
          .prepare(
            'SELECT home_store_id AS id, count(*) AS n FROM customers WHERE home_store_id IS NOT NULL GROUP BY 1',
          )
          .all() as { id: string; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
  } finally {
    db.close();
  }
};

const post = (fetch: TestServer['fetch'], body: unknown) =>
  fetch('/api/huff/what-if', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('Huff model', () => {
  it('fits λ and α to the home stores, with expected shares beside the actual ones', async () => {
    const response = await server.fetch('/api/huff');
    expect(response.status).toBe(200);
    const model = (await response.json()) as HuffModel;
    const counts = homeCounts();
    const total = [...counts.values()].reduce((s, n) => s + n, 0);
    expect(model.resolution).toBe(8);
    expect(model.choices).toBe(total);
    expect(model.params.decay).toBeGreaterThan(0);
    expect(model.logLikelihood).toBeGreaterThan(model.nullLogLikelihood);
    expect(model.pseudoR2).toBeGreaterThan(0);
    expect(model.pseudoR2).toBeLessThan(1);
    for (const store of model.stores) {
      expect(store.actual).toBe(counts.get(store.id) ?? 0);
      expect(store.actualShare).toBeCloseTo((counts.get(store.id) ?? 0) / total, 10);
    }
    const sum = (k: 'expected' | 'expectedShare') => model.stores.reduce((s, x) => s + x[k], 0);
    // Every customer is expected somewhere: the expected customers add up to all who chose.
    expect(sum('expected')).toBeCloseTo(total, 6);
    expect(sum('expectedShare')).toBeCloseTo(1, 9);
    // At the maximum of the likelihood a conditional logit's expected totals match the observed ones on its
    // features; per store they are close for a model that fits.
    const errors = model.stores.map((s) => Math.abs(s.expectedShare - (s.actualShare ?? 0)));
    expect(Math.max(...errors)).toBeLessThan(0.1);
  });

  it("gives a store's probability surface, highest near the store", async () => {
    const model = (await (await server.fetch('/api/huff')).json()) as HuffModel;
    const store = model.stores[0]!;
    const surface = (await (
      await server.fetch(`/api/huff/stores/${store.id}/surface`)
    ).json()) as HuffSurface;
    expect(surface.storeId).toBe(store.id);
    expect(surface.features.length).toBeGreaterThan(5);
    for (const f of surface.features) {
      expect(f.properties.probability).toBeGreaterThanOrEqual(0.005);
      expect(f.properties.probability).toBeLessThanOrEqual(1);
    }
    const best = Math.max(...surface.features.map((f) => f.properties.probability));
    expect(best).toBeGreaterThan(0.3);
    await expectProblem(await server.fetch('/api/huff/stores/nope/surface'), 404);
  });

  it('predicts what a new store would take, and from which stores, in customers and spend', async () => {
    const stores = (await (await server.fetch('/api/stores')).json()) as {
      features: {
        geometry: { coordinates: [number, number] };
        properties: { id: string; brand: string };
      }[];
    };
    const next = stores.features[0]!;
    // 300 m east of an existing store: it should take most from that one.
    const [lng, lat] = next.geometry.coordinates;
    const point = [lng + 0.0045, lat];
    const response = await post(server.fetch, {
      point,
      brand: next.properties.brand,
      attractiveness: 4,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as HuffWhatIf;
    expect(answer.share).toBeGreaterThan(0);
    expect(answer.share).toBeLessThan(1);
    expect(answer.losses[0]!.storeId).toBe(next.properties.id);
    const lost = answer.losses.reduce((s, l) => s + (l.customers ?? 0), 0);
    expect(lost).toBeCloseTo(answer.customers!, 6);
    expect(answer.losses.reduce((s, l) => s + (l.revenue ?? 0), 0)).toBeCloseTo(answer.revenue!, 4);
    expect(answer.sameBrand.customers).toBeGreaterThanOrEqual(answer.losses[0]!.customers!);
    // A bigger store at the same place takes more.
    const bigger = (await (
      await post(server.fetch, { point, brand: next.properties.brand, attractiveness: 5 })
    ).json()) as HuffWhatIf;
    expect(bigger.share).toBeGreaterThan(answer.share);
  });

  it('hides counts below the minimum group size from a marketer', async () => {
    const marketer = await server.as('marketer');
    const model = (await (await marketer('/api/huff')).json()) as HuffModel;
    expect(model.minGroupSize).toBeGreaterThan(1);
    for (const s of model.stores)
      if (s.actual === null) expect(s.actualShare).toBeNull();
      else expect(s.actual).toBeGreaterThanOrEqual(model.minGroupSize!);
    // A new store far out in the countryside takes a handful at most: none of it is shown as a number.
    const far = (await (
      await post(marketer, { point: [0, 0], brand: 'Anything', attractiveness: 1 })
    ).json()) as HuffWhatIf;
    expect(far.customers).toBeNull();
    expect(far.revenue).toBeNull();
    for (const loss of far.losses) {
      expect(loss.customers).toBeNull();
      expect(loss.revenue).toBeNull();
    }
  });

  it('names bad values', async () => {
    await expectProblem(await server.fetch('/api/huff?resolution=12'), 400, 'query.resolution');
    await expectProblem(
      await post(server.fetch, { point: [200, 0], brand: 'X', attractiveness: 3 }),
      422,
      'body.point.0',
    );
    await expectProblem(
      await post(server.fetch, { point: [13.4, 52.5], brand: 'X', attractiveness: 9 }),
      422,
      'body.attractiveness',
    );
  });
});
