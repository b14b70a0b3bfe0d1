// What one imported row becomes for each kind, and the shared schemas that check it (control characters, lengths).
import { z } from 'zod';
import type { AreaGeometry } from '../schemas/geojson.js';
import { genders, loyaltyTiers, type Customer } from '../schemas/customer.js';
import { text } from '../schemas/text.js';

const id = text({ min: 1, max: 200 });
const line = (max: number) => text({ max });

export const importRecordSchemas = {
  customers: z.object({
    id,
    firstName: line(120),
    email: line(254),
    phone: line(60),
    age: z.number().int().min(0).max(130).nullable(),
    gender: z.enum(genders),
    jobTitle: line(120),
    industry: line(120),
    interests: z.array(text({ min: 1, max: 80 })).max(50),
    loyaltyTier: z.enum(loyaltyTiers),
    visits: z.number().int().min(0),
    totalSpend: z.number().min(0),
    lastPurchaseAt: z.string().nullable(),
    consent: z.boolean(),
    homeStoreId: id.nullable(),
    location: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  }),
  stores: z.object({
    id,
    name: text({ min: 1, max: 120 }),
    brand: text({ min: 1, max: 120 }),
    franchisee: line(120),
    address: line(240),
    attractiveness: z.number().int().min(1).max(5),
    opened: z.string().nullable(),
    location: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  }),
  boundaries: z.object({
    id,
    name: text({ min: 1, max: 120 }),
    population: z.number().int().min(0),
    geometry: z.custom<AreaGeometry>((v) => typeof v === 'object' && v !== null),
  }),
  purchases: z.object({
    id,
    customerId: id,
    storeId: id,
    purchasedAt: z.string(),
    amount: z.number(),
    discount: z.number().min(0).nullable(),
    productCategory: line(120).nullable(),
  }),
};

/** Customers and stores read without a place (they have an address instead): the same checks but for location. */
export const unplacedRecordSchemas = {
  customers: importRecordSchemas.customers.omit({ location: true }),
  stores: importRecordSchemas.stores.omit({ location: true }),
};

export type CustomerImport = Customer;
export type StoreImport = z.infer<typeof importRecordSchemas.stores>;
export type BoundaryImport = z.infer<typeof importRecordSchemas.boundaries>;
export type PurchaseImport = z.infer<typeof importRecordSchemas.purchases>;
export interface ImportRecords {
  customers: CustomerImport;
  stores: StoreImport;
  boundaries: BoundaryImport;
  purchases: PurchaseImport;
}
export type AnyImportRecord = ImportRecords[keyof ImportRecords];
