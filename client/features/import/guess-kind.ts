// Which kind of data a file holds, guessed from its name and header line where that is obvious (the person confirms).
import type { ImportKind } from '../../../server/domain/schemas/import';

/** Words in a file name or header that point at one kind, in English and German. */
const nameHints: [ImportKind, RegExp][] = [
  [
    'purchases',
    /purchase|kauf|einkauf|order|bestell|umsatz|transaktion|transaction|sales|bon|receipt/i,
  ],
  ['boundaries', /boundar|neighbo|kiez|bezirk|viertel|ortsteil|gebiet|district|quarter|area/i],
  ['stores', /store|filiale|laden|shop|standort|branch|outlet/i],
  ['customers', /customer|kunde|client|member|mitglied|contact|kontakt/i],
];

const headerHints: [ImportKind, RegExp][] = [
  ['purchases', /^(amount|betrag|summe|total|discount|rabatt|purchased_?at|kaufdatum)$/i],
  ['boundaries', /^(population|einwohner|bev[öo]lkerung)$/i],
  ['stores', /^(brand|marke|opening_?hours|öffnungszeiten|store_?name)$/i],
  [
    'customers',
    /^(e-?mail|gender|geschlecht|loyalty_?tier|consent|einwilligung|birth_?year|geburtsjahr)$/i,
  ],
];

/**
 * The kind a file most likely holds, or null when neither its name nor its headers say.
 * @example guessKind({ name: 'Kunden_2025.csv' }) // 'customers'
 * @example guessKind({ name: 'export.csv', headers: ['customer_id', 'store_id', 'Betrag'] }) // 'purchases'
 */
export function guessKind({
  name,
  headers = [],
}: {
  name: string;
  headers?: string[];
}): ImportKind | null {
  const base = name.replace(/\.[a-z0-9]+$/i, '');
  for (const [kind, hint] of nameHints) if (hint.test(base)) return kind;
  for (const [kind, hint] of headerHints)
    if (headers.some((header) => hint.test(header.trim()))) return kind;
  return null;
}

/**
 * The header cells of a CSV's first line, split on the most frequent delimiter; enough for a guess, never for import.
 * @example headerCells('\uFEFFKundennr;E-Mail;PLZ\r\n1;a@b.de;10115') // ['Kundennr', 'E-Mail', 'PLZ']
 */
export function headerCells(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiters = [',', ';', '\t', '|'];
  const count = (d: string) => line.split(d).length;
  const delimiter = delimiters.reduce((best, d) => (count(d) > count(best) ? d : best));
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, ''));
}
