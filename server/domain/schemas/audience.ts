// Who lives in an area: the request and answer of POST /api/audience (shared by client and server).
import { z } from 'zod';
import { areaGeometry } from './geojson.js';
import { segment, SEGMENT_QUERY_MAX } from './segment.js';

export const audienceRequest = z
  .union([
    z.strictObject({ areaId: z.string().min(1).max(120), segment: segment.optional() }),
    z.strictObject({ geometry: areaGeometry, segment: segment.optional() }),
  ])
  .meta({
    id: 'AudienceRequest',
    description: 'A saved area (`areaId`) or an unsaved geometry, and an optional segment.',
  });

/** Age bands, in this order; `unknown` for customers without an age. */
export const ageBands = [
  '<18',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65+',
  'unknown',
] as const;
/** Days since the last purchase, in this order; `never` for customers who never bought. */
export const lapsedBuckets = ['0-29', '30-59', '60-89', '90-179', '180+', 'never'] as const;

/**
 * `count` is null when the group is smaller than the minimum group size (aggregate-only callers). `cityShare` and
 * `index` compare the group with the whole city (every customer the caller may see, same segment).
 */
const bucket = z.object({
  key: z.string(),
  count: z.number().int().nullable(),
  cityShare: z.number().nullable().optional().meta({
    description:
      "The group's share of the whole city's customers (0–1); null when the city's group is below minGroupSize",
  }),
  index: z.number().int().nullable().optional().meta({
    description:
      "The area's share ÷ the city's share × 100 (100 = as in the city); null when either share is unknown",
  }),
});
const buckets = z.array(bucket);

export const audienceBreakdown = z
  .object({
    ageBands: buckets.meta({ description: `Every band in order: ${ageBands.join(', ')}` }),
    genders: buckets,
    loyaltyTiers: buckets,
    lapsed: buckets.meta({
      description: `Days since last purchase, every bucket in order: ${lapsedBuckets.join(', ')}`,
    }),
    jobTitles: buckets.meta({ description: 'Top 10, most first' }),
    industries: buckets.meta({ description: 'Top 10, most first' }),
    interests: buckets.meta({ description: 'Top 10, most first' }),
  })
  .meta({ id: 'AudienceBreakdown' });

export const audience = z
  .object({
    count: z.number().int().nullable().meta({
      description:
        'Customers inside the area who match the segment; null when fewer than minGroupSize',
    }),
    consented: z.number().int().nullable().meta({
      description: 'Of those, how many consented to marketing; null when fewer than minGroupSize',
    }),
    revenue: z
      .object({ total: z.number().nullable(), avgSpend: z.number().nullable() })
      .meta({ description: 'null when count is hidden' }),
    breakdown: audienceBreakdown,
    cityCount: z.number().int().nullable().optional().meta({
      description:
        'The baseline of cityShare: every customer the caller may see who matches the segment, wherever they live; null when fewer than minGroupSize',
    }),
    asOf: z
      .string()
      .meta({ description: 'The instant lapsed and active days were counted from (ISO 8601)' }),
    minGroupSize: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Present when small groups are hidden: counts below it are null' }),
  })
  .meta({ id: 'Audience' });

/** One value in use and how many customers have it (null: fewer than minGroupSize, hidden from this caller). */
const facet = z.array(
  z.object({
    key: z.string(),
    count: z.number().int().nullable().meta({ description: 'null when below minGroupSize' }),
  }),
);

/** What GET /api/audience/facets answers: every value in use, most common first. */
export const audienceFacets = z
  .object({
    jobTitles: facet,
    industries: facet,
    interests: facet,
    stores: facet.meta({ description: 'Home store ids' }),
    productCategories: facet.meta({
      description: 'Product categories of purchases: customers who ever bought each',
    }),
    minGroupSize: z.number().int().optional(),
  })
  .meta({
    id: 'AudienceFacets',
    description: 'Values present among the customers, most common first',
  });

/** Query of GET /api/audience/export: a saved area and an optional segment as JSON. */
export const audienceExportQuery = z.object({
  areaId: z
    .string()
    .min(1)
    .max(120)
    .meta({ param: { name: 'areaId', in: 'query' } }),
  segment: z
    .string()
    .max(SEGMENT_QUERY_MAX)
    .optional()
    .meta({
      param: { name: 'segment', in: 'query' },
      description: `A Segment as URL-encoded JSON (at most ${SEGMENT_QUERY_MAX.toLocaleString('en')} characters)`,
    }),
});

/** Query of GET /api/areas: an optional segment as JSON, for the areas' customer counts. */
export const areaListQuery = z.object({
  segment: z
    .string()
    .max(SEGMENT_QUERY_MAX)
    .optional()
    .meta({
      param: { name: 'segment', in: 'query' },
      description: `Count only the customers in this Segment (URL-encoded JSON, at most ${SEGMENT_QUERY_MAX.toLocaleString('en')} characters)`,
    }),
});

/** The CSV of an audience export. */
export const audienceExportCsv = z
  .string()
  .meta({ description: `Header row: customer property names; consented customers only` });

export type AudienceRequest = z.infer<typeof audienceRequest>;
export type Audience = z.infer<typeof audience>;
export type AudienceBreakdown = z.infer<typeof audienceBreakdown>;
export type AudienceFacets = z.infer<typeof audienceFacets>;
export type AudienceBucket = Audience['breakdown']['ageBands'][number];
export type FacetBucket = AudienceFacets['jobTitles'][number];
