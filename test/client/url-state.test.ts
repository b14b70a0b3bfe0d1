import { describe, expect, it } from 'vitest';
import { parseSegment, serializeSegment } from '../../client/app/segment-param';
import {
  parseSelection,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../client/app/url-state';
import { defaultLayers } from '../../client/store/types';

const base: UrlState = {
  selection: null,
  layers: { ...defaultLayers },
  navOpen: true,
  lang: null,
  segment: {},
  admin: null,
  compare: null,
  whiteSpace: null,
  marketShare: null,
  choropleth: null,
};

describe('URL state', () => {
  it('a plain URL means nothing selected, default layers, panel open, no language pinned', () => {
    expect(parseUrlState('')).toEqual(base);
    expect(serializeUrlState(base)).toBe('');
  });

  it('a selected store is written as sel=store:<id> and read back', () => {
    const state = { ...base, selection: { kind: 'store' as const, id: 'st-01' } };
    const search = serializeUrlState(state);
    expect(search).toBe('?sel=store:st-01');
    expect(parseUrlState(search)).toEqual(state);
  });

  it('an event selection is written as sel=event:<id> and a link to it selects it', () => {
    const state = { ...base, selection: { kind: 'event' as const, id: 'ev-street-festival' } };
    expect(serializeUrlState(state)).toBe('?sel=event:ev-street-festival');
    expect(parseUrlState('?sel=event:ev-street-festival')).toEqual(state);
  });

  it('a campaign page is a deep link: sel=campaign:<id>', () => {
    const state = { ...base, selection: { kind: 'campaign' as const, id: 'cmp-1f2e' } };
    expect(serializeUrlState(state)).toBe('?sel=campaign:cmp-1f2e');
    expect(parseUrlState('?sel=campaign:cmp-1f2e')).toEqual(state);
  });

  it('boundary and customer selections round-trip, ids may contain colons and spaces', () => {
    for (const selection of [
      { kind: 'boundary' as const, id: 'b-mitte' },
      { kind: 'customer' as const, id: 'crm:00042 x' },
    ]) {
      const state = { ...base, selection };
      expect(parseUrlState(serializeUrlState(state))).toEqual(state);
    }
  });

  it('an area deep link round-trips; the unsaved draft never reaches the URL', () => {
    const area = { ...base, selection: { kind: 'area' as const, id: 'ar-7f3' } };
    expect(serializeUrlState(area)).toBe('?sel=area:ar-7f3');
    expect(parseUrlState('?sel=area:ar-7f3')).toEqual(area);
    expect(
      serializeUrlState(
        { ...base, selection: { kind: 'draft', id: 'draft' } },
        '?sel=area:ar-7f3&utm_source=mail',
      ),
    ).toBe('?utm_source=mail');
    expect(parseSelection('draft:draft')).toBeNull();
  });

  it('the workspace settings view and its tab are a deep link; an unknown tab leaves it closed', () => {
    const audit = { ...base, admin: 'audit' as const };
    expect(serializeUrlState(audit)).toBe('?admin=audit');
    expect(parseUrlState('?admin=audit')).toEqual(audit);
    expect(parseUrlState('?admin=billing').admin).toBeNull();
    expect(serializeUrlState(base, '?admin=users&utm_source=mail')).toBe('?utm_source=mail');
  });

  it('the white-space search is ws=<km from every store>; a bad distance opens it at 1.5 km', () => {
    const open = { ...base, whiteSpace: { minStoreKm: 2 } };
    expect(serializeUrlState(open)).toBe('?ws=2');
    expect(parseUrlState('?ws=2')).toEqual(open);
    expect(parseUrlState('?ws=far').whiteSpace).toEqual({ minStoreKm: 1.5 });
    expect(parseUrlState('?ws=').whiteSpace).toEqual({ minStoreKm: 1.5 });
    expect(parseUrlState('?ws=-3').whiteSpace).toEqual({ minStoreKm: 1.5 });
  });

  it('areas compared side by side are cmp=<ids>, in order; an empty comparison is kept open', () => {
    const compared = { ...base, compare: ['ar-1', 'ar-2'] };
    expect(serializeUrlState(compared)).toBe('?cmp=ar-1,ar-2');
    expect(parseUrlState('?cmp=ar-1,ar-2')).toEqual(compared);
    expect(serializeUrlState({ ...base, compare: [] })).toBe('?cmp=');
    expect(parseUrlState('?cmp=').compare).toEqual([]);
    expect(parseUrlState('?cmp=a,b,a,,c,d,e,f,g,h,i').compare).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
    ]);
  });

  it('an unknown kind or an empty id selects nothing', () => {
    expect(parseSelection('galaxy:c-1')).toBeNull();
    expect(parseSelection('store:')).toBeNull();
    expect(parseSelection(':st-01')).toBeNull();
    expect(parseSelection('st-01')).toBeNull();
  });

  it('layers are written only when they differ from the default', () => {
    expect(serializeUrlState({ ...base, layers: { ...defaultLayers } })).toBe('');
    const heat = { ...base, layers: { ...defaultLayers, heatmap: true } };
    expect(serializeUrlState(heat)).toBe('?layers=boundaries,stores,customers,heatmap,events');
    expect(parseUrlState(serializeUrlState(heat)).layers).toEqual(heat.layers);
  });

  it('all layers off is written as layers=none; unknown layer names are ignored', () => {
    const none = {
      boundaries: false,
      stores: false,
      customers: false,
      heatmap: false,
      events: false,
    };
    expect(serializeUrlState({ ...base, layers: none })).toBe('?layers=none');
    expect(parseUrlState('?layers=none').layers).toEqual(none);
    expect(parseUrlState('?layers=stores,satellite').layers).toEqual({ ...none, stores: true });
  });

  it('a closed panel and the language are kept', () => {
    const state = { ...base, navOpen: false, lang: 'de' };
    expect(serializeUrlState(state)).toBe('?nav=closed&lang=de');
    expect(parseUrlState('?nav=closed&lang=de')).toEqual(state);
  });

  it('keeps parameters it does not know and drops the ones that return to default', () => {
    const search = serializeUrlState(base, '?sel=store:st-01&utm_source=mail&layers=none');
    expect(search).toBe('?utm_source=mail');
  });

  it('a segment is written compactly as seg= and read back, next to the other state', () => {
    const state = {
      ...base,
      selection: { kind: 'boundary' as const, id: 'b-mitte' },
      segment: { ageMin: 25, ageMax: 40, loyaltyTiers: ['gold' as const] },
    };
    const search = serializeUrlState(state);
    expect(search).toBe('?sel=boundary:b-mitte&seg=age:25-40;tier:gold');
    expect(parseUrlState(search)).toEqual(state);
  });

  it('an empty segment leaves seg= out of the URL', () => {
    expect(
      serializeUrlState(
        { ...base, segment: { genders: [], consentedOnly: false, lapsedDays: null } },
        '?seg=age:1-2',
      ),
    ).toBe('');
  });
});

describe('the segment in the URL', () => {
  const roundTrip = (segment: Parameters<typeof serializeSegment>[0]) =>
    parseUrlState(serializeUrlState({ ...base, segment })).segment;

  it('every field of the segment survives the trip through the URL', () => {
    const segment = {
      ageMin: 18,
      ageMax: 65,
      genders: ['female' as const, 'diverse' as const],
      jobTitles: ['Nurse', 'Software developer'],
      industries: ['Health care'],
      interests: ['cycling', 'coffee'],
      loyaltyTiers: ['gold' as const, 'silver' as const],
      lapsedDays: 60,
      activeWithinDays: 365,
      minSpend: 99.5,
      maxSpend: 2500,
      storeIds: ['st-01', 'st-07'],
      consentedOnly: true,
      rfmCells: ['champions' as const, 'cant_lose' as const],
      minAvgBasket: 5.5,
      maxAvgBasket: 40,
      priceSensitivities: ['high' as const],
      productCategories: ['coffee', 'bike, parts'],
      categoriesWithinDays: 30,
      firstPurchaseWithinDays: 60,
    };
    expect(roundTrip(segment)).toEqual(segment);
  });

  it('behaviour fields read compactly, and an unknown RFM cell is dropped', () => {
    expect(
      serializeSegment({ rfmCells: ['champions', 'loyal'], firstPurchaseWithinDays: 60 }),
    ).toBe('rfm:champions,loyal;new:60');
    expect(parseSegment('rfm:champions,royalty;price:high;cat:coffee;catdays:30')).toEqual({
      rfmCells: ['champions'],
      priceSensitivities: ['high'],
      productCategories: ['coffee'],
      categoriesWithinDays: 30,
    });
  });

  it('ranges may be open at either end', () => {
    expect(serializeSegment({ ageMin: 30 })).toBe('age:30-');
    expect(serializeSegment({ maxSpend: 50 })).toBe('spend:-50');
    expect(roundTrip({ ageMin: 30, maxSpend: 50 })).toEqual({ ageMin: 30, maxSpend: 50 });
  });

  it('labels with commas, colons, semicolons, percent signs and non-Latin letters round-trip', () => {
    const segment = {
      jobTitles: ['Chef, pastry', 'Head: sales; EMEA', '100% remote', 'Ärztin', 'مهندس'],
      interests: ['a b+c'],
    };
    expect(roundTrip(segment)).toEqual(segment);
  });

  it('a hand-edited or damaged link keeps what is valid and drops the rest', () => {
    expect(parseSegment('age:25-abc;tier:gold,platinum;lapsed:-5;int:,cycling,;bogus:1')).toEqual({
      ageMin: 25,
      loyaltyTiers: ['gold'],
      interests: ['cycling'],
    });
    // Out of the schema's range, or min above max: the shared zod schema decides, and the offending field goes.
    expect(parseSegment('age:20-300')).toEqual({ ageMin: 20 });
    expect(parseSegment('spend:500-100')).toEqual({ minSpend: 500 });
    expect(parseSegment('job:%E0%A4%A')).toEqual({});
    expect(parseSegment('')).toEqual({});
  });

  it('consented only is a bare flag', () => {
    expect(serializeSegment({ consentedOnly: true })).toBe('consent');
    expect(parseSegment('consent')).toEqual({ consentedOnly: true });
    expect(serializeSegment({ consentedOnly: false })).toBeNull();
  });
});

describe('market analysis in the URL', () => {
  it('keeps the market-share panel with its surface store, and the choropleth settings, through a reload', () => {
    const state: UrlState = {
      ...base,
      marketShare: { surfaceStoreId: 'st-03' },
      choropleth: { metric: 'revenue', level: 'h3', resolution: 9, method: 'quantile', classes: 7 },
    };
    const search = serializeUrlState(state, '?keep=1');
    expect(search).toBe('?keep=1&mkt=st-03&chor=revenue,h3,9,quantile,7');
    expect(parseUrlState(search)).toEqual({ ...state });
    const open = serializeUrlState({ ...base, marketShare: { surfaceStoreId: null } });
    expect(open).toBe('?mkt=');
    expect(parseUrlState(open).marketShare).toEqual({ surfaceStoreId: null });
    // Closing both drops them from the link.
    expect(serializeUrlState(base, search)).toBe('?keep=1');
  });

  it('reads a hand-edited choropleth part by part, with the default for what it cannot read', () => {
    expect(parseUrlState('?chor=customers,neighbourhood,12,jenks,3').choropleth).toEqual({
      metric: 'customers',
      level: 'neighbourhood',
      resolution: 8,
      method: 'ckmeans',
      classes: 3,
    });
    expect(parseUrlState('?chor=').choropleth).toEqual({
      metric: 'penetration',
      level: 'h3',
      resolution: 8,
      method: 'ckmeans',
      classes: 5,
    });
  });
});
