// A browser whose ICU lacks Kazakh (Debian's Chromium) still writes Kazakh numbers and dates the Kazakh way: the
// data's absence is stubbed here, since Node's full ICU has it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatRelativeTime } from '../../client/features/admin/audit-format';
import {
  dateTimeFormat,
  formatDate,
  formatNumber,
  formatRelativeDate,
  formatTimeLeft,
  relativeTimeFormat,
} from '../../client/i18n/format';
import {
  forgetFormattingData,
  hasFormattingData,
  numberLocale,
  relativeTimeFormatter,
} from '../../client/i18n/intl-data';

/** Makes Intl say it has no data for `language`, as a trimmed ICU does. */
function withoutData(language: string) {
  const lacking = (listed: string[]) => listed.filter((l) => !l.startsWith(language));
  const numbers = Intl.NumberFormat.supportedLocalesOf.bind(Intl.NumberFormat);
  const dates = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
  vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf').mockImplementation((locales) =>
    lacking(numbers(locales)),
  );
  vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales) =>
    lacking(dates(locales)),
  );
  forgetFormattingData();
}

/** Makes Intl.RelativeTimeFormat write `language` as ICU's root locale does ("+3 min"), as Debian's Chromium does. */
function rootRelativeTimes(language: string) {
  const format = Intl.RelativeTimeFormat.prototype.format;
  const short: Record<string, string> = { second: 's', minute: 'min', hour: 'h', day: 'd' };
  vi.spyOn(Intl.RelativeTimeFormat.prototype, 'format').mockImplementation(function (
    this: Intl.RelativeTimeFormat,
    ...args: unknown[]
  ) {
    const [value, unit] = args as [number, Intl.RelativeTimeFormatUnit];
    if (!this.resolvedOptions().locale.startsWith(language)) return format.call(this, value, unit);
    return `${value < 0 ? '-' : '+'}${Math.abs(value)} ${short[unit] ?? unit}`;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  forgetFormattingData();
});

const dec3 = new Date(Date.UTC(2026, 11, 3, 14, 5));

describe('formatting in a language the browser has no data for', () => {
  it('uses the language’s own data when the browser has it', () => {
    expect(hasFormattingData('kk')).toBe(true);
    expect(numberLocale('kk')).toBe('kk');
    expect(formatDate('kk', '2026-12-03')).toBe(
      new Intl.DateTimeFormat('kk', { dateStyle: 'medium', timeZone: 'UTC' }).format(dec3),
    );
  });

  it('writes Kazakh numbers with a comma decimal and space grouping, as Russian data does', () => {
    withoutData('kk');
    expect(numberLocale('kk')).toBe('ru');
    expect(formatNumber('kk', 12345.67)).toMatch(/^12\s345,67$/);
    expect(formatNumber('kk', 3.14, { style: 'unit', unit: 'kilometer' })).toMatch(/^3,14\sкм$/);
  });

  it('writes Kazakh dates as day.month.year with a 24-hour clock, not the root locale’s "2026 M12 3"', () => {
    withoutData('kk');
    expect(formatDate('kk', '2026-12-03')).toBe('03.12.2026');
    expect(
      dateTimeFormat('kk', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
        dec3,
      ),
    ).toBe('03.12.2026, 14:05');
    expect(
      dateTimeFormat('kk', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(dec3),
    ).toBe('12.2026');
  });

  it('names weekdays from the Kazakh catalog, in the formatter’s time zone', () => {
    withoutData('kk');
    const day = dateTimeFormat('kk', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(dec3);
    expect(day).toBe('бейсенбі, 03.12');
    // 23:30 UTC on Thursday is already Friday in Almaty.
    const late = Date.UTC(2026, 11, 3, 23, 30);
    expect(dateTimeFormat('kk', { weekday: 'short', timeZone: 'Asia/Almaty' }).format(late)).toBe(
      'жм',
    );
    const range = dateTimeFormat('kk', {
      weekday: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).formatRange(dec3, Date.UTC(2026, 11, 5));
    expect(range).toContain('бс');
    expect(range).toContain('сб');
    expect(range).not.toMatch(/[a-z]/i);
  });

  it('tells a listed locale without data by its root-locale month ("M12"), as Chromium’s trimmed ICU writes it', () => {
    // Node has Kazakh data, so a DateTimeFormat is faked that lists `kk` but writes months as the root locale does.
    const Real = Intl.DateTimeFormat;
    class RootForKazakh extends Real {
      constructor(locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
        super(locale, options);
        if (String(locale).startsWith('kk') && options?.month === 'long')
          Object.defineProperty(this, 'format', { value: () => 'M12' });
      }
    }
    vi.stubGlobal('Intl', {
      ...Intl,
      DateTimeFormat: RootForKazakh,
      NumberFormat: Intl.NumberFormat,
    });
    expect(Intl.DateTimeFormat.supportedLocalesOf(['kk'])).toEqual(['kk']);
    expect(hasFormattingData('kk')).toBe(false);
    expect(hasFormattingData('de')).toBe(true);
    vi.unstubAllGlobals();
  });

  it('leaves languages without a stand-in to Intl', () => {
    withoutData('de');
    expect(formatDate('de', '2026-12-03')).toBe(
      new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(dec3),
    );
  });
});

describe('relative times in a language the browser has no data for', () => {
  const at = new Date(Date.UTC(2026, 11, 3, 12, 0));

  it('come from Intl when the browser has the language’s data', () => {
    expect(relativeTimeFormatter('kk', { numeric: 'always' })).toBeInstanceOf(
      Intl.RelativeTimeFormat,
    );
    expect(formatTimeLeft('kk', 180)).toBe(
      new Intl.RelativeTimeFormat('kk', { numeric: 'always' }).format(3, 'minute'),
    );
  });

  it('are worded from the Kazakh catalog, not the root locale’s "+3 min"', () => {
    withoutData('kk');
    rootRelativeTimes('kk');
    expect(new Intl.RelativeTimeFormat('kk').format(3, 'minute')).toBe('+3 min');
    expect(relativeTimeFormatter('kk', { numeric: 'always' })).not.toBeInstanceOf(
      Intl.RelativeTimeFormat,
    );
    expect(formatTimeLeft('kk', 180)).toBe('3 минуттан кейін');
    expect(formatTimeLeft('kk', 20)).toBe('20 секундтан кейін');
    expect(formatTimeLeft('kk', 5400)).toBe('1,5 сағаттан кейін');
    expect(formatRelativeDate('kk', '2026-12-02', at)).toBe('кеше');
    expect(formatRelativeDate('kk', '2026-12-03', at)).toBe('бүгін');
    expect(formatRelativeDate('kk', '2026-10-01', at)).toBe('2 ай бұрын');
    expect(formatRelativeDate('kk', '2029-12-04', at)).toBe('3 жылдан кейін');
    expect(formatRelativeTime('kk', '2026-12-03T09:00:00Z', at)).toBe('3 сағат бұрын');
    expect(formatRelativeTime('kk', '2026-12-03T12:00:00Z', at)).toBe('қазір');
    expect(relativeTimeFormat('kk', 'always').format(-12_345, 'day')).toMatch(
      /^12\s345 күн бұрын$/,
    );
  });

  it('switch back to Intl once the data is there again, though the worded one was cached', () => {
    withoutData('kk');
    expect(formatTimeLeft('kk', 180)).toBe('3 минуттан кейін');
    vi.restoreAllMocks();
    forgetFormattingData();
    expect(relativeTimeFormat('kk', 'always')).toBeInstanceOf(Intl.RelativeTimeFormat);
  });

  it('are worded from the catalog for any catalog language without data', () => {
    withoutData('de');
    expect(relativeTimeFormatter('de', { numeric: 'auto' })).not.toBeInstanceOf(
      Intl.RelativeTimeFormat,
    );
    expect(formatRelativeDate('de', '2026-12-04', at)).toBe('morgen');
    expect(formatTimeLeft('de', 150)).toBe('in 3 Minuten');
  });

  it('are left to Intl in a language without a catalog', () => {
    withoutData('fr');
    expect(relativeTimeFormatter('fr', { numeric: 'auto' })).toBeInstanceOf(
      Intl.RelativeTimeFormat,
    );
  });
});
