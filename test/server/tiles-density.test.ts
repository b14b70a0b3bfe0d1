// The customer tiles' density layer, which the heatmap draws: a grid of cells whose counts add up to the customers
// in the tile (all of them, the segment's, a store manager's), and for aggregate-only roles no cell under k.
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCustomer } from '../../server/db/repos/customers.js';
import type { Customer } from '../../server/domain/schemas/customer.js';
import type { Segment } from '../../server/domain/schemas/segment.js';
import { inSegment } from '../../server/domain/segment.js';
import { startTestServer, type SignedInFetch, type TestServer } from '../helpers/server.js';

let server: TestServer;
let customers: Customer[];
const now = new Date('2026-11-23T09:00:00Z');
const gold: Segment = { loyaltyTiers: ['gold'] };

interface Cell {
  count: number;
  x: number;
  y: number;
}
const tileUrl = (z: number, x: number, y: number, segment?: Segment) =>
  `/api/tiles/customers/${z}/${x}/${y}.pbf${segment ? `?segment=${encodeURIComponent(JSON.stringify(segment))}` : ''}`;

async function cells(f: SignedInFetch, url: string): Promise<Cell[]> {
  const response = await f(url);
  if (response.status === 204) return [];
  expect(response.status).toBe(200);
  const layer = new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer())) as never)
    .layers.density;
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => {
    const feature = layer.feature(i);
    const point = feature.loadGeometry()[0]![0]!;
    return { count: Number(feature.properties.count), x: point.x, y: point.y };
  });
}
const total = (list: Cell[]) => list.reduce((sum, c) => sum + c.count, 0);

/** Tile coordinates (fractional) of a location at zoom z. */
function tileAt([lng, lat]: [number, number], z: number) {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((lng + 180) / 360) * n,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n,
  };
}
const inTile = (c: Customer, z: number, x: number, y: number) => {
  const at = tileAt(c.location, z);
  return Math.floor(at.x) === x && Math.floor(at.y) === y;
};

beforeAll(async () => {
  server = await startTestServer({ customers: 800, clock: () => now });
  const ids = server.deps.db.prepare('SELECT id FROM customers').pluck().all() as string[];
  customers = ids.map((id) => findCustomer(server.deps.db, id)!);
});
afterAll(async () => {
  await server?.close();
});

describe('the density layer of the customer tiles', () => {
  it('counts every customer in the tile once, in the cell the customer lives in', async () => {
    expect(total(await cells(server.fetch, tileUrl(0, 0, 0)))).toBe(customers.length);
    const someone = customers[0]!;
    for (const z of [11, 14]) {
      const at = tileAt(someone.location, z);
      const [x, y] = [Math.floor(at.x), Math.floor(at.y)];
      const grid = await cells(server.fetch, tileUrl(z, x, y));
      expect(total(grid)).toBe(customers.filter((c) => inTile(c, z, x, y)).length);
      // The customer's own cell (64 per side, 8 px of 512 each) counts them, at its centre.
      const cell = grid.find(
        (c) =>
          c.x === Math.round((Math.floor((at.x - x) * 64) + 0.5) * 8) &&
          c.y === Math.round((Math.floor((at.y - y) * 64) + 0.5) * 8),
      );
      expect(cell?.count).toBeGreaterThanOrEqual(1);
      for (const c of grid) expect(c.count).toBeGreaterThan(0);
    }
  });

  it("adds up to the segment's customers only when a segment is in force", async () => {
    const expected = customers.filter((c) => inSegment(c, gold, { at: now })).length;
    expect(expected).toBeGreaterThan(0);
    expect(total(await cells(server.fetch, tileUrl(0, 0, 0, gold)))).toBe(expected);
  });

  it('never shows an aggregate-only role a cell of fewer than k customers, at any zoom', async () => {
    const marketer = await server.as('marketer');
    const { minGroupSize } = (await (await server.fetch('/api/settings')).json()) as {
      minGroupSize: number;
    };
    expect(minGroupSize).toBeGreaterThan(1);
    let seen = 0;
    for (const z of [0, 9, 11, 14, 16]) {
      const at = tileAt(customers[0]!.location, z);
      const grid = await cells(marketer, tileUrl(z, Math.floor(at.x), Math.floor(at.y)));
      for (const c of grid) expect(c.count).toBeGreaterThanOrEqual(minGroupSize);
      seen += grid.length;
      expect(total(grid)).toBeLessThanOrEqual(customers.length);
    }
    expect(seen).toBeGreaterThan(0);
    // The same tile for everyone has cells under k, so the rule above is not met by accident.
    const at = tileAt(customers[0]!.location, 11);
    const full = await cells(server.fetch, tileUrl(11, Math.floor(at.x), Math.floor(at.y)));
    expect(full.some((c) => c.count < minGroupSize)).toBe(true);
  });
});
