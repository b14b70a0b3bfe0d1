// A browser whose ICU lacks Kazakh (Debian's Chromium) still writes Kazakh numbers and dates the Kazakh way: the
// data's absence is stubbed here, since Node's full ICU has it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateTimeFormat, formatDate, formatNumber } from '../../client/i18n/format';
import { forgetFormattingData, hasFormattingData, numberLocale } from '../../client/i18n/intl-data';

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
