// Profiles against the city: the index of an area's share over the city's, and which groups are most over-represented.
import { describe, expect, it } from 'vitest';
import {
  shareIndex,
  topOverRepresented,
  withCityShares,
  type CityCountOf,
} from '../../server/domain/city-index.js';
import type { Audience } from '../../server/domain/schemas/audience.js';

/** 100 customers in the area, a city of 1,000 with 20 % gold, 50 % 25–34 and every job counted. */
function fixture(): Audience {
  const none = (keys: string[]) => keys.map((key) => ({ key, count: 0 }));
  return {
    count: 100,
    consented: 60,
    revenue: { total: 1000, avgSpend: 10 },
    breakdown: {
      ageBands: [
        { key: '18-24', count: 10 },
        { key: '25-34', count: 75 },
        { key: 'unknown', count: 15 },
      ],
      genders: [
        { key: 'female', count: 50 },
        { key: 'male', count: 50 },
      ],
      loyaltyTiers: [
        { key: 'gold', count: 40 },
        { key: 'none', count: 60 },
      ],
      lapsed: none(['0-29']),
      jobTitles: [
        { key: 'Nurse', count: 3 },
        { key: 'Baker', count: null },
      ],
      industries: [],
      interests: [{ key: 'cycling', count: 30 }],
    },
    asOf: '2026-11-23T12:00:00.000Z',
  };
}

const city: Record<string, Record<string, number>> = {
  ageBands: { '18-24': 200, '25-34': 500, unknown: 10 },
  genders: { female: 500, male: 500 },
  loyaltyTiers: { gold: 200, none: 800 },
  lapsed: { '0-29': 0 },
  jobTitles: { Nurse: 10, Baker: 40 },
  interests: { cycling: 100 },
};
const cityCountOf: CityCountOf = (b, key) => city[b]?.[key] ?? 0;

describe('shareIndex', () => {
  it('is 100 when the area looks like the city, above when the group is over-represented', () => {
    expect(shareIndex({ areaShare: 0.2, cityShare: 0.2 })).toBe(100);
    expect(shareIndex({ areaShare: 0.4, cityShare: 0.2 })).toBe(200);
    expect(shareIndex({ areaShare: 0.1, cityShare: 0.3 })).toBe(33);
  });

  it('is unknown without a share or when the city has nobody in the group', () => {
    expect(shareIndex({ areaShare: null, cityShare: 0.2 })).toBeNull();
    expect(shareIndex({ areaShare: 0.2, cityShare: null })).toBeNull();
    expect(shareIndex({ areaShare: 0.2, cityShare: 0 })).toBeNull();
  });
});

describe('withCityShares', () => {
  it("puts the city's share and the index on every bucket", () => {
    const a = withCityShares(fixture(), { cityCount: 1000, cityCountOf });
    expect(a.cityCount).toBe(1000);
    expect(a.breakdown.loyaltyTiers[0]).toEqual({
      key: 'gold',
      count: 40,
      cityShare: 0.2,
      index: 200,
    });
    expect(a.breakdown.ageBands[1]).toMatchObject({ cityShare: 0.5, index: 150 });
    expect(a.breakdown.genders[0]).toMatchObject({ cityShare: 0.5, index: 100 });
    expect(a.breakdown.lapsed[0]).toMatchObject({ cityShare: 0, index: null });
  });

  it('keeps the index of a hidden bucket unknown, and every share unknown when the city total is hidden', () => {
    const a = withCityShares(fixture(), { cityCount: 1000, cityCountOf });
    expect(a.breakdown.jobTitles[1]).toEqual({
      key: 'Baker',
      count: null,
      cityShare: 0.04,
      index: null,
    });
    const hiddenCity = withCityShares(fixture(), { cityCount: null, cityCountOf });
    for (const list of Object.values(hiddenCity.breakdown))
      for (const b of list) expect([b.cityShare, b.index]).toEqual([null, null]);
  });

  it('shows no city share for a city group the caller may not see', () => {
    const a = withCityShares(fixture(), {
      cityCount: 1000,
      cityCountOf: (b, key) => (key === 'Nurse' ? null : cityCountOf(b, key)),
    });
    expect(a.breakdown.jobTitles[0]).toMatchObject({ count: 3, cityShare: null, index: null });
  });
});

describe('topOverRepresented', () => {
  it('lists groups of index 110 or more with enough people, highest index first, leaving out "unknown"', () => {
    const a = withCityShares(fixture(), { cityCount: 1000, cityCountOf });
    const top = topOverRepresented(a, { minCount: 20, limit: 5 });
    expect(top.map((g) => [g.breakdown, g.key, g.index])).toEqual([
      ['interests', 'cycling', 300],
      ['loyaltyTiers', 'gold', 200],
      ['ageBands', '25-34', 150],
    ]);
    // unknown ages (index 1500) and three nurses (index 300) do not make the list.
    expect(top[0]).toEqual({
      breakdown: 'interests',
      key: 'cycling',
      count: 30,
      share: 0.3,
      cityShare: 0.1,
      index: 300,
    });
  });

  it('leaves out groups below the index floor: as common as in the city, or only a little more', () => {
    const a = withCityShares(fixture(), { cityCount: 1000, cityCountOf });
    const slightly = topOverRepresented(a, { minCount: 20, limit: 10, minIndex: 151 });
    expect(slightly.map((g) => g.key)).toEqual(['cycling', 'gold']);
    expect(topOverRepresented(a, { minCount: 20, limit: 10 }).map((g) => g.key)).not.toContain(
      'female',
    );
  });

  it('takes at most `limit`, and fewer people only when the threshold allows them', () => {
    const a = withCityShares(fixture(), { cityCount: 1000, cityCountOf });
    expect(topOverRepresented(a, { minCount: 20, limit: 1 })).toHaveLength(1);
    expect(topOverRepresented(a, { minCount: 1, limit: 10 }).map((g) => g.key)).toContain('Nurse');
  });
});
