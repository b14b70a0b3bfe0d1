// Relative times worded from the catalog ("3 минут бұрын"), for browsers whose ICU has no relative-time data for a
// language and would write the root locale's "-3 min". The words are CLDR's own (test/client/relative-words.test.ts
// holds them against Node's full ICU); plural forms are chosen by Intl.PluralRules, which trimmed ICUs keep.
import { en } from './messages/en';
import type { Catalog, MessageKey, MessageValue } from './types';

/** The units Catchment words relative times in. */
export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** What format.ts calls: the one method of Intl.RelativeTimeFormat it uses, for the units above. */
export interface RelativeTimeFormatter {
  format(value: number, unit: RelativeUnit): string;
}

export interface RelativeWordsOptions {
  /** 'auto' says "yesterday", "today", "tomorrow" and "now" where Intl would; 'always' keeps the figure. */
  numeric: 'auto' | 'always';
  /** Writes the count: a NumberFormat for the language or its stand-in (intl-data.ts). */
  count: Pick<Intl.NumberFormat, 'format'>;
}

const dayWords: readonly MessageKey[] = [
  'calendar.relative.yesterday',
  'calendar.relative.today',
  'calendar.relative.tomorrow',
];

/** The word 'auto' puts in place of a figure, or null where the figure stays. */
function autoWord(value: number, unit: RelativeUnit): MessageKey | null {
  if (unit === 'day' && Number.isInteger(value) && Math.abs(value) <= 1)
    return dayWords[value + 1]!;
  if (unit === 'second' && value === 0) return 'calendar.relative.now';
  return null;
}

/**
 * A relative-time formatter that takes its words from the language's catalog.
 * @example relativeWords('kk', kk, { numeric: 'always', count: new Intl.NumberFormat('ru') }).format(-3, 'minute') // '3 минут бұрын'
 */
export function relativeWords(
  locale: string,
  catalog: Catalog,
  { numeric, count }: RelativeWordsOptions,
): RelativeTimeFormatter {
  const plurals = new Intl.PluralRules(locale);
  const pick = (key: MessageKey, n: number): string => {
    const message: MessageValue = catalog[key] ?? en[key];
    if (typeof message === 'string') return message;
    const form = message[plurals.select(n)] ?? message.other;
    // A form without the figure says its number in words ("לפני דקה", a minute ago): right for 1, wrong for the 0.5
    // that Hebrew's rules also call "one", where ICU adds "(0.5)". A fraction keeps its figure.
    return Number.isInteger(n) || form.includes('{count}') ? form : message.other;
  };
  return {
    format(value, unit) {
      const word = numeric === 'auto' ? autoWord(value, unit) : null;
      if (word) return pick(word, value);
      // -0 is in the past, as Intl has it: a trunc'd -0.4 minutes reads "0 minutes ago".
      const past = value < 0 || Object.is(value, -0);
      const amount = Math.abs(value);
      const key: MessageKey = `calendar.relative.${unit}.${past ? 'past' : 'future'}`;
      return pick(key, amount).replace('{count}', count.format(amount));
    },
  };
}
