// Hexagon codes worked out in the worker pool, slice by slice, are the same as worked out in one pass here: the same
// hexagon for every customer; the pool's answer is kept for the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { createAudiencePool, type AudiencePool } from '../../server/services/audience/pool.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
} from '../../server/services/customers/customer-index.js';
import {
  computeHexagonCodes,
  hexagonCodesInPool,
} from '../../server/services/customers/hexagon-codes.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

let temp: TempDatabase;
let index: CustomerIndex;
let pool: AudiencePool;

beforeAll(() => {
  temp = tempDatabase('hexagon-pool');
  seedDemo(temp.db, { seed: 5, customers: 3000, today: '2026-11-23', now: new Date() });
  index = buildCustomerIndex(temp.db);
  pool = createAudiencePool({ size: 2 });
});
afterAll(async () => {
  await pool?.close();
  temp?.close();
});

describe('hexagon codes in the worker pool', () => {
  it('give every customer the same hexagon as a single pass here, and are kept', async () => {
    let slices = 0;
    const source = hexagonCodesInPool((columns, task) => {
      slices++;
      return pool.run({ kind: 'hexagons', ...task }, columns as CustomerIndex['columns']);
    }, 3);
    for (const resolution of [7, 8, 9]) {
      const [fromPool, again] = await Promise.all([
        source(index, resolution),
        source(index, resolution),
      ]);
      const here = computeHexagonCodes(index.columns, resolution);
      expect(again).toBe(fromPool);
      expect(fromPool.rows).toBe(here.rows);
      expect(new Set(fromPool.cells)).toEqual(new Set(here.cells));
      for (let row = 0; row < here.rows; row++) {
        const a = here.codeOfRow[row]!;
        const b = fromPool.codeOfRow[row]!;
        expect(b < 0 ? null : fromPool.cells[b]).toBe(a < 0 ? null : here.cells[a]);
      }
    }
    expect(slices).toBe(9);
    await source(index, 8);
    expect(slices).toBe(9);
  });
});
