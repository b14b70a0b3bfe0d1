import { describe, expect, it } from 'vitest';
import {
  ageBand,
  daysSinceLastPurchase,
  inSegment,
  lapsedBucket,
  purchaseDay,
  segmentKey,
} from '../../server/domain/segment.js';
import { ageBands, lapsedBuckets } from '../../server/domain/schemas/audience.js';
import { segment as segmentSchema, type Segment } from '../../server/domain/schemas/segment.js';
import type { Customer } from '../../server/domain/schemas/customer.js';

const at = new Date('2026-11-23T15:30:00Z');
const base: Customer = {
  id: 'C1',
  firstName: 'Anna',
  email: 'anna@example.com',
  phone: '+49 30 1',
  location: [13.4, 52.5],
  age: 30,
  gender: 'female',
  jobTitle: 'Barista',
  industry: 'Hospitality',
  interests: ['coffee', 'cycling'],
  loyaltyTier: 'gold',
  visits: 12,
  totalSpend: 250,
  lastPurchaseAt: '2026-10-24', // 30 days before `at`
  consent: true,
  homeStoreId: 'st-1',
};
const c = (over: Partial<Customer>): Customer => ({ ...base, ...over });
const keeps = (customer: Customer, s: Segment) =>
  inSegment(customer, segmentSchema.parse(s), { at });

describe('ageBand', () => {
  it.each([
    [0, '<18'],
    [17, '<18'],
    [18, '18-24'],
    [24, '18-24'],
    [25, '25-34'],
    [34, '25-34'],
    [35, '35-44'],
    [44, '35-44'],
    [45, '45-54'],
    [54, '45-54'],
    [55, '55-64'],
    [64, '55-64'],
    [65, '65+'],
    [130, '65+'],
    [null, 'unknown'],
    [131, 'unknown'],
    [-1, 'unknown'],
  ] as const)('puts age %j in band %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
  it('only ever answers one of the published bands', () => {
    for (let a = -5; a < 200; a++) expect(ageBands).toContain(ageBand(a));
  });
});

describe('lapsedBucket', () => {
  it.each([
    ['2026-11-23', '0-29'],
    ['2026-10-25', '0-29'],
    ['2026-10-24', '30-59'],
    ['2026-09-25', '30-59'],
    ['2026-09-24', '60-89'],
    ['2026-08-26', '60-89'],
    ['2026-08-25', '90-179'],
    ['2026-05-28', '90-179'],
    ['2026-05-27', '180+'],
    ['2001-01-01', '180+'],
    ['2027-01-01', '0-29'],
    [null, 'never'],
    ['not a date', 'never'],
  ] as const)('puts a last purchase on %j in bucket %s', (date, bucket) => {
    expect(lapsedBucket(date, at)).toBe(bucket);
    expect(lapsedBuckets).toContain(bucket);
  });
  it('counts whole UTC days, whatever the time of day', () => {
    expect(daysSinceLastPurchase('2026-11-22', new Date('2026-11-23T00:00:00Z'))).toBe(1);
    expect(daysSinceLastPurchase('2026-11-22', new Date('2026-11-23T23:59:59Z'))).toBe(1);
    expect(purchaseDay('1970-01-02T10:00:00Z')).toBe(1);
  });
});

describe('inSegment', () => {
  it('keeps everyone when the segment is empty, null or has empty lists', () => {
    expect(keeps(base, {})).toBe(true);
    expect(
      keeps(c({ age: null, lastPurchaseAt: null, homeStoreId: null, consent: false }), {
        ageMin: null,
        genders: [],
        interests: [],
        storeIds: [],
        lapsedDays: null,
        consentedOnly: false,
      }),
    ).toBe(true);
  });

  it('filters by an inclusive age range and drops customers without a known age', () => {
    expect(keeps(c({ age: 25 }), { ageMin: 25, ageMax: 40 })).toBe(true);
    expect(keeps(c({ age: 40 }), { ageMin: 25, ageMax: 40 })).toBe(true);
    expect(keeps(c({ age: 24 }), { ageMin: 25, ageMax: 40 })).toBe(false);
    expect(keeps(c({ age: 41 }), { ageMin: 25, ageMax: 40 })).toBe(false);
    expect(keeps(c({ age: 99 }), { ageMin: 25 })).toBe(true);
    expect(keeps(c({ age: null }), { ageMax: 40 })).toBe(false);
    expect(keeps(c({ age: 150 }), { ageMin: 25 })).toBe(false);
  });

  it('filters by gender, loyalty tier, job title, industry and home store', () => {
    expect(keeps(base, { genders: ['female', 'diverse'] })).toBe(true);
    expect(keeps(base, { genders: ['male'] })).toBe(false);
    expect(keeps(base, { loyaltyTiers: ['gold'] })).toBe(true);
    expect(keeps(base, { loyaltyTiers: ['none', 'bronze'] })).toBe(false);
    expect(keeps(base, { jobTitles: ['Barista', 'Chef'] })).toBe(true);
    expect(keeps(base, { jobTitles: ['barista'] })).toBe(false);
    expect(keeps(base, { industries: ['Hospitality'] })).toBe(true);
    expect(keeps(base, { industries: ['Retail'] })).toBe(false);
    expect(keeps(base, { storeIds: ['st-1', 'st-9'] })).toBe(true);
    expect(keeps(base, { storeIds: ['st-9'] })).toBe(false);
    expect(keeps(c({ homeStoreId: null }), { storeIds: ['st-1'] })).toBe(false);
  });

  it('keeps a customer with any one of the interests', () => {
    expect(keeps(base, { interests: ['yoga', 'cycling'] })).toBe(true);
    expect(keeps(base, { interests: ['yoga'] })).toBe(false);
    expect(keeps(c({ interests: [] }), { interests: ['yoga'] })).toBe(false);
  });

  it('counts no purchase for at least N days as lapsed, and never-bought as lapsed', () => {
    expect(keeps(base, { lapsedDays: 30 })).toBe(true); // exactly 30 days
    expect(keeps(base, { lapsedDays: 31 })).toBe(false);
    expect(keeps(c({ lastPurchaseAt: null }), { lapsedDays: 365 })).toBe(true);
    expect(keeps(c({ lastPurchaseAt: '2026-12-01' }), { lapsedDays: 0 })).toBe(false); // a future date is not lapsed
  });

  it('counts a purchase within N days as active, and never-bought as not active', () => {
    expect(keeps(base, { activeWithinDays: 30 })).toBe(true);
    expect(keeps(base, { activeWithinDays: 29 })).toBe(false);
    expect(keeps(c({ lastPurchaseAt: null }), { activeWithinDays: 10_000 })).toBe(false);
  });

  it('filters by an inclusive spend range and by consent', () => {
    expect(keeps(base, { minSpend: 250, maxSpend: 250 })).toBe(true);
    expect(keeps(base, { minSpend: 250.01 })).toBe(false);
    expect(keeps(base, { maxSpend: 249.99 })).toBe(false);
    expect(keeps(base, { consentedOnly: true })).toBe(true);
    expect(keeps(c({ consent: false }), { consentedOnly: true })).toBe(false);
  });

  it('requires every given field to hold', () => {
    const s: Segment = {
      ageMin: 25,
      ageMax: 40,
      genders: ['female'],
      interests: ['cycling'],
      loyaltyTiers: ['gold', 'silver'],
      lapsedDays: 30,
      minSpend: 100,
    };
    expect(keeps(base, s)).toBe(true);
    expect(keeps(c({ loyaltyTier: 'bronze' }), s)).toBe(false);
    expect(keeps(c({ totalSpend: 99 }), s)).toBe(false);
  });
});

describe('segmentKey', () => {
  it('writes one text for every spelling of the same segment, and none for a segment that filters nothing', () => {
    expect(segmentKey({ loyaltyTiers: ['silver', 'gold'], ageMin: 25, genders: [] })).toBe(
      segmentKey({ ageMin: 25, loyaltyTiers: ['gold', 'silver', 'gold'], consentedOnly: false }),
    );
    expect(segmentKey({ loyaltyTiers: ['gold'] })).not.toBe(
      segmentKey({ loyaltyTiers: ['silver'] }),
    );
    expect(segmentKey({ genders: [], ageMin: null, consentedOnly: false })).toBe('');
    expect(segmentKey(undefined)).toBe('');
  });
});
