// Which locale Intl formats numbers and dates with, for browsers whose ICU lacks a catalog language's data.
//
// Debian's Chromium ships a trimmed ICU: it keeps Kazakh's plural rules and language names, and even lists `kk` in
// supportedLocalesOf, but has no Kazakh number or calendar data, so Intl falls back to the root locale ("2026 M12 3",
// "3.14"). A language is taken to have its data when supportedLocalesOf lists it and a month comes out as a name
// rather than the root locale's "M12". Without it, numbers borrow a language whose CLDR number conventions are the
// same (Kazakh writes numbers as Russian does: comma decimal, space grouping) and dates go numeric (03.12.2026, the
// form Kazakh uses for short dates), with weekday names from the catalog; month names are not needed in that form.
// Relative times ("+3 min" in the root locale) are worded from the catalog instead (relative-words.ts).
import { catalogFor, catalogs, languageOf } from './locale';
import { relativeWords, type RelativeTimeFormatter } from './relative-words';

export type { RelativeTimeFormatter, RelativeUnit } from './relative-words';

/** Languages whose numbers are written exactly as another's, the stand-in when their own data is missing. */
const numberStandIns: Readonly<Record<string, string>> = { kk: 'ru' };
/** Languages whose numeric dates (day.month.year, 24-hour clock) read as another's numeric dates. */
const dateStandIns: Readonly<Record<string, string>> = { kk: 'ru' };

// 2024-12-02: a December, so root data says "M12".
const PROBE_DATE = Date.UTC(2024, 11, 2);
const ROOT_MONTH = /^M\d+$/;
const hasData = new Map<string, boolean>();

/** Whether this browser's Intl has the locale's own number and calendar data (see the file's header). */
export function hasFormattingData(locale: string): boolean {
  let known = hasData.get(locale);
  if (known === undefined) {
    known =
      Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 &&
      Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 &&
      !ROOT_MONTH.test(
        new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(PROBE_DATE),
      );
    hasData.set(locale, known);
  }
  return known;
}

/** Forgets what was probed, for tests that stub supportedLocalesOf. */
export function forgetFormattingData(): void {
  hasData.clear();
}

/**
 * The locale to format numbers in: the locale itself, or its stand-in when this browser lacks its data.
 * @example numberLocale('kk') // 'kk' where ICU has Kazakh, 'ru' in Debian's Chromium
 */
export function numberLocale(locale: string): string {
  if (hasFormattingData(locale)) return locale;
  return numberStandIns[languageOf(locale)] ?? locale;
}

/** What the formatters in format.ts call: format and formatRange, as Intl.DateTimeFormat has them. */
export type DateFormatter = Pick<Intl.DateTimeFormat, 'format' | 'formatRange'>;

/**
 * A date formatter for the locale with these options; where the browser lacks the locale's calendar data and a
 * stand-in is known, one that writes the same fields numerically and names weekdays from the catalog.
 */
export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): DateFormatter {
  const standIn = dateStandIns[languageOf(locale)];
  if (hasFormattingData(locale) || !standIn) return new Intl.DateTimeFormat(locale, options);
  return numericDateFormatter(standIn, options, weekdayNames(locale));
}

/**
 * A relative-time formatter for the locale: Intl's where the browser has the locale's data or the language has no
 * catalog, otherwise one that takes the words from the catalog and writes the count as numberLocale does.
 * @example relativeTimeFormatter('kk', { numeric: 'always' }).format(-3, 'minute') // '3 минут бұрын', with or without data
 */
export function relativeTimeFormatter(
  locale: string,
  { numeric }: { numeric: 'auto' | 'always' },
): RelativeTimeFormatter {
  if (hasFormattingData(locale) || !(languageOf(locale) in catalogs))
    return new Intl.RelativeTimeFormat(locale, { numeric });
  const count = new Intl.NumberFormat(numberLocale(locale));
  return relativeWords(locale, catalogFor(locale), { numeric, count });
}

interface WeekdayNames {
  short: readonly string[];
  long: readonly string[];
}

/** The catalog's weekday names, Sunday first as Date.getUTCDay counts. */
function weekdayNames(locale: string): WeekdayNames {
  const catalog = catalogFor(locale);
  const split = (names: unknown) => (typeof names === 'string' ? names.split(',') : []);
  return {
    short: split(catalog['calendar.weekdaysShort']),
    long: split(catalog['calendar.weekdaysLong']),
  };
}

/** The same fields with months as figures and a 24-hour clock: what a numeric stand-in can write faithfully. */
export function numericOptions(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  const { dateStyle, timeStyle, ...fields } = options;
  const numeric: Intl.DateTimeFormatOptions = { ...fields };
  if (dateStyle) {
    Object.assign(numeric, { year: 'numeric', month: '2-digit', day: '2-digit' });
    if (dateStyle === 'full') numeric.weekday = 'long';
  }
  if (timeStyle) {
    Object.assign(numeric, { hour: '2-digit', minute: '2-digit' });
    if (timeStyle !== 'short') numeric.second = '2-digit';
  }
  if (numeric.month && numeric.month !== 'numeric') numeric.month = '2-digit';
  if (numeric.day) numeric.day = '2-digit';
  if (numeric.hour) numeric.hourCycle = 'h23';
  return numeric;
}

function numericDateFormatter(
  standIn: string,
  options: Intl.DateTimeFormatOptions,
  weekdays: WeekdayNames,
): DateFormatter {
  const numeric = numericOptions(options);
  const inner = new Intl.DateTimeFormat(standIn, numeric);
  // Which day of the week a moment falls on in the formatter's time zone.
  const dayOfWeek = new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    timeZone: numeric.timeZone,
  });
  const order = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const names = numeric.weekday === 'long' ? weekdays.long : weekdays.short;
  const weekday = (date: Date | number | undefined, fallback: string) =>
    names[order.indexOf(dayOfWeek.format(date))] ?? fallback;
  const write = (
    parts: Intl.DateTimeFormatPart[],
    pick: (part: Intl.DateTimeFormatPart) => Date | number | undefined,
  ) =>
    parts
      .map((part) => (part.type === 'weekday' ? weekday(pick(part), part.value) : part.value))
      .join('');

  return {
    format: (date?: Date | number) => write(inner.formatToParts(date), () => date),
    formatRange: (start: Date | number | bigint, end: Date | number | bigint) =>
      write(inner.formatRangeToParts(start as Date, end as Date), (part) =>
        (part as Intl.DateTimeRangeFormatPart).source === 'endRange'
          ? (end as Date)
          : (start as Date),
      ),
  } as DateFormatter;
}
