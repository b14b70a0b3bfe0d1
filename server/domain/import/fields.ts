// The fields each import kind takes, with their types: the mapping screen lists them, the row validator reads them.
import { genders, loyaltyTiers } from '../schemas/customer.js';

export const importKinds = ['customers', 'stores', 'boundaries', 'purchases'] as const;
export type ImportKind = (typeof importKinds)[number];

export const fieldTypes = [
  'string',
  'number',
  'integer',
  'boolean',
  'date',
  'enum',
  'list',
  'coordinates',
] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface ImportField {
  name: string;
  required: boolean;
  type: FieldType;
  /** The canonical values of an enum. */
  values?: readonly string[];
}

/** `location` is one column holding "lat,lng", WKT `POINT(lng lat)` or a GeoJSON Point; `lat`/`lng` are two columns. */
const place: ImportField[] = [
  { name: 'lat', required: false, type: 'number' },
  { name: 'lng', required: false, type: 'number' },
  { name: 'location', required: false, type: 'coordinates' },
];
/**
 * A postal address, for rows without coordinates: found by the geocoder when one is configured, else listed under
 * "needs a place". `address` is the street and house number (or the whole address in one column).
 */
const postal: ImportField[] = [
  { name: 'address', required: false, type: 'string' },
  { name: 'postcode', required: false, type: 'string' },
  { name: 'city', required: false, type: 'string' },
];
/** Fields that carry a postal address. */
export const addressFields = ['address', 'postcode', 'city'] as const;

export const importFields: Record<ImportKind, readonly ImportField[]> = {
  customers: [
    { name: 'id', required: true, type: 'string' },
    { name: 'firstName', required: false, type: 'string' },
    { name: 'email', required: false, type: 'string' },
    { name: 'phone', required: false, type: 'string' },
    { name: 'age', required: false, type: 'integer' },
    { name: 'gender', required: false, type: 'enum', values: genders },
    { name: 'jobTitle', required: false, type: 'string' },
    { name: 'industry', required: false, type: 'string' },
    { name: 'interests', required: false, type: 'list' },
    { name: 'loyaltyTier', required: false, type: 'enum', values: loyaltyTiers },
    { name: 'visits', required: false, type: 'integer' },
    { name: 'totalSpend', required: false, type: 'number' },
    { name: 'lastPurchaseAt', required: false, type: 'date' },
    { name: 'consent', required: false, type: 'boolean' },
    { name: 'homeStoreId', required: false, type: 'string' },
    ...place,
    ...postal,
  ],
  stores: [
    { name: 'id', required: true, type: 'string' },
    { name: 'name', required: true, type: 'string' },
    { name: 'brand', required: true, type: 'string' },
    { name: 'franchisee', required: false, type: 'string' },
    { name: 'attractiveness', required: false, type: 'integer' },
    { name: 'opened', required: false, type: 'date' },
    ...place,
    ...postal,
  ],
  boundaries: [
    { name: 'id', required: true, type: 'string' },
    { name: 'name', required: true, type: 'string' },
    { name: 'population', required: false, type: 'integer' },
    // A GeoJSON Polygon or MultiPolygon (the feature's geometry, or a column holding its JSON).
    { name: 'geometry', required: true, type: 'coordinates' },
  ],
  purchases: [
    { name: 'id', required: true, type: 'string' },
    { name: 'customerId', required: true, type: 'string' },
    { name: 'storeId', required: true, type: 'string' },
    { name: 'purchasedAt', required: true, type: 'date' },
    { name: 'amount', required: true, type: 'number' },
    { name: 'discount', required: false, type: 'number' },
    { name: 'productCategory', required: false, type: 'string' },
  ],
};

/** Whether a kind's rows carry a point (lat/lng or one location column). */
export const hasPoint = (kind: ImportKind): boolean => kind === 'customers' || kind === 'stores';

export const fieldOf = (kind: ImportKind, name: string): ImportField | undefined =>
  importFields[kind].find((field) => field.name === name);
