// Number fields in the workspace's units: what they show for a stored SI value and what they store for a typed one.
import { describe, expect, it } from 'vitest';
import {
  fromFieldValue,
  inputUnit,
  inputUnitLabel,
  toFieldValue,
} from '../../client/i18n/unit-input';
import { defaultUnits } from '../../client/i18n/units';

const imperial = { distance: 'imperial', temperature: 'fahrenheit' } as const;

describe('fields in the workspace units', () => {
  it('a radius of 1000 m shows as 3,281 ft, and 3,281 ft stores 1000 m', () => {
    const feet = inputUnit('m', imperial);
    expect(feet.unit).toBe('foot');
    expect(toFieldValue(1000, feet)).toBe(3281);
    expect(fromFieldValue(3281, feet)).toBe(1000);
    // 76 m would show as 249 ft: a tenth of a metre more is kept so the field shows what was typed.
    expect(fromFieldValue(250, feet)).toBe(76.2);
  });

  it('ring distances in miles: half a mile stores 805 m, and 805 m shows as 0.5 mi', () => {
    const miles = inputUnit('km', imperial);
    expect(fromFieldValue(0.5, miles)).toBe(0.805);
    expect(toFieldValue(0.805, miles)).toBe(0.5);
    expect(toFieldValue(1, miles)).toBe(0.62);
  });

  it('30 °C shows as 86 °F and 86 °F stores 30 °C; freezing is 32 °F, never -0', () => {
    const fahrenheit = inputUnit('°C', imperial);
    expect(toFieldValue(30, fahrenheit)).toBe(86);
    expect(fromFieldValue(86, fahrenheit)).toBe(30);
    expect(fromFieldValue(32, fahrenheit)).toBe(0);
    expect(fromFieldValue(70, fahrenheit)).toBe(21.1);
    expect(Object.is(fromFieldValue(32, fahrenheit), 0)).toBe(true);
    expect(toFieldValue(-40, fahrenheit)).toBe(-40);
  });

  it('every value typed in imperial comes back as typed after a trip through SI', () => {
    for (const [quantity, typed] of [
      ['m', [1, 250, 820, 3281, 16404]],
      ['km', [0.25, 0.5, 1, 3.1]],
      ['°C', [-4, 0, 32, 70, 86, 99.5]],
      ['mm/h', [0.04, 0.1, 1]],
      ['km/h', [10, 37.3, 60]],
    ] as const) {
      const unit = inputUnit(quantity, imperial);
      for (const value of typed)
        expect(toFieldValue(fromFieldValue(value, unit), unit), `${quantity} ${value}`).toBe(value);
    }
  });

  it('metric fields take SI as typed, rounded only to what the field shows', () => {
    expect(fromFieldValue(1000, inputUnit('m', defaultUnits))).toBe(1000);
    expect(fromFieldValue(12.5, inputUnit('°C', defaultUnits))).toBe(12.5);
    expect(fromFieldValue(2.5, inputUnit('mm/h', defaultUnits))).toBe(2.5);
    expect(toFieldValue(1.234, inputUnit('km', defaultUnits))).toBe(1.23);
  });

  it('wind in mph and rain in inches per hour when distances are imperial', () => {
    expect(toFieldValue(60, inputUnit('km/h', imperial))).toBe(37.3);
    expect(fromFieldValue(37.3, inputUnit('km/h', imperial))).toBe(60);
    expect(toFieldValue(25.4, inputUnit('mm/h', imperial))).toBe(1);
  });

  it('labels the field with the unit as the language writes it', () => {
    expect(inputUnitLabel('en', inputUnit('m', imperial))).toBe('ft');
    expect(inputUnitLabel('en', inputUnit('°C', imperial))).toBe('°F');
    expect(inputUnitLabel('de', inputUnit('km', defaultUnits))).toBe('km');
  });
});
