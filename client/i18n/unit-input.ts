// What a number field shows and takes in the workspace's units (ft, mi, °F… or m, km, °C), and the conversion
// to the SI value that is stored and sent. The API and the database only ever see SI; this is the one boundary.
import { unitLabel } from './format';
import type { SiUnit, UnitPreferences } from './units';

const FEET_PER_METER = 3.280839895;
const MM_PER_INCH = 25.4;
const KM_PER_MILE = 1.609344;

/** What a field is typed in: Intl's unit name, digits a person types, and the way to and from SI. */
export interface InputUnit {
  /** Intl's unit identifier (`foot`, `fahrenheit`…), for the label beside the field. */
  unit: string;
  /** Decimals shown when an SI value is written into the field (whole feet, a hundredth of a mile). */
  digits: number;
  /** The fewest decimals kept of the SI value; more are kept only when the typed value needs them to come back. */
  siDigits: number;
  toSi: (value: number) => number;
  fromSi: (si: number) => number;
}

const same = (unit: string, digits: number): InputUnit => ({
  unit,
  digits,
  siDigits: digits,
  toSi: (v) => v,
  fromSi: (v) => v,
});

const scaled = (unit: string, perSi: number, digits: number, siDigits: number): InputUnit => ({
  unit,
  digits,
  siDigits,
  toSi: (v) => v / perSi,
  fromSi: (si) => si * perSi,
});

/** What kind of quantity a field holds, named by its SI unit; `km` is a long distance (rings), `m` a short one. */
export type InputQuantity = SiUnit | 'km';

/**
 * The unit a field of `quantity` is typed in under the workspace's `units`.
 * @example inputUnit('m', { distance: 'imperial', temperature: 'celsius' }).unit // 'foot'
 */
export function inputUnit(quantity: InputQuantity, units: UnitPreferences): InputUnit {
  const imperial = units.distance === 'imperial';
  switch (quantity) {
    case 'm':
      return imperial ? scaled('foot', FEET_PER_METER, 0, 0) : same('meter', 0);
    case 'km':
      return imperial ? scaled('mile', 1 / KM_PER_MILE, 2, 3) : same('kilometer', 2);
    case '°C':
      return units.temperature === 'fahrenheit'
        ? {
            unit: 'fahrenheit',
            digits: 1,
            siDigits: 0,
            toSi: (f) => ((f - 32) * 5) / 9,
            fromSi: (c) => (c * 9) / 5 + 32,
          }
        : same('celsius', 1);
    case 'mm/h':
      return imperial
        ? scaled('inch-per-hour', 1 / MM_PER_INCH, 3, 2)
        : same('millimeter-per-hour', 2);
    case 'cm/h':
      return imperial
        ? scaled('inch-per-hour', 10 / MM_PER_INCH, 2, 2)
        : same('centimeter-per-hour', 2);
    case 'km/h':
      return imperial
        ? scaled('mile-per-hour', 1 / KM_PER_MILE, 1, 1)
        : same('kilometer-per-hour', 1);
    case '%':
      return same('percent', 1);
  }
}

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  // `+ 0` turns a rounded −0 into 0, so a field never shows "-0".
  return Math.round(value * factor) / factor + 0;
};

/**
 * An SI value as the field shows it: converted and rounded to what a person types.
 * @example toFieldValue(1000, inputUnit('m', imperial)) // 3281
 * @example toFieldValue(30, inputUnit('°C', { distance: 'metric', temperature: 'fahrenheit' })) // 86
 */
export function toFieldValue(si: number, unit: InputUnit): number {
  return round(unit.fromSi(si), unit.digits);
}

/** Beyond this many extra SI decimals a typed value is stored unrounded. */
const MAX_EXTRA_DIGITS = 4;

/**
 * A value typed in the field's unit as the SI value to store: as round as it can be while the field still shows
 * what was typed, so 3,281 ft stores 1000 m (which shows as 3,281 ft) but 250 ft stores 76.2 m (76 m would show 249).
 * @example fromFieldValue(0.5, inputUnit('km', imperial)) // 0.805 (km)
 * @example fromFieldValue(86, inputUnit('°C', { distance: 'metric', temperature: 'fahrenheit' })) // 30
 */
export function fromFieldValue(value: number, unit: InputUnit): number {
  const shown = round(value, unit.digits);
  for (let digits = unit.siDigits; digits <= unit.siDigits + MAX_EXTRA_DIGITS; digits++) {
    const si = round(unit.toSi(value), digits);
    if (toFieldValue(si, unit) === shown) return si;
  }
  return unit.toSi(value);
}

/** The unit's short name beside a field or in its label ("ft", "°F"), as Intl writes it in the language. */
export function inputUnitLabel(locale: string, unit: InputUnit): string {
  return unitLabel(locale, unit.unit);
}
