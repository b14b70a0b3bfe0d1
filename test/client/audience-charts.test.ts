import { describe, expect, it } from 'vitest';
import { bandLabel, breakdownCharts } from '../../client/features/audience/breakdowns';
import { byIndex, indexTone, chartRows, MIN_BAR_PCT } from '../../client/features/audience/chart';
import { formatCount } from '../../client/features/audience/hidden-counts';
import { createTranslator } from '../../client/i18n/translate';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import {
  ageBands,
  lapsedBuckets,
  type AudienceBreakdown,
} from '../../server/domain/schemas/audience';

const t = createTranslator('en', en);
const same = (key: string) => key;

describe('bar chart scaling', () => {
  it('the largest count fills the bar, the others are in proportion, shares are of the total', () => {
    const rows = chartRows(
      [
        { key: 'a', count: 50 },
        { key: 'b', count: 200 },
        { key: 'c', count: 100 },
      ],
      { total: 400, labelFor: same },
    );
    expect(rows.map((r) => r.lengthPct)).toEqual([25, 100, 50]);
    expect(rows.map((r) => r.share)).toEqual([0.125, 0.5, 0.25]);
    expect(rows.map((r) => r.label)).toEqual(['a', 'b', 'c']);
  });

  it('a tiny count next to a huge one still shows a sliver; zero shows nothing', () => {
    const rows = chartRows(
      [
        { key: 'many', count: 100_000 },
        { key: 'one', count: 1 },
        { key: 'none', count: 0 },
      ],
      { labelFor: same },
    );
    expect(rows.map((r) => r.lengthPct)).toEqual([100, MIN_BAR_PCT, 0]);
    expect(rows.every((r) => r.share === null)).toBe(true);
  });

  it('all zeros (an empty audience) draws no bars and divides by nothing', () => {
    const rows = chartRows(
      [
        { key: 'a', count: 0 },
        { key: 'b', count: 0 },
      ],
      { total: 0, labelFor: same },
    );
    expect(rows.map((r) => [r.lengthPct, r.share])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  it('hideEmpty leaves zero rows out and scales to what remains', () => {
    const rows = chartRows(
      [
        { key: 'a', count: 0 },
        { key: 'b', count: 3 },
      ],
      { labelFor: same, hideEmpty: true },
    );
    expect(rows).toEqual([
      {
        key: 'b',
        label: 'b',
        count: 3,
        lengthPct: 100,
        share: null,
        cityShare: null,
        index: null,
        cityPct: null,
      },
    ]);
  });

  it("puts the city's tick where the area's count would be were it like the city, on the bars' scale", () => {
    const rows = chartRows(
      [
        { key: 'young', count: 30, cityShare: 0.1, index: 300 },
        { key: 'old', count: 70, cityShare: 0.9, index: 78 },
      ],
      { total: 100, labelFor: same },
    );
    // As in the city the old would be 90: the longest mark, so the scale runs to 90.
    expect(rows.map((r) => [r.lengthPct, r.cityPct, r.index])).toEqual([
      [(30 / 90) * 100, (10 / 90) * 100, 300],
      [(70 / 90) * 100, 100, 78],
    ]);
  });
});

describe('byIndex', () => {
  it('puts the most over-represented first and rows without an index last, in their order', () => {
    const rows = [
      { key: 'a', index: 90 },
      { key: 'b', index: null },
      { key: 'c', index: 140 },
      { key: 'd', index: null },
      { key: 'e', index: 140 },
    ];
    expect(byIndex(rows).map((r) => r.key)).toEqual(['c', 'e', 'a', 'b', 'd']);
  });
});

describe('indexTone', () => {
  it('points out indices 20 points or more from the city', () => {
    expect([indexTone(120), indexTone(119), indexTone(80), indexTone(81), indexTone(null)]).toEqual(
      ['over', 'even', 'under', 'even', null],
    );
  });
});

describe('hidden counts (below the minimum group size)', () => {
  it('keep their row, with a bar up to k rather than zero, no share, and "< k" as the figure', () => {
    const rows = chartRows(
      [
        { key: 'a', count: 40 },
        { key: 'b', count: null },
        { key: 'c', count: 0 },
      ],
      { total: 60, labelFor: same, hideEmpty: true, minGroupSize: 10 },
    );
    expect(rows.map((r) => [r.key, r.count, r.lengthPct, r.share])).toEqual([
      ['a', 40, 100, 40 / 60],
      ['b', null, 25, null],
    ]);
    expect(formatCount('en', null, 10, t)).toBe('< 10');
    expect(formatCount('de', null, 1000, createTranslator('de', de))).toBe('< 1.000');
    expect(formatCount('en', 1234, 10, t)).toBe('1,234');
  });
});

describe('breakdown labels', () => {
  it('every age band and lapsed bucket of the API gets words, in English and German', () => {
    expect(ageBands.map((k) => bandLabel(k, t, 'years'))).toEqual([
      'Under 18',
      '18–24',
      '25–34',
      '35–44',
      '45–54',
      '55–64',
      '65+',
      'Unknown',
    ]);
    expect(lapsedBuckets.map((k) => bandLabel(k, t, 'days'))).toEqual([
      '0–29 days ago',
      '30–59 days ago',
      '60–89 days ago',
      '90–179 days ago',
      '180+ days ago',
      'Never bought',
    ]);
    const tDe = createTranslator('de', de);
    expect(bandLabel('180+', tDe, 'days')).toBe('Vor 180+ Tagen');
    expect(bandLabel('never', tDe, 'days')).toBe('Noch nie gekauft');
  });

  it('an unexpected key is shown as it is rather than dropped', () => {
    expect(bandLabel('12-ish', t, 'years')).toBe('12-ish');
  });

  it('the panel shows the seven charts in reading order, with translated gender and tier labels', () => {
    const breakdown: AudienceBreakdown = {
      ageBands: ageBands.map((key, i) => ({ key, count: i })),
      genders: [
        { key: 'female', count: 6 },
        { key: 'male', count: 4 },
        { key: 'diverse', count: 0 },
      ],
      loyaltyTiers: [
        { key: 'none', count: 5 },
        { key: 'gold', count: 5 },
      ],
      lapsed: lapsedBuckets.map((key) => ({ key, count: 1 })),
      jobTitles: [{ key: 'Nurse', count: 3 }],
      industries: [],
      interests: [{ key: 'cycling', count: 7 }],
    };
    const charts = breakdownCharts(breakdown, 10, t);
    expect(charts.map((c) => c.title)).toEqual([
      'Age',
      'Gender',
      'Loyalty tier',
      'Last purchase',
      'Top job titles',
      'Top industries',
      'Top interests',
    ]);
    expect(charts[0]!.rows).toHaveLength(ageBands.length); // empty bands are kept
    expect(charts[1]!.rows.map((r) => r.label)).toEqual(['Female', 'Male']); // nobody "diverse": left out
    expect(charts[1]!.rows[0]!.share).toBe(0.6);
    expect(charts[2]!.rows.map((r) => r.label)).toEqual(['No tier', 'Gold']);
    expect(charts[2]!.tone).toBe('tier');
    expect(charts[5]!.rows).toEqual([]);
  });
});
