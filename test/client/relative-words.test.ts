// The catalogs' relative-time words are CLDR's: for every language, unit and a spread of counts, the words a browser
// without the data gets from the catalog read exactly as Node's full ICU writes them.
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../client/i18n/locale';
import { relativeWords, type RelativeUnit } from '../../client/i18n/relative-words';

const units: RelativeUnit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
// Each plural category of the six languages, -0 and 0, decimals, and counts big enough to be grouped. Fractions below
// one are checked on their own: Hebrew calls 0.5 "one" and ICU writes "לפני דקה (0.5)", the catalog "לפני 0.5 דקות".
const values = [
  -1_000_000, -12_345, -101, -21, -11, -5, -3, -2, -1, -0, 0, 1, 1.5, 2, 2.5, 3, 7, 11, 20, 100,
  1_000_000,
];
// ICU's Hebrew adds the figure in brackets after a count said in words ("לפני דקה (1)"); the catalog leaves it out.
const withoutBracketedFigure = (text: string) => text.replace(/ \(\d+\)$/, '');

describe.each(Object.entries(catalogs))(
  'relative times worded from the %s catalog',
  (language, catalog) => {
    const count = new Intl.NumberFormat(language);

    it('read as Intl writes them, in the past and the future of every unit', () => {
      const words = relativeWords(language, catalog, { numeric: 'always', count });
      const intl = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
      const differing = units.flatMap((unit) =>
        values
          .map((value) => ({
            value,
            unit,
            catalog: words.format(value, unit),
            intl: withoutBracketedFigure(intl.format(value, unit)),
          }))
          .filter((row) => row.catalog !== row.intl),
      );
      expect(differing).toEqual([]);
    });

    it('say yesterday, today, tomorrow and now as Intl does when told to', () => {
      const words = relativeWords(language, catalog, { numeric: 'auto', count });
      const intl = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
      for (const day of [-1, 0, 1]) expect(words.format(day, 'day')).toBe(intl.format(day, 'day'));
      expect(words.format(0, 'second')).toBe(intl.format(0, 'second'));
      expect(words.format(-3, 'day')).toBe(intl.format(-3, 'day'));
    });
  },
);

describe('relative times from the catalog', () => {
  it('keep the figure for a day away when told to always', () => {
    const words = relativeWords('en', catalogs.en!, {
      numeric: 'always',
      count: new Intl.NumberFormat('en'),
    });
    expect(words.format(-1, 'day')).toBe('1 day ago');
    expect(words.format(0, 'second')).toBe('in 0 seconds');
  });

  it('keep the figure of a fraction that a language’s rules count as one', () => {
    const he = relativeWords('he', catalogs.he!, {
      numeric: 'always',
      count: new Intl.NumberFormat('he'),
    });
    expect(new Intl.PluralRules('he').select(0.5)).toBe('one');
    expect(he.format(-0.5, 'minute')).toBe('לפני 0.5 דקות');
    expect(he.format(-1, 'minute')).toBe('לפני דקה');
    const fa = relativeWords('fa', catalogs.fa!, {
      numeric: 'always',
      count: new Intl.NumberFormat('fa'),
    });
    expect(fa.format(0.5, 'hour')).toBe(new Intl.RelativeTimeFormat('fa').format(0.5, 'hour'));
  });

  it('write the count with the formatter they are given, not the language’s own', () => {
    const words = relativeWords('kk', catalogs.kk!, {
      numeric: 'always',
      count: new Intl.NumberFormat('ru'),
    });
    expect(words.format(-12_345.5, 'day')).toMatch(/^12\s345,5 күн бұрын$/);
  });
});
