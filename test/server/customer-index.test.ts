// The in-memory customer index against its SQLite source: builds, upserts, removals, compaction and growth,
// with the same answers inline and from the worker pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import { seedDemo } from '../../server/demo/seed.js';
import {
  buildCustomerIndex,
  type CustomerIndex,
  type IndexedCustomer,
} from '../../server/services/customers/customer-index.js';
import {
  createAudienceService,
  type AudienceService,
} from '../../server/services/audience/audience.js';
import { createAudiencePool, type AudiencePool } from '../../server/services/audience/pool.js';
import type { AreaGeometry } from '../../server/domain/schemas/geojson.js';
import type { Segment } from '../../server/domain/schemas/segment.js';
import { tempDatabase, type TempDatabase } from '../helpers/temp-db.js';

const at = new Date('2026-11-23T12:00:00Z');
const city: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [12.9, 52.2],
      [13.9, 52.2],
      [13.9, 52.8],
      [12.9, 52.8],
      [12.9, 52.2],
    ],
  ],
};
const centre: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [13.36, 52.49],
      [13.45, 52.49],
      [13.45, 52.54],
      [13.36, 52.54],
      [13.36, 52.49],
    ],
    [
      [13.4, 52.51],
      [13.4, 52.52],
      [13.41, 52.52],
      [13.41, 52.51],
      [13.4, 52.51],
    ],
  ],
};
const segment: Segment = {
  ageMin: 25,
  ageMax: 54,
  interests: ['coffee', 'cycling'],
  lapsedDays: 30,
};

let temp: TempDatabase;
let db: Db;
let index: CustomerIndex;
let pool: AudiencePool;
let inline: AudienceService;
let pooled: AudienceService;

beforeAll(async () => {
  temp = tempDatabase('index');
  db = temp.db;
  seedDemo(db, { seed: 3, customers: 5000, today: '2026-11-23', now: at });
  index = buildCustomerIndex(db);
  pool = createAudiencePool({ size: 2 });
  inline = createAudienceService({ index, pool: null });
  pooled = createAudienceService({ index, pool, inlineMaxRows: 0 });
});
afterAll(async () => {
  await pool?.close();
  temp?.close();
});

const customer = (seq: number, over: Partial<IndexedCustomer> = {}): IndexedCustomer => ({
  seq,
  id: `X${seq}`,
  firstName: 'X',
  email: '',
  phone: '',
  location: [13.42, 52.5],
  age: 33,
  gender: 'male',
  jobTitle: 'Chef',
  industry: 'Hospitality',
  interests: ['coffee'],
  loyaltyTier: 'silver',
  visits: 1,
  totalSpend: 10,
  lastPurchaseAt: '2026-01-01',
  consent: true,
  homeStoreId: null,
  ...over,
});

describe('customer index', () => {
  it('holds every customer of the table, in a few dozen bytes each', () => {
    expect(index.size).toBe(db.prepare('SELECT count(*) FROM customers').pluck().get());
    expect(index.bytesPerCustomer()).toBeGreaterThan(30);
    expect(index.bytesPerCustomer()).toBeLessThan(200);
  });

  it('answers the same inline and from the worker pool', async () => {
    for (const geometry of [city, centre]) {
      for (const s of [undefined, segment]) {
        expect(await pooled.audience({ geometry, segment: s, at })).toEqual(
          await inline.audience({ geometry, segment: s, at }),
        );
      }
    }
    expect(Array.from(await pooled.consentedSeqs({ geometry: centre, segment, at }))).toEqual(
      Array.from(await inline.consentedSeqs({ geometry: centre, segment, at })),
    );
    const every = Array.from(await pooled.matchingSeqs({ geometry: centre, segment, at }));
    expect(every).toEqual(Array.from(await inline.matchingSeqs({ geometry: centre, segment, at })));
    // Every matching customer, consented or not: as many as the audience counts.
    expect(every.length).toBe((await inline.audience({ geometry: centre, segment, at })).count);
  });

  it('compacts after many upserts and the pool follows the new columns', async () => {
    const before = (await pooled.audience({ geometry: centre, at })).count;
    const generation = index.columns.generation;
    const maxSeq = db.prepare('SELECT max(seq) FROM customers').pluck().get() as number;
    const added = Array.from({ length: 6000 }, (_, k) =>
      customer(maxSeq + 1 + k, {
        location: [13.37 + (k % 70) * 0.001, 52.495 + Math.floor(k / 70) * 0.0004],
      }),
    );
    index.upsert(added);
    expect(index.columns.generation).toBeGreaterThan(generation);
    const inside = added.filter(
      (c) =>
        c.location[1] <= 52.54 &&
        !(
          c.location[0] >= 13.4 &&
          c.location[0] <= 13.41 &&
          c.location[1] >= 52.51 &&
          c.location[1] <= 52.52
        ),
    ).length;
    const after = await pooled.audience({ geometry: centre, at });
    expect(after.count).toBe(before! + inside);
    expect(after).toEqual(await inline.audience({ geometry: centre, at }));
    expect(index.removeSeqs(added.map((c) => c.seq))).toBe(added.length);
    expect((await pooled.audience({ geometry: centre, at })).count).toBe(before);
  });

  it('grows the interest bitset past 32 interests without losing anyone', async () => {
    const maxSeq = 10_000_000;
    const many = Array.from({ length: 40 }, (_, k) => `hobby ${k}`);
    const words = index.columns.words;
    index.upsert([customer(maxSeq, { location: [13.38, 52.5], interests: many })]);
    expect(index.columns.words).toBeGreaterThan(words);
    const hobby39 = await pooled.audience({
      geometry: centre,
      segment: { interests: ['hobby 39'] },
      at,
    });
    expect(hobby39.count).toBe(1);
    const all = await pooled.audience({ geometry: city, at });
    expect(all).toEqual(await inline.audience({ geometry: city, at }));
    expect(index.removeSeqs([maxSeq])).toBe(1);
    expect(
      (await pooled.audience({ geometry: centre, segment: { interests: ['hobby 39'] }, at })).count,
    ).toBe(0);
  });

  it('replaces a customer on upsert instead of counting them twice', async () => {
    const seq = 20_000_000;
    index.upsert([customer(seq, { location: [13.38, 52.5], jobTitle: 'Astronaut' })]);
    index.upsert([
      customer(seq, { location: [13.38, 52.5], jobTitle: 'Astronaut', loyaltyTier: 'gold' }),
    ]);
    const astronauts = await inline.audience({
      geometry: centre,
      segment: { jobTitles: ['Astronaut'] },
      at,
    });
    expect(astronauts.count).toBe(1);
    expect(astronauts.breakdown.loyaltyTiers.find((b) => b.key === 'gold')?.count).toBe(1);
    index.removeSeqs([seq]);
  });
});
