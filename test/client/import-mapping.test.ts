import { describe, expect, it } from 'vitest';
import {
  completeMapping,
  currentWarnings,
  enumMappings,
  mapsDates,
  missingFields,
  setColumn,
  setDateFormat,
  setValue,
} from '../../client/features/import/mapping';
import { guessKind, headerCells } from '../../client/features/import/guess-kind';
import type { ImportMapping, ImportPreview } from '../../server/domain/schemas/import';
import { fieldHint, fieldLabel, labelledFields } from '../../client/features/import/field-labels';
import { warningText } from '../../client/features/import/warnings';
import { importFields, importKinds } from '../../server/domain/import/fields';
import { de } from '../../client/i18n/messages/de';
import { en } from '../../client/i18n/messages/en';
import { createTranslator } from '../../client/i18n/translate';

const tEn = createTranslator('en', en);
const tDe = createTranslator('de', de);

const fields: ImportPreview['fields'] = [
  { name: 'id', required: true, type: 'string' },
  { name: 'email', required: false, type: 'string' },
  { name: 'gender', required: false, type: 'enum', values: ['female', 'male', 'diverse'] },
  { name: 'loyaltyTier', required: false, type: 'enum', values: ['bronze', 'silver', 'gold'] },
  { name: 'signupDate', required: false, type: 'date' },
];

const preview: Pick<ImportPreview, 'headers' | 'rows' | 'fields'> = {
  headers: ['Kundennr', 'E-Mail', 'Geschlecht', 'Stufe'],
  rows: [
    ['1', 'a@example.test', 'w', 'Gold'],
    ['2', 'b@example.test', 'm', 'G'],
    ['3', 'c@example.test', 'W', ''],
    ['4', 'd@example.test', 'w', 'gold'],
  ],
  fields,
};

const mapping: ImportMapping = {
  columns: { Kundennr: 'id', 'E-Mail': 'email', Geschlecht: 'gender', Stufe: 'loyaltyTier' },
  values: { gender: { w: 'female', m: 'male' } },
  dateFormat: null,
};

describe('the import mapping a person edits', () => {
  it('choosing a field for a column takes it from the column that fed it before', () => {
    const next = setColumn(mapping, 'Stufe', 'email');
    expect(next.columns).toEqual({
      Kundennr: 'id',
      'E-Mail': null,
      Geschlecht: 'gender',
      Stufe: 'email',
    });
    expect(mapping.columns['E-Mail']).toBe('email');
  });

  it('ignoring a column leaves the other columns as they were', () => {
    expect(setColumn(mapping, 'E-Mail', null).columns).toEqual({
      ...mapping.columns,
      'E-Mail': null,
    });
  });

  it('lists the distinct values of each mapped enumeration with what they mean', () => {
    const [gender, tier] = enumMappings(preview, mapping);
    expect(gender).toMatchObject({ column: 'Geschlecht' });
    expect(gender!.values).toEqual([
      { raw: 'w', canonical: 'female' },
      { raw: 'm', canonical: 'male' },
      { raw: 'W', canonical: '' },
    ]);
    // A value that spells a canonical one in another case maps to it; an unknown one waits for a choice.
    expect(tier!.values).toEqual([
      { raw: 'Gold', canonical: 'gold' },
      { raw: 'G', canonical: '' },
      { raw: 'gold', canonical: 'gold' },
    ]);
  });

  it('an enumeration no column feeds has no value list', () => {
    const fewer = setColumn(mapping, 'Stufe', null);
    expect(enumMappings(preview, fewer).map((e) => e.field.name)).toEqual(['gender']);
  });

  it('a value chosen by hand is kept and written out with the guesses when importing', () => {
    const chosen = setValue(mapping, 'loyaltyTier', 'G', 'gold');
    expect(chosen.values.gender).toEqual({ w: 'female', m: 'male' });
    const complete = completeMapping(preview, chosen);
    expect(complete.values).toEqual({
      gender: { w: 'female', m: 'male' },
      loyaltyTier: { G: 'gold', Gold: 'gold', gold: 'gold' },
    });
  });

  it('names the required fields no column feeds', () => {
    expect(missingFields(fields, mapping)).toEqual([]);
    expect(missingFields(fields, setColumn(mapping, 'Kundennr', null))).toEqual(['id']);
  });

  it('asks for a date format only when a date field is mapped', () => {
    expect(mapsDates(fields, mapping)).toBe(false);
    const dated = setColumn(
      { ...mapping, columns: { ...mapping.columns, Seit: null } },
      'Seit',
      'signupDate',
    );
    expect(mapsDates(fields, dated)).toBe(true);
    expect(setDateFormat(dated, 'dmy').dateFormat).toBe('dmy');
  });
});

describe('guessing what a file holds', () => {
  it('reads the kind from English and German file names', () => {
    expect(guessKind({ name: 'Kunden_2025.csv' })).toBe('customers');
    expect(guessKind({ name: 'customers.xlsx' })).toBe('customers');
    expect(guessKind({ name: 'Filialen.csv' })).toBe('stores');
    expect(guessKind({ name: 'berlin-kieze.geojson' })).toBe('boundaries');
    expect(guessKind({ name: 'Kassenbons_Umsatz.csv' })).toBe('purchases');
  });

  it('falls back to telling headers, and to nothing when neither says', () => {
    expect(guessKind({ name: 'export.csv', headers: ['customer_id', 'store_id', 'Betrag'] })).toBe(
      'purchases',
    );
    expect(guessKind({ name: 'export.csv', headers: ['Nr', 'E-Mail', 'PLZ'] })).toBe('customers');
    expect(guessKind({ name: 'export.csv', headers: ['a', 'b'] })).toBeNull();
  });

  it('splits a header line on its delimiter, without a BOM or quotes', () => {
    expect(headerCells('\uFEFFKundennr;E-Mail;"PLZ"\r\n1;a@b.de;10115')).toEqual([
      'Kundennr',
      'E-Mail',
      'PLZ',
    ]);
    expect(headerCells('id\tname\n')).toEqual(['id', 'name']);
  });
});

describe('the warnings a mapping screen shows', () => {
  it('drops those the mapping since answered: a column mapped by hand, a consent column chosen', () => {
    const warnings = [
      { code: 'unmapped-column', column: 'Hobbys', message: 'Column "Hobbys" is not imported' },
      { code: 'unmapped-column', column: 'PLZ', message: 'Column "PLZ" is not imported' },
      { code: 'no-consent-column', message: 'No column is mapped to consent' },
      { code: 'swapped-coordinates', column: 'lat', message: 'swap them' },
    ];
    const mapping: ImportMapping = {
      columns: { Hobbys: 'interests', PLZ: null, Opt: 'consent' },
      values: {},
      dateFormat: null,
    };
    expect(currentWarnings(warnings, mapping).map((w) => w.column ?? w.code)).toEqual([
      'PLZ',
      'lat',
    ]);
    expect(currentWarnings(warnings, { ...mapping, columns: {} })).toHaveLength(4);
  });

  it('says each known warning in the reader’s language, and an unknown one in the server’s words', () => {
    const unmapped = {
      code: 'unmapped-column',
      column: 'PLZ',
      message: 'Column "PLZ" is not imported',
    };
    expect(warningText(tEn, unmapped)).toBe('Column “PLZ” is not imported.');
    expect(warningText(tDe, unmapped)).toBe('Die Spalte „PLZ“ wird nicht importiert.');
    expect(warningText(tDe, { code: 'no-consent-column', message: 'No column…' })).toMatch(
      /nicht eingewilligt/,
    );
    expect(warningText(tEn, { code: 'something-new', message: 'As the server says' })).toBe(
      'As the server says',
    );
  });
});

describe('the words for the import fields', () => {
  it('gives every field of every kind a label in English and German, and never shows the raw name', () => {
    const names = new Set(importKinds.flatMap((kind) => importFields[kind].map((f) => f.name)));
    expect([...names].filter((name) => !labelledFields.includes(name))).toEqual([]);
    for (const name of names) {
      expect(fieldLabel(tEn, name)).not.toBe(name);
      expect(fieldLabel(tDe, name)).not.toBe(name);
    }
    expect(fieldLabel(tEn, 'homeStoreId')).toBe('Home store');
    expect(fieldLabel(tDe, 'lat')).toBe('Breitengrad');
    expect(fieldHint(tDe, 'consent')).toMatch(/Ohne diese Spalte/);
    expect(fieldHint(tEn, 'jobTitle')).toBe('');
    expect(fieldLabel(tEn, 'somethingNew')).toBe('somethingNew');
  });

  it('has a German word for each English label and hint', () => {
    const keys = Object.keys(en).filter((key) => key.startsWith('import.field.'));
    expect(keys.filter((key) => !(key in de))).toEqual([]);
  });
});
