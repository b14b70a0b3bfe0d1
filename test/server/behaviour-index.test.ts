// The index's behaviour checks against the reference meaning (matchesBehaviour) on the demo's purchase history:
// every behaviour field, alone and together, counts the same customers both ways, also after purchases arrive and
// after a compaction re-lays the columns out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.js';
import { readBehaviours } from '../../server/db/repos/customer-behaviour.js';
import { preparePurchaseUpsert } from '../../server/db/repos/purchases.js';
import { findCustomer } from '../../server/db/repos/customers.js';
import { matchesBehaviour } from '../../server/domain/behaviour.js';
import type { Segment } from '../../server/domain/schemas/segment.js';
import { compileSegment } from '../../server/services/audience/filter.js';
import { forEachMatchAnywhere } from '../../server/services/audience/scan.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
} from '../../server/services/customers/customer-index.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

const at = new Date('2026-11-23T12:00:00Z');
let temp: TempDatabase;
let index: CustomerIndex;

beforeAll(() => {
  temp = tempDatabase('behaviour-index');
  seedDemo(temp.db, { seed: 5, customers: 1500, today: '2026-11-23', now: at });
  index = buildCustomerIndex(temp.db);
});
afterAll(() => temp?.close());

const SEGMENTS: Segment[] = [
  { rfmCells: ['champions'] },
  { rfmCells: ['at_risk', 'cant_lose', 'hibernating', 'lost'] },
  { rfmCells: ['new', 'promising'] },
  { minAvgBasket: 10, maxAvgBasket: 40 },
  { priceSensitivities: ['high'] },
  { priceSensitivities: ['low', 'medium'] },
  { productCategories: ['coffee'], categoriesWithinDays: 30 },
  { productCategories: ['bikes', 'records'] },
  { firstPurchaseWithinDays: 60 },
  { rfmCells: ['loyal', 'champions'], priceSensitivities: ['medium'], minAvgBasket: 5 },
];

function indexCount(segment: Segment): number {
  const f = compileSegment(segment, index.dictionaries, index.columns.words, at, () =>
    index.rfmThresholds(),
  );
  let n = 0;
  forEachMatchAnywhere(index.columns, f, () => n++);
  return n;
}

function referenceCount(segment: Segment): number {
  const ids = temp.db.prepare('SELECT id FROM customers').pluck().all() as string[];
  const behaviours = readBehaviours(temp.db, ids);
  const rfm = index.rfmThresholds();
  return ids.filter((id) =>
    matchesBehaviour(findCustomer(temp.db, id)!, behaviours.get(id) ?? null, segment, { at, rfm }),
  ).length;
}

describe('behaviour fields in the index', () => {
  it('count the same customers as the reference meaning', () => {
    for (const segment of SEGMENTS) {
      const expected = referenceCount(segment);
      expect({ segment, count: indexCount(segment) }).toEqual({ segment, count: expected });
    }
    // The fixtures are not vacuous: most segments find someone, none finds everyone.
    const counts = SEGMENTS.map(indexCount);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(SEGMENTS.length - 1);
    expect(Math.max(...counts)).toBeLessThan(index.size);
  });

  it('follow new purchases and a compaction', () => {
    const ids = temp.db.prepare('SELECT id FROM customers LIMIT 400').pluck().all() as string[];
    const upsert = preparePurchaseUpsert(temp.db);
    temp.db.transaction(() =>
      upsert(
        ids.map((id, i) => ({
          id: `late-${i}`,
          customerId: id,
          storeId: 'st-01',
          purchasedAt: '2026-11-22T09:00:00.000Z',
          amount: 30,
          discount: i % 2 ? 5 : null,
          productCategory: 'p19-late',
        })),
      ),
    )();
    // One at a time, like tills: the tail grows past its share and the index compacts on the way.
    // Twelve rounds fill the spare rows, so the index lays its columns out afresh on the way.
    const generation = index.columns.generation;
    for (let round = 0; round < 12; round++) for (const id of ids) index.upsertFromDb([id]);
    expect(index.columns.generation).toBeGreaterThan(generation);
    for (const segment of [
      ...SEGMENTS,
      { productCategories: ['p19-late'], categoriesWithinDays: 2 },
    ])
      expect({ segment, count: indexCount(segment) }).toEqual({
        segment,
        count: referenceCount(segment),
      });
    expect(indexCount({ productCategories: ['p19-late'] })).toBe(400);
  });
});
