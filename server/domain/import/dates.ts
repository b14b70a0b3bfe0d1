// Dates in imported files: ISO, DD.MM.YYYY (German) or MM/DD/YYYY (US), detected from a column's values or declared.
import type { DateFormat } from './mapping.js';

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const PARTS = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The format a column's values are written in, or null when there are none (or none is recognised).
 * Dots mean day first; with slashes a first part above 12 means day first, otherwise month first.
 * @example detectDateFormat(['03.11.2026', '28.02.2026']) // 'dmy'
 */
export function detectDateFormat(values: readonly string[]): DateFormat | null {
  let dmy = 0;
  let mdy = 0;
  let iso = 0;
  let slashes = 0;
  for (const raw of values) {
    const value = raw.trim();
    if (ISO.test(value)) iso++;
    const m = PARTS.exec(value);
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (m[2] === '.' || a > 12) dmy++;
    else if (b > 12) mdy++;
    else slashes++;
  }
  if (dmy > 0 && dmy >= mdy) return 'dmy';
  if (mdy > 0) return 'mdy';
  if (slashes > 0) return 'mdy';
  return iso > 0 ? 'iso' : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export type ParsedDate =
  | { ok: true; date: string; instant: string }
  /** `not_a_date`: no date format fits; `no_such_date`: one fits but the day or time does not exist. */
  | { ok: false; reason: string; code: 'not_a_date' | 'no_such_date' };

/**
 * A calendar date (`YYYY-MM-DD`) and an instant (ISO, UTC; a time without a zone is read as UTC) from cell text in
 * the given format; ISO text is accepted whatever the format.
 * @example parseDate('03.11.2026 10:15', 'dmy') // { ok: true, date: '2026-11-03', instant: '2026-11-03T10:15:00.000Z' }
 */
export function parseDate(raw: string, format: DateFormat | null): ParsedDate {
  const value = raw.trim();
  let year: number, month: number, day: number;
  let time: [number, number, number] = [0, 0, 0];
  let zone = 'Z';
  const iso = ISO.exec(value);
  const parts = PARTS.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4]) time = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    if (iso[7])
      zone = iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  } else if (parts) {
    const a = Number(parts[1]);
    const b = Number(parts[3]);
    const dayFirst = format === 'dmy' || (format !== 'mdy' && (parts[2] === '.' || a > 12));
    [day, month] = dayFirst ? [a, b] : [b, a];
    year = Number(parts[4]);
    if (parts[4]!.length === 2) year += year < 70 ? 2000 : 1900;
    if (parts[5]) time = [Number(parts[5]), Number(parts[6]), Number(parts[7] ?? 0)];
  } else {
    return {
      ok: false,
      reason: 'not a date (use YYYY-MM-DD, DD.MM.YYYY or MM/DD/YYYY)',
      code: 'not_a_date',
    };
  }
  if (!validDay(year, month, day))
    return { ok: false, reason: `no such day: ${value}`, code: 'no_such_date' };
  if (time[0] > 23 || time[1] > 59 || time[2] > 59)
    return { ok: false, reason: `no such time: ${value}`, code: 'no_such_date' };
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  const instant = new Date(`${date}T${pad(time[0])}:${pad(time[1])}:${pad(time[2])}${zone}`);
  if (Number.isNaN(instant.getTime()))
    return { ok: false, reason: `not a date: ${value}`, code: 'no_such_date' };
  return { ok: true, date, instant: instant.toISOString() };
}
