import { describe, expect, it } from 'vitest';
import { detectDateFormat, parseDate } from '../../../server/domain/import/dates.js';
import { looksSwapped, parsePoint } from '../../../server/domain/import/coordinates.js';
import { planRows, readRow } from '../../../server/domain/import/rows.js';
import type { ImportMapping } from '../../../server/domain/import/mapping.js';

const noMapping: ImportMapping = { columns: {}, values: {}, dateFormat: null };

describe('dates', () => {
  it('detects day-first, month-first and ISO columns', () => {
    expect(detectDateFormat(['03.11.2026', '1.2.2026'])).toBe('dmy');
    expect(detectDateFormat(['11/03/2026', '12/31/2026'])).toBe('mdy');
    expect(detectDateFormat(['31/12/2026'])).toBe('dmy');
    expect(detectDateFormat(['2026-11-03'])).toBe('iso');
    expect(detectDateFormat([])).toBeNull();
  });

  it('parses the declared format and refuses days that do not exist', () => {
    expect(parseDate('03.11.2026', 'dmy')).toMatchObject({ ok: true, date: '2026-11-03' });
    expect(parseDate('11/03/2026', 'mdy')).toMatchObject({ ok: true, date: '2026-11-03' });
    expect(parseDate('2026-11-03T10:15:00+01:00', null)).toMatchObject({
      ok: true,
      instant: '2026-11-03T09:15:00.000Z',
    });
    expect(parseDate('31.02.2026', 'dmy').ok).toBe(false);
    expect(parseDate('yesterday', null).ok).toBe(false);
  });
});

describe('coordinates', () => {
  it('reads "lat,lng", WKT and GeoJSON points as [lng, lat]', () => {
    expect(parsePoint('52.52,13.40')).toEqual({ ok: true, point: [13.4, 52.52] });
    expect(parsePoint('POINT(13.40 52.52)')).toEqual({ ok: true, point: [13.4, 52.52] });
    expect(parsePoint('52,52; 13,40')).toEqual({ ok: true, point: [13.4, 52.52] });
    expect(parsePoint('{"type":"Point","coordinates":[13.4,52.52]}')).toEqual({
      ok: true,
      point: [13.4, 52.52],
    });
    expect(parsePoint('somewhere').ok).toBe(false);
  });

  it('notices latitude and longitude columns the wrong way round', () => {
    const berlin: [number, number][] = [
      [13.4, 52.52],
      [13.38, 52.5],
    ];
    expect(looksSwapped(berlin, [13.2, 52.4, 13.6, 52.7])).toBe(true);
    expect(
      looksSwapped(
        berlin.map(([a, b]) => [b, a]),
        [13.2, 52.4, 13.6, 52.7],
      ),
    ).toBe(false);
    expect(looksSwapped([[120, 45]], null)).toBe(true);
  });
});

describe('rows', () => {
  const headers = ['id', 'firstName', 'gender', 'lat', 'lng', 'age', 'lastPurchaseAt'];
  const plan = () => {
    const planned = planRows('customers', headers, { ...noMapping, dateFormat: 'dmy' });
    if (!planned.ok) throw new Error('plan failed');
    return planned.plan;
  };

  it('turns a row into a customer with consent false when there is no consent column', () => {
    const result = readRow(plan(), ['c1', 'Anna', 'w', '52.5', '13.4', '34', '03.11.2026'], 2);
    expect(result).toMatchObject({
      ok: true,
      record: {
        id: 'c1',
        firstName: 'Anna',
        gender: 'female',
        location: [13.4, 52.5],
        age: 34,
        consent: false,
        lastPurchaseAt: '2026-11-03',
        loyaltyTier: 'none',
      },
    });
  });

  it('names every bad field of a row', () => {
    const result = readRow(plan(), ['c2', 'Bad\u0007name', 'banana', '152', '13.4', 'old', ''], 7);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.row).toBe(7);
    expect(result.errors.map((e) => e.field).sort()).toEqual(['age', 'gender', 'lat']);
    const again = readRow(plan(), ['c2', 'Bad\u0007name', 'f', '52', '13.4', '', ''], 8);
    expect(again).toMatchObject({ ok: false, errors: [{ field: 'firstName' }] });
  });

  it("takes off the ' an export put in front of formula-like text, and keeps every other apostrophe", () => {
    const result = readRow(plan(), ["'=SUM(A1)", "'@home", '', '52.5', '13.4', '', ''], 2);
    expect(result).toMatchObject({ ok: true, record: { id: '=SUM(A1)', firstName: '@home' } });
    const kept = readRow(plan(), ["'-42", "'s-Hertogenbosch", '', '52.5', '13.4', '', ''], 3);
    expect(kept).toMatchObject({ ok: true, record: { id: "'-42", firstName: "'s-Hertogenbosch" } });
  });

  it('refuses a mapping without an id or a place', () => {
    const planned = planRows('customers', ['name'], noMapping);
    expect(planned).toMatchObject({ ok: false });
    if (planned.ok) return;
    expect(planned.errors.map((e) => e.field)).toEqual(['id', 'location']);
  });
});
