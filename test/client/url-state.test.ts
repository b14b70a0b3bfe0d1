import { describe, expect, it } from 'vitest';
import { parseSelection, parseUrlState, serializeUrlState, type UrlState } from '../../client/app/url-state';
import { defaultLayers } from '../../client/store/types';

const base: UrlState = { selection: null, layers: { ...defaultLayers }, navOpen: true, lang: null };

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
    expect(serializeUrlState({ ...base, selection: { kind: 'draft', id: 'draft' } }, '?sel=area:ar-7f3&utm_source=mail')).toBe('?utm_source=mail');
    expect(parseSelection('draft:draft')).toBeNull();
  });

  it('an unknown kind or an empty id selects nothing', () => {
    expect(parseSelection('event:e-1')).toBeNull();
    expect(parseSelection('store:')).toBeNull();
    expect(parseSelection(':st-01')).toBeNull();
    expect(parseSelection('st-01')).toBeNull();
  });

  it('layers are written only when they differ from the default', () => {
    expect(serializeUrlState({ ...base, layers: { ...defaultLayers } })).toBe('');
    const heat = { ...base, layers: { ...defaultLayers, heatmap: true } };
    expect(serializeUrlState(heat)).toBe('?layers=boundaries,stores,customers,heatmap');
    expect(parseUrlState(serializeUrlState(heat)).layers).toEqual(heat.layers);
  });

  it('all layers off is written as layers=none; unknown layer names are ignored', () => {
    const none = { boundaries: false, stores: false, customers: false, heatmap: false };
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
});
