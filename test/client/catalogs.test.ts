// Every registered catalog against English: the same keys, the plural forms its language's CLDR rules use,
// and the same placeholders, so no screen falls back to English or drops a name from a sentence.
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../client/i18n/locale';
import { en } from '../../client/i18n/messages/en';
import type { MessageValue } from '../../client/i18n/types';

const english = en as Readonly<Record<string, MessageValue>>;
const placeholders = (value: MessageValue | undefined): string[] => {
  const texts = typeof value === 'string' ? [value] : Object.values(value ?? {});
  return [
    ...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))),
  ].sort();
};

describe.each(Object.entries(catalogs))('the %s catalog', (language, catalog) => {
  const messages = catalog as Readonly<Record<string, MessageValue>>;
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has every English key and no other', () => {
    const missing = Object.keys(english).filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it(`gives plural messages exactly the forms ${language} uses (${categories.join(', ')})`, () => {
    const wrong: string[] = [];
    for (const [key, value] of Object.entries(messages)) {
      const pluralInEnglish = typeof english[key] === 'object';
      if (typeof value === 'string') {
        if (pluralInEnglish) wrong.push(`${key}: a plain string where English has plural forms`);
        continue;
      }
      const forms = Object.keys(value);
      const lacking = categories.filter((c) => !forms.includes(c));
      const unused = forms.filter((f) => f !== 'other' && !categories.includes(f as never));
      if (lacking.length) wrong.push(`${key}: lacks ${lacking.join(', ')}`);
      if (unused.length)
        wrong.push(`${key}: has ${unused.join(', ')}, which ${language} never uses`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the placeholders of the English message', () => {
    const differing = Object.entries(messages)
      .filter(([key]) => key in english)
      .filter(([key, value]) => placeholders(value).join() !== placeholders(english[key]).join())
      .map(([key, value]) => `${key}: {${placeholders(value).join('}, {')}}`);
    expect(differing).toEqual([]);
  });
});

describe('the completeness check itself', () => {
  it('finds placeholders in plain and plural messages alike', () => {
    expect(placeholders('{count} of {total} in {name}')).toEqual(['count', 'name', 'total']);
    expect(placeholders({ one: 'one store', other: '{count} stores' })).toEqual(['count']);
  });

  it('knows Hebrew needs a dual and Catalan a many', () => {
    expect(new Intl.PluralRules('he').resolvedOptions().pluralCategories).toContain('two');
    expect(new Intl.PluralRules('ca').select(1_000_000)).toBe('many');
  });
});
