// Intl formatters, cached per locale and options: numbers, money, areas, dates and relative times. Every number, date
// and relative-time formatter of the client is made here, so a browser lacking a language's data is handled once
// (intl-data.ts).
import {
  dateFormatter,
  hasFormattingData,
  numberLocale,
  relativeTimeFormatter,
  type DateFormatter,
  type RelativeTimeFormatter,
  type RelativeUnit,
} from './intl-data';

export type { DateFormatter, RelativeTimeFormatter, RelativeUnit };

type Formatter = Intl.NumberFormat | DateFormatter | RelativeTimeFormatter;
const cache = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return cached(
    `n|${numberLocale(locale)}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(numberLocale(locale), options),
  );
}

/**
 * A date/time formatter for the locale, cached per options.
 * @example dateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-12-03')) // '03.12.2026'
 */
export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions = {},
): DateFormatter {
  // Keyed by whether the data is there too, so a test that takes it away gets a new formatter.
  const key = `d|${locale}|${hasFormattingData(locale)}|${JSON.stringify(options)}`;
  return cached(key, () => dateFormatter(locale, options));
}

export function formatNumber(
  locale: string,
  value: number,
  options?: Intl.NumberFormatOptions,
): string {
  return numberFormat(locale, options).format(value);
}

export function formatMoney(
  locale: string,
  value: number,
  currency: string,
  options: Intl.NumberFormatOptions = {},
): string {
  return numberFormat(locale, { style: 'currency', currency, ...options }).format(value);
}

/** A calendar date `YYYY-MM-DD` as a Date at UTC midnight, or null when it is not one. */
export function parseIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formats a calendar date (`YYYY-MM-DD`) without shifting it through the viewer's time zone. */
export function formatDate(
  locale: string,
  isoDate: string,
  style: 'medium' | 'long' = 'medium',
): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  return dateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(date);
}

/**
 * A relative-time formatter for the locale, cached; worded from the catalog where the browser lacks the data.
 * @example relativeTimeFormat('de', 'always').format(-3, 'minute') // 'vor 3 Minuten'
 */
export function relativeTimeFormat(
  locale: string,
  numeric: 'auto' | 'always',
): RelativeTimeFormatter {
  const key = `r|${locale}|${hasFormattingData(locale)}|${numeric}`;
  return cached(key, () => relativeTimeFormatter(locale, { numeric }));
}

const relativeSteps: [RelativeUnit, number][] = [
  ['year', 365],
  ['month', 30],
  ['week', 7],
  ['day', 1],
];

/**
 * How long ago (or ahead) a calendar date is from `at`, in the largest fitting unit.
 * @example formatRelativeDate('en', '2025-01-01', new Date('2025-03-15')) // '2 months ago'
 */
export function formatRelativeDate(locale: string, isoDate: string, at: Date): string {
  const date = parseIsoDate(isoDate);
  if (!date) return isoDate;
  const today = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const days = Math.round((date.getTime() - today) / 86_400_000);
  const rtf = relativeTimeFormat(locale, 'auto');
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(days) >= size || unit === 'day') return rtf.format(Math.trunc(days / size), unit);
  }
  return rtf.format(days, 'day');
}

/**
 * A unit's short name in a language, as Intl writes it beside a number.
 * @example unitLabel('en', 'meter') // 'm'
 */
export function unitLabel(locale: string, unit: string): string {
  const parts = numberFormat(locale, { style: 'unit', unit }).formatToParts(1);
  return parts.find((part) => part.type === 'unit')?.value ?? unit;
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A size in the largest unit that keeps it at 1 or more (decimal units, as file managers show them).
 * @example formatBytes('en', 3_400_000) // '3.4 MB'
 */
export function formatBytes(locale: string, bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return formatNumber(locale, value, {
    style: 'unit',
    unit: byteUnits[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });
}

/**
 * How soon something ends, `seconds` from now, rounded to a unit a person reads at a glance.
 * @example formatTimeLeft('en', 150) // 'in 3 minutes'
 * @example formatTimeLeft('de', 20) // 'in 20 Sekunden'
 */
export function formatTimeLeft(locale: string, seconds: number): string {
  const rtf = relativeTimeFormat(locale, 'always');
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return rtf.format(s, 'second');
  if (s < 3600) return rtf.format(Math.round(s / 60), 'minute');
  return rtf.format(Math.round((s / 3600) * 10) / 10, 'hour');
}
