// Guessing a column mapping from the headers (English and German) and the enum values from a sample of the rows.
import { fieldOf, importFields, type ImportKind } from './fields.js';
import { normaliseHeader, type ImportMapping } from './mapping.js';
import { canonicalEnum } from './values.js';
import { detectDateFormat } from './dates.js';

/** Normalised header names (see normaliseHeader) that mean a field, besides the field's own name. */
const synonyms: Record<string, readonly string[]> = {
  firstName: ['firstname', 'vorname', 'givenname', 'forename', 'name1'],
  email: ['email', 'emailadresse', 'mail', 'eMail', 'emailaddress'],
  phone: ['phone', 'telefon', 'tel', 'telefonnummer', 'mobile', 'mobil', 'handy', 'phonenumber'],
  age: ['age', 'alter'],
  gender: ['gender', 'geschlecht', 'sex', 'anrede'],
  jobTitle: ['jobtitle', 'beruf', 'job', 'position', 'taetigkeit', 'occupation'],
  industry: ['industry', 'branche', 'sector', 'sektor'],
  interests: ['interests', 'interessen', 'hobbies', 'hobbys', 'tags'],
  loyaltyTier: [
    'loyaltytier',
    'treuestufe',
    'tier',
    'loyalty',
    'kundenstufe',
    'status',
    'level',
    'stufe',
  ],
  visits: ['visits', 'besuche', 'anzahlbesuche', 'visitcount'],
  totalSpend: ['totalspend', 'umsatz', 'gesamtumsatz', 'spend', 'revenue', 'ausgaben'],
  lastPurchaseAt: [
    'lastpurchaseat',
    'lastpurchase',
    'letzterkauf',
    'letztereinkauf',
    'lastvisit',
    'letzterbesuch',
  ],
  consent: [
    'consent',
    'einwilligung',
    'marketingconsent',
    'optin',
    'newsletter',
    'werbeeinwilligung',
    'zustimmung',
  ],
  homeStoreId: ['homestoreid', 'homestore', 'stammfiliale', 'filiale', 'store'],
  lat: ['lat', 'latitude', 'breitengrad', 'breite', 'y', 'geobreite'],
  lng: ['lng', 'lon', 'long', 'longitude', 'laengengrad', 'laenge', 'x', 'geolaenge'],
  location: [
    'location',
    'coordinates',
    'koordinaten',
    'latlng',
    'latlon',
    'geo',
    'wkt',
    'point',
    'standort',
    'geometry',
  ],
  name: [
    'name',
    'filialname',
    'storename',
    'bezeichnung',
    'stadtteil',
    'quartier',
    'kiez',
    'neighbourhood',
    'neighborhood',
    'bezirk',
  ],
  brand: ['brand', 'marke'],
  franchisee: ['franchisee', 'franchisenehmer', 'betreiber', 'inhaber'],
  address: [
    'address',
    'adresse',
    'anschrift',
    'strasse',
    'street',
    'streetaddress',
    'strasseundhausnummer',
    'strassehausnummer',
    'strassenr',
    'hausanschrift',
    'lieferadresse',
    'addressline1',
  ],
  postcode: ['postcode', 'plz', 'postleitzahl', 'zip', 'zipcode', 'postalcode'],
  city: ['city', 'ort', 'stadt', 'wohnort', 'town', 'gemeinde'],
  attractiveness: ['attractiveness', 'attraktivitaet', 'groesse', 'size'],
  opened: ['opened', 'eroeffnet', 'eroeffnung', 'openedat', 'opening'],
  population: ['population', 'einwohner', 'bevoelkerung', 'einwohnerzahl', 'inhabitants'],
  geometry: ['geometry', 'geometrie', 'geom', 'shape', 'polygon', 'wkt'],
  customerId: ['customerid', 'kundennummer', 'kundennr', 'kundenid', 'kunde', 'customer'],
  storeId: ['storeid', 'filialnummer', 'filialid', 'filiale', 'store', 'shop', 'shopid'],
  purchasedAt: [
    'purchasedat',
    'datum',
    'date',
    'zeit',
    'zeitpunkt',
    'kaufdatum',
    'timestamp',
    'time',
    'purchasedate',
  ],
  amount: ['amount', 'betrag', 'summe', 'total', 'umsatz', 'preis', 'price'],
  discount: ['discount', 'rabatt', 'nachlass'],
  productCategory: ['productcategory', 'kategorie', 'warengruppe', 'category', 'produktkategorie'],
};

/** Names of the id column per kind (the other kinds' ids are references, like a purchase's customer number). */
const idSynonyms: Record<ImportKind, readonly string[]> = {
  customers: ['kundennummer', 'kundennr', 'kundenid', 'customerid', 'nr', 'nummer', 'externalid'],
  stores: ['filialnummer', 'filialnr', 'filialid', 'storeid', 'nr', 'nummer'],
  boundaries: ['nr', 'nummer', 'code', 'schluessel'],
  purchases: [
    'bonnummer',
    'bonnr',
    'belegnummer',
    'belegnr',
    'transactionid',
    'purchaseid',
    'receiptid',
  ],
};

/**
 * The field a header most likely means for this kind, or null. A header equal to a field's name always maps to it.
 * @example guessField('customers', 'Breitengrad') // 'lat'
 */
export function guessField(kind: ImportKind, header: string): string | null {
  const key = normaliseHeader(header);
  const fields = importFields[kind];
  const exact = fields.find((f) => normaliseHeader(f.name) === key);
  if (exact) return exact.name;
  for (const field of fields)
    if ((field.name === 'id' ? idSynonyms[kind] : synonyms[field.name])?.includes(key))
      return field.name;
  return null;
}

/** A mapping for these headers: each to its guessed field (a field used once), enum values seen in the sample mapped. */
export function guessMapping(
  kind: ImportKind,
  headers: readonly string[],
  sample: readonly (readonly string[])[],
): ImportMapping {
  const columns: Record<string, string | null> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const field = guessField(kind, header);
    columns[header] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  const values: Record<string, Record<string, string>> = {};
  let dateSamples: string[] = [];
  headers.forEach((header, i) => {
    const field = columns[header] ? fieldOf(kind, columns[header]) : undefined;
    if (!field) return;
    const raw = sample.map((row) => (row[i] ?? '').trim()).filter((v) => v !== '');
    if (field.type === 'date') dateSamples = dateSamples.concat(raw);
    if (field.type !== 'enum' || !field.values) return;
    const seen: Record<string, string> = {};
    for (const value of new Set(raw)) {
      const canonical = canonicalEnum(field.name, value);
      if (canonical && canonical !== value) seen[value] = canonical;
    }
    values[field.name] = seen;
  });
  return { columns, values, dateFormat: detectDateFormat(dateSamples) };
}
