// Postal addresses of imported rows: the parts a file may split them into, joined into one line a geocoder can search,
// and the normal form two spellings of the same address share (the geocoding cache's key).

export interface AddressParts {
  /** Street and house number, or a whole address in one column. */
  address?: string | null | undefined;
  postcode?: string | null | undefined;
  city?: string | null | undefined;
}

/**
 * One line from the parts, "street, postcode city"; '' when every part is empty. A postcode or city already written
 * into the address column is not repeated.
 * @example composeAddress({ address: 'Hauptstr. 5', postcode: '10115', city: 'Berlin' }) // 'Hauptstr. 5, 10115 Berlin'
 */
export function composeAddress({ address, postcode, city }: AddressParts): string {
  const street = (address ?? '').trim();
  const lower = street.toLowerCase();
  const place = [postcode, city]
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '' && !lower.includes(part.toLowerCase()))
    .join(' ');
  return [street, place].filter((part) => part !== '').join(', ');
}

/**
 * The form an address is looked up and cached under: lower case, compatibility-normalised (NFKC), one space between
 * words, no space before punctuation, no trailing commas.
 * @example normaliseAddress(' Hauptstr.  5 ,10115   BERLIN ') // 'hauptstr. 5, 10115 berlin'
 */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/[\s,]+$/, '')
    .replace(/^[\s,]+/, '');
}
