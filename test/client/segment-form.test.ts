import { describe, expect, it } from 'vitest';
import {
  emptyForm,
  formToSegment,
  segmentToForm,
  toggleItem,
} from '../../client/features/audience/segment-form';
import { filterFacets } from '../../client/features/audience/facet-filter';
import { segmentSummary } from '../../client/features/audience/segment-summary';
import { createTranslator } from '../../client/i18n/translate';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import { segment as segmentSchema } from '../../server/domain/schemas/segment';

describe('segment builder form → segment', () => {
  it('an untouched form is the empty segment (everyone)', () => {
    expect(formToSegment(emptyForm)).toEqual({ ok: true, segment: {} });
  });

  it('filled fields become a segment the shared schema accepts; blank ones are left out', () => {
    const result = formToSegment({
      ...emptyForm,
      ageMin: '25',
      ageMax: ' 40 ',
      loyaltyTiers: ['gold', 'silver'],
      lapsedDays: '60',
      minSpend: '99,50',
      interests: ['cycling'],
      consentedOnly: true,
    });
    expect(result).toEqual({
      ok: true,
      segment: {
        ageMin: 25,
        ageMax: 40,
        loyaltyTiers: ['gold', 'silver'],
        lapsedDays: 60,
        minSpend: 99.5,
        interests: ['cycling'],
        consentedOnly: true,
      },
    });
    if (result.ok) expect(segmentSchema.safeParse(result.segment).success).toBe(true);
  });

  it('each bad field is named with the reason, so the error shows next to it', () => {
    const result = formToSegment({
      ...emptyForm,
      ageMin: '50',
      ageMax: '40',
      lapsedDays: 'abc',
      activeWithinDays: '2.5',
      minSpend: '-1',
      maxSpend: '2000000000',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        ageMax: { code: 'order' },
        lapsedDays: { code: 'number' },
        activeWithinDays: { code: 'integer' },
        minSpend: { code: 'min', limit: 0 },
        maxSpend: { code: 'max', limit: 1e9 },
      },
    });
  });

  it('an age over 130 is refused with the schema limit', () => {
    expect(formToSegment({ ...emptyForm, ageMax: '131' })).toEqual({
      ok: false,
      errors: { ageMax: { code: 'max', limit: 130 } },
    });
  });

  it('a segment from the URL shows in the form and comes back unchanged', () => {
    const segment = {
      ageMin: 18,
      genders: ['female' as const],
      jobTitles: ['Nurse'],
      storeIds: ['st-01'],
      maxSpend: 500,
      activeWithinDays: 90,
    };
    const form = segmentToForm(segment);
    expect(form.ageMin).toBe('18');
    expect(form.ageMax).toBe('');
    expect(form.genders).toEqual(['female']);
    expect(formToSegment(form)).toEqual({ ok: true, segment });
  });

  it('toggle chips add and remove a value', () => {
    expect(toggleItem(['gold'], 'silver')).toEqual(['gold', 'silver']);
    expect(toggleItem(['gold', 'silver'], 'gold')).toEqual(['silver']);
  });
});

describe('segment summary line', () => {
  const options = {
    t: createTranslator('en', en),
    locale: 'en',
    currency: 'EUR',
    storeName: (id: string) => (id === 'st-01' ? 'Kiezkaffee Mitte' : undefined),
  };

  it('names each active filter briefly', () => {
    expect(
      segmentSummary(
        {
          ageMin: 25,
          ageMax: 40,
          loyaltyTiers: ['gold', 'silver'],
          lapsedDays: 60,
          minSpend: 100,
          jobTitles: ['Nurse', 'Teacher', 'Chef', 'Baker'],
          storeIds: ['st-01', 'st-99'],
          consentedOnly: true,
        },
        options,
      ),
    ).toEqual([
      'Age 25–40',
      'Gold, Silver',
      'Lapsed ≥ 60 days',
      'Spend ≥ €100.00',
      'Job: Nurse, Teacher +2',
      'Home store: Kiezkaffee Mitte, st-99',
      'Consented only',
    ]);
  });

  it('an empty segment has nothing to say; one-sided ranges read naturally; German formats money its way', () => {
    expect(segmentSummary({}, options)).toEqual([]);
    expect(segmentSummary({ ageMax: 30, maxSpend: 50, activeWithinDays: 1 }, options)).toEqual([
      'Age ≤ 30',
      'Active within 1 day',
      'Spend ≤ €50.00',
    ]);
    const german = { ...options, t: createTranslator('de', de), locale: 'de' };
    const spaces = (texts: string[]) => texts.map((text) => text.replace(/\s/g, ' '));
    expect(spaces(segmentSummary({ minSpend: 1000, maxSpend: 2500.5 }, german))).toEqual([
      'Umsatz 1.000,00 €–2.500,50 €',
    ]);
  });
});

describe('type-to-filter in long lists', () => {
  const facets = [
    { key: 'Software developer', count: 900 },
    { key: 'Nurse', count: 700 },
    { key: 'Ärztin', count: 300 },
    { key: 'Teacher', count: 200 },
    { key: 'Developer advocate', count: 10 },
  ];
  const same = (k: string) => k;

  it('without a query the most common unselected values are offered, the rest counted', () => {
    expect(
      filterFacets(facets, { query: '', selected: ['Nurse'], labelFor: same, limit: 2 }),
    ).toEqual({
      shown: [facets[0], facets[2]],
      more: 2,
    });
  });

  it('matches anywhere in the label, ignoring case and accents', () => {
    expect(
      filterFacets(facets, {
        query: 'DEVELOPER',
        selected: [],
        labelFor: same,
        limit: 6,
      }).shown.map((f) => f.key),
    ).toEqual(['Software developer', 'Developer advocate']);
    expect(
      filterFacets(facets, { query: 'arzt', selected: [], labelFor: same, limit: 6 }).shown.map(
        (f) => f.key,
      ),
    ).toEqual(['Ärztin']);
  });

  it('store ids are searched by the name people see', () => {
    const stores = [
      { key: 'st-01', count: 5 },
      { key: 'st-02', count: 4 },
    ];
    const names: Record<string, string> = {
      'st-01': 'Kiezkaffee Mitte',
      'st-02': 'Radhaus Kreuzberg',
    };
    expect(
      filterFacets(stores, { query: 'kreuz', selected: [], labelFor: (id) => names[id]!, limit: 6 })
        .shown,
    ).toEqual([stores[1]]);
  });
});
