// A customer of the business. Personal data: see the privacy section of PRODUCT.md.
import { z } from 'zod';
import { pointGeometry } from './geojson.js';
import { queryInt } from './query.js';

export const loyaltyTiers = ['none', 'bronze', 'silver', 'gold'] as const;
export const genders = ['female', 'male', 'diverse', 'unknown'] as const;
export type LoyaltyTier = (typeof loyaltyTiers)[number];
export type Gender = (typeof genders)[number];

export const customerProperties = z
  .object({
    id: z.string().meta({ description: "External id from the business's own system" }),
    firstName: z.string(),
    email: z.string(),
    phone: z.string(),
    age: z.number().int().nullable(),
    gender: z.enum(genders),
    jobTitle: z.string(),
    industry: z.string(),
    interests: z.array(z.string()),
    loyaltyTier: z.enum(loyaltyTiers),
    visits: z.number().int(),
    totalSpend: z.number(),
    lastPurchaseAt: z
      .string()
      .nullable()
      .meta({ description: 'Date of the last purchase (YYYY-MM-DD)' }),
    consent: z.boolean().meta({ description: 'Marketing consent' }),
    homeStoreId: z.string().nullable(),
  })
  .meta({ id: 'CustomerProperties' });

export const customerFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string().optional(),
    geometry: pointGeometry,
    properties: customerProperties,
  })
  .meta({ id: 'Customer' });

export const customerPage = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(customerFeature),
    nextCursor: z
      .string()
      .optional()
      .meta({ description: 'Pass as `cursor` to get the next page; absent on the last page' }),
  })
  .meta({ id: 'CustomerPage' });

export const CUSTOMER_PAGE_MAX = 5000;
const CUSTOMER_PAGE_DEFAULT = 1000;

/** Query of GET /api/customers: a bounding box, a page size and the cursor of the previous page. */
export const customerPageQuery = z.object({
  bbox: z
    .string()
    .optional()
    .meta({
      param: { name: 'bbox', in: 'query' },
      description: 'minLng,minLat,maxLng,maxLat',
      example: '13.30,52.48,13.45,52.56',
    }),
  // Refused above the maximum like every other page size, not clamped: a caller asking for more learns it at once.
  limit: queryInt(z.number().int().min(1).max(CUSTOMER_PAGE_MAX))
    .default(CUSTOMER_PAGE_DEFAULT)
    .meta({
      param: { name: 'limit', in: 'query' },
      description: `Page size, default ${CUSTOMER_PAGE_DEFAULT}, at most ${CUSTOMER_PAGE_MAX} (more answers 400)`,
    }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({
      param: { name: 'cursor', in: 'query' },
      description: 'nextCursor from the previous page',
    }),
});

export type CustomerProperties = z.infer<typeof customerProperties>;
export type Customer = CustomerProperties & { location: [number, number] };
export type CustomerFeature = z.infer<typeof customerFeature>;
