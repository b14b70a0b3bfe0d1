import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../client/i18n/translate';
import { formatDate, formatRelativeDate, parseIsoDate } from '../../client/i18n/format';
import { catalogFor, languageName, resolveLocale, textDirection } from '../../client/i18n/locale';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import type { Catalog } from '../../client/i18n/types';

describe('translations', () => {
  it('English is the source: t returns its text, with placeholders filled', () => {
    const t = createTranslator('en', en);
    expect(t('layers.title')).toBe('Layers');
    expect(t('topbar.workspace', { name: 'Berlin (demo)' })).toBe('Workspace: Berlin (demo)');
  });

  it('numbers in placeholders are formatted for the locale', () => {
    expect(createTranslator('en', en)('nav.boundaries.population', { population: 123456 })).toBe(
      '123,456 residents',
    );
    expect(createTranslator('de', de)('nav.boundaries.population', { population: 123456 })).toBe(
      '123.456 Einwohner',
    );
  });

  it('plurals follow Intl.PluralRules', () => {
    const t = createTranslator('en', en);
    expect(t('nav.stores.count', { count: 1 })).toBe('1 store');
    expect(t('nav.stores.count', { count: 15 })).toBe('15 stores');
    expect(createTranslator('de', de)('details.customer.ageValue', { count: 1 })).toBe('1 Jahr');
  });

  it('in a right-to-left language a name or code inside a sentence is isolated, numbers are not', () => {
    const t = createTranslator('he', {});
    expect(t('topbar.workspace', { name: 'Kiezkaffee Mitte' })).toBe(
      'Workspace: \u2068Kiezkaffee Mitte\u2069',
    );
    expect(t('nav.stores.count', { count: 2 })).toBe('2 stores');
  });

  it('in a left-to-right language only right-to-left names are isolated', () => {
    const t = createTranslator('en', en);
    expect(t('topbar.workspace', { name: 'RAIN20' })).toBe('Workspace: RAIN20');
    expect(t('topbar.workspace', { name: 'کافه تهران' })).toBe('Workspace: \u2068کافه تهران\u2069');
  });

  it('a key missing from a translation falls back to English', () => {
    const partial: Catalog = { 'layers.title': 'Capas' };
    const t = createTranslator('es', partial);
    expect(t('layers.title')).toBe('Capas');
    expect(t('layers.stores')).toBe('Stores');
  });

  it('German translates every English message (so Berlin users see no English)', () => {
    const missing = Object.keys(en).filter((key) => !(key in de));
    expect(missing).toEqual([]);
  });

  it('German keeps the same placeholders as English', () => {
    const names = (v: unknown) =>
      [...JSON.stringify(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(de)) {
      expect(names(value), key).toEqual(names(en[key as keyof typeof en]));
    }
  });
});

describe('choosing the locale', () => {
  it('the URL wins over the remembered choice and the browser', () => {
    expect(resolveLocale({ url: 'de', stored: 'en', browser: ['en-US'] })).toBe('de');
  });

  it('the remembered choice wins over the browser', () => {
    expect(resolveLocale({ url: null, stored: 'de', browser: ['en-US'] })).toBe('de');
  });

  it('from the browser only languages with a catalog are taken; otherwise English', () => {
    expect(resolveLocale({ browser: ['fr-FR', 'de-AT'] })).toBe('de-AT');
    expect(resolveLocale({ browser: ['fr-FR'] })).toBe('en');
  });

  it('an invalid tag in the URL is ignored', () => {
    expect(resolveLocale({ url: 'not a locale!', browser: [] })).toBe('en');
  });

  it('regional variants read their language catalog; unknown languages read English', () => {
    expect(catalogFor('de-CH')).toBe(de);
    expect(catalogFor('ar')).toBe(en);
  });

  it('right-to-left languages are detected by language and by script', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
    expect(textDirection('fa')).toBe('rtl');
    expect(textDirection('de')).toBe('ltr');
    expect(textDirection('en-US')).toBe('ltr');
    expect(textDirection('az-Latn')).toBe('ltr');
  });

  it('languages are named in their own language', () => {
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('en')).toBe('English');
  });
});

describe('dates', () => {
  it('a calendar date stays on its day whatever the time zone', () => {
    expect(parseIsoDate('2024-03-01')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(formatDate('en', '2024-03-01', 'long')).toBe('March 1, 2024');
    expect(formatDate('de', '2024-03-01', 'long')).toBe('1. März 2024');
  });

  it('text that is not a date is shown as it is', () => {
    expect(formatDate('en', 'soon')).toBe('soon');
  });

  it('relative dates use the largest fitting unit, from a given instant', () => {
    const at = new Date('2025-03-15T10:00:00Z');
    expect(formatRelativeDate('en', '2025-03-15', at)).toBe('today');
    expect(formatRelativeDate('en', '2025-03-14', at)).toBe('yesterday');
    expect(formatRelativeDate('en', '2025-01-01', at)).toBe('2 months ago');
    expect(formatRelativeDate('de', '2022-03-01', at)).toBe('vor 3 Jahren');
  });
});
