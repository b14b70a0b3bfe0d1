import { describe, expect, it } from 'vitest';
import { guessField, guessMapping } from '../../../server/domain/import/guess.js';
import {
  canonicalEnum,
  parseBoolean,
  parseList,
  parseNumber,
} from '../../../server/domain/import/values.js';
import { headerSetText } from '../../../server/domain/import/mapping.js';

describe('guessing columns', () => {
  it('reads German and English headers as our fields', () => {
    const cases: [string, string][] = [
      ['Breitengrad', 'lat'],
      ['latitude', 'lat'],
      ['Y', 'lat'],
      ['Längengrad', 'lng'],
      ['lon', 'lng'],
      ['x', 'lng'],
      ['E-Mail', 'email'],
      ['Geschlecht', 'gender'],
      ['Vorname', 'firstName'],
      ['Alter', 'age'],
      ['Treuestufe', 'loyaltyTier'],
      ['Kundennummer', 'id'],
      ['firstName', 'firstName'],
      ['Einwilligung', 'consent'],
    ];
    for (const [header, field] of cases)
      expect(guessField('customers', header), header).toBe(field);
  });

  it('tells a purchase id from the customer number on a till export', () => {
    expect(guessField('purchases', 'Bonnummer')).toBe('id');
    expect(guessField('purchases', 'Kundennummer')).toBe('customerId');
    expect(guessField('purchases', 'Filiale')).toBe('storeId');
    expect(guessField('purchases', 'Datum')).toBe('purchasedAt');
    expect(guessField('purchases', 'Betrag')).toBe('amount');
  });

  it('maps enum spellings seen in the sample and detects the date format', () => {
    const mapping = guessMapping(
      'customers',
      ['Kundennummer', 'Geschlecht', 'Treuestufe', 'Letzter Kauf', 'PLZ'],
      [
        ['1', 'w', 'G', '03.11.2026', '10115'],
        ['2', 'männlich', 'Silber', '28.02.2026', '10117'],
      ],
    );
    expect(mapping.columns).toEqual({
      Kundennummer: 'id',
      Geschlecht: 'gender',
      Treuestufe: 'loyaltyTier',
      'Letzter Kauf': 'lastPurchaseAt',
      PLZ: 'postcode',
    });
    expect(mapping.values.gender).toEqual({ w: 'female', männlich: 'male' });
    expect(mapping.values.loyaltyTier).toEqual({ G: 'gold', Silber: 'silver' });
    expect(mapping.dateFormat).toBe('dmy');
  });

  it('keys a header set regardless of order and spelling', () => {
    expect(headerSetText(['E-Mail', 'Vorname'])).toBe(headerSetText(['vorname', 'e_mail ']));
  });
});

describe('cell values', () => {
  it('maps gender and tier spellings', () => {
    for (const raw of ['w', 'weiblich', 'F', 'female'])
      expect(canonicalEnum('gender', raw)).toBe('female');
    for (const raw of ['m', 'männlich']) expect(canonicalEnum('gender', raw)).toBe('male');
    for (const raw of ['G', 'Gold']) expect(canonicalEnum('loyaltyTier', raw)).toBe('gold');
    expect(canonicalEnum('gender', 'banana')).toBeNull();
  });

  it('reads numbers with decimal commas and thousands separators', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1.234,50')).toBe(1234.5);
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('€ 7')).toBe(7);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('0x10')).toBeNull();
  });

  it('reads yes/no and lists', () => {
    expect(parseBoolean('Ja')).toBe(true);
    expect(parseBoolean('nein')).toBe(false);
    expect(parseBoolean('vielleicht')).toBeNull();
    expect(parseList('cycling; coffee')).toEqual(['cycling', 'coffee']);
    expect(parseList('["a","b"]')).toEqual(['a', 'b']);
  });
});
