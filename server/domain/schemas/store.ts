// A store of one of the workspace's brands, run by a franchisee.
import { z } from 'zod';
import { featureCollectionOf, pointGeometry, position } from './geojson.js';
import { text } from './text.js';

export const storeProperties = z
  .object({
    id: z.string(),
    name: z.string(),
    brand: z.string(),
    franchisee: z.string(),
    address: z.string(),
    /** Relative pull of the store, 1 (kiosk) to 5 (flagship); drives demo placement and later gravity models. */
    attractiveness: z.number().int().min(1).max(5),
    opened: z.string().meta({ description: 'Opening date (YYYY-MM-DD)' }),
    version: z.number().int(),
    homeCustomers: z.number().int().meta({ description: 'Customers whose home store this is' }),
  })
  .meta({ id: 'StoreProperties' });

export const storeFeature = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: pointGeometry,
  properties: storeProperties,
});
export const storeCollection = featureCollectionOf(pointGeometry, storeProperties).meta({
  id: 'StoreCollection',
});

const name = text({ min: 1, max: 120 });
const isoDate = z.iso.date();

/** Body of POST /api/stores: a location and the store's descriptive fields. */
export const storeCreate = z
  .strictObject({
    name,
    brand: name,
    franchisee: text({ max: 120 }).default(''),
    address: text({ max: 240 }).default(''),
    attractiveness: z.number().int().min(1).max(5).default(3),
    opened: isoDate.optional(),
    location: z.object({ type: z.literal('Point'), coordinates: position }),
  })
  .meta({ id: 'StoreCreate' });

/** Body of PATCH /api/stores/:id: any field, plus the version the client last saw. */
export const storePatch = storeCreate
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({ id: 'StorePatch' });

export type Store = Omit<z.infer<typeof storeProperties>, 'homeCustomers'> & {
  location: [number, number];
};
/** A store as read back, with the counts derived from its customers. */
export type StoreRecord = Store & { homeCustomers: number };
export type StoreCreate = z.infer<typeof storeCreate>;
export type StorePatch = z.infer<typeof storePatch>;
