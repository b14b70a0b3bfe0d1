import { describe, expect, it } from 'vitest';
import { composeAddress, normaliseAddress } from '../../../server/domain/import/address.js';
import { guessField } from '../../../server/domain/import/guess.js';
import { planRows, readRow } from '../../../server/domain/import/rows.js';
import { parseNominatim } from '../../../server/services/geocoding/nominatim.js';

describe('addresses of imported rows', () => {
  it('joins street, postcode and city into one line, without repeating parts already written', () => {
    expect(composeAddress({ address: 'Hauptstr. 5', postcode: '10115', city: 'Berlin' })).toBe(
      'Hauptstr. 5, 10115 Berlin',
    );
    expect(composeAddress({ address: 'Hauptstr. 5, 10115 Berlin', city: 'Berlin' })).toBe(
      'Hauptstr. 5, 10115 Berlin',
    );
    expect(composeAddress({ city: 'Potsdam' })).toBe('Potsdam');
    expect(composeAddress({ address: '  ', postcode: '', city: null })).toBe('');
  });

  it('normalises spellings of one address to one cache key', () => {
    expect(normaliseAddress(' HAUPTSTR.  5 ,10115   Berlin, ')).toBe('hauptstr. 5, 10115 berlin');
    expect(normaliseAddress('Ｈauptstr. 5')).toBe(normaliseAddress('hauptstr. 5'));
  });

  it('guesses German and English address headers', () => {
    expect(guessField('customers', 'Straße')).toBe('address');
    expect(guessField('customers', 'Adresse')).toBe('address');
    expect(guessField('customers', 'PLZ')).toBe('postcode');
    expect(guessField('customers', 'Ort')).toBe('city');
    expect(guessField('stores', 'Zip code')).toBe('postcode');
    expect(guessField('stores', 'City')).toBe('city');
  });

  it('reads a row with an address and empty coordinates as needing a place, and a row with neither as bad', () => {
    const planned = planRows('customers', ['id', 'lat', 'lng', 'city'], {
      columns: {},
      values: {},
      dateFormat: null,
    });
    if (!planned.ok) throw new Error('plan failed');
    expect(readRow(planned.plan, ['C1', '', '', 'Berlin'], 2)).toMatchObject({
      ok: true,
      address: 'Berlin',
      unplaced: { id: 'C1', consent: false },
    });
    expect(readRow(planned.plan, ['C2', '52.5', '13.4', 'Berlin'], 3)).toMatchObject({
      ok: true,
      record: { id: 'C2', location: [13.4, 52.5] },
    });
    expect(readRow(planned.plan, ['C3', '', '', ''], 4)).toMatchObject({ ok: false });
    // A bad coordinate is an error even when an address is there: the file says something wrong.
    expect(readRow(planned.plan, ['C4', '95', '13', 'Berlin'], 5)).toMatchObject({ ok: false });
  });
});

describe('reading a Nominatim jsonv2 answer', () => {
  it('takes the first place as [lng, lat], an empty list as not found, anything else as failed', () => {
    expect(parseNominatim([{ lat: '52.52', lon: '13.405', display_name: 'Berlin' }])).toEqual({
      kind: 'found',
      point: [13.405, 52.52],
    });
    expect(parseNominatim([])).toEqual({ kind: 'not-found' });
    expect(parseNominatim({ error: 'x' })).toMatchObject({ kind: 'failed' });
    expect(parseNominatim([{ lat: '', lon: '13' }])).toMatchObject({ kind: 'failed' });
    expect(parseNominatim([{ lat: '91', lon: '13' }])).toMatchObject({ kind: 'failed' });
  });
});
