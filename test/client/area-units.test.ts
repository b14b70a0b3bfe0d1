// Area sizes and densities follow the workspace's distance units (km² or mi²), with the unit's word from each
// language's catalog, since Intl has no square-kilometre or square-mile unit.
import { describe, expect, it } from 'vitest';
import { densityInUnits, formatKm2 } from '../../client/features/areas/format';

const FSI = '\u2068';
const PDI = '\u2069';

describe('area sizes', () => {
  it('stay in km² with metric distances, written for the language', () => {
    expect(formatKm2('en', 3.14159)).toBe('3.14 km²');
    expect(formatKm2('de', 12.345)).toBe('12,3 km²');
    expect(formatKm2('kk', 3.5)).toBe('3,5 км²');
  });

  it('turn into square miles with imperial distances, small areas included', () => {
    expect(formatKm2('en', 2.589988, 'imperial')).toBe('1 mi²');
    expect(formatKm2('en', 25.89988, 'imperial')).toBe('10 mi²');
    // 0.1 km² is 0.04 mi²: still square miles, so a list of areas shares one unit.
    expect(formatKm2('en', 0.1, 'imperial')).toBe('0.04 mi²');
    expect(formatKm2('de', 5.179976, 'imperial')).toBe('2 mi²');
  });

  it('take the unit word from the catalog: Hebrew קמ״ר, Persian with its own digits', () => {
    expect(formatKm2('he', 3.14)).toBe(`${FSI}3.14${PDI} קמ״ר`);
    expect(formatKm2('he', 2.589988, 'imperial')).toBe(`${FSI}1${PDI} מייל רבוע`);
    expect(formatKm2('fa', 2.589988, 'imperial')).toBe(`${FSI}۱${PDI} مایل مربع`);
    expect(formatKm2('kk', 2.589988, 'imperial')).toBe('1 шаршы миля');
  });
});

describe('approximate sizes ("hexagons of about 0.7 km²")', () => {
  it('keep one significant digit, in the workspace’s unit', () => {
    expect(formatKm2('en', 0.737327598, 'metric', { approximate: true })).toBe('0.7 km²');
    expect(formatKm2('en', 5.16129336, 'metric', { approximate: true })).toBe('5 km²');
    expect(formatKm2('en', 0.737327598, 'imperial', { approximate: true })).toBe('0.3 mi²');
    expect(formatKm2('de', 5.16129336, 'imperial', { approximate: true })).toBe('2 mi²');
  });
});

describe('densities', () => {
  it('are per km² with metric distances and per mi² (2.59 times as many) with imperial ones', () => {
    expect(densityInUnits(100)).toBe(100);
    expect(densityInUnits(100, 'metric')).toBe(100);
    expect(densityInUnits(100, 'imperial')).toBeCloseTo(258.9988, 3);
  });
});
