// "Needs a place": imported customers and stores that came with an address but no coordinates, waiting for the
// geocoder or a person to place them on the map (issue 16). Shared by the routes and the client.
import { z } from 'zod';
import { pointGeometry } from './geojson.js';
import { queryInt } from './query.js';

export const unplacedKinds = ['customers', 'stores'] as const;
export type UnplacedKind = (typeof unplacedKinds)[number];
/** queued: the geocoder will look it up; not_found / failed: it could not; manual: no geocoder is configured. */
export const unplacedStates = ['queued', 'not_found', 'failed', 'manual'] as const;
export type UnplacedState = (typeof unplacedStates)[number];

export const UNPLACED_PAGE_MAX = 200;

export const unplacedParams = z.object({
  kind: z.enum(unplacedKinds).meta({ param: { name: 'kind', in: 'path' } }),
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' } }),
});

export const unplacedQuery = z.object({
  kind: z
    .enum(unplacedKinds)
    .optional()
    .meta({ param: { name: 'kind', in: 'query' }, description: 'Only customers or only stores' }),
  limit: queryInt(z.number().int().min(1).max(UNPLACED_PAGE_MAX))
    .default(50)
    .meta({
      param: { name: 'limit', in: 'query' },
      description: `Page size, default 50, at most ${UNPLACED_PAGE_MAX} (more answers 400)`,
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

export const unplacedItem = z
  .object({
    kind: z.enum(unplacedKinds),
    id: z.string(),
    /** A store's name or a customer's first name (may be empty). */
    name: z.string(),
    address: z.string(),
    state: z.enum(unplacedStates),
    jobId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'UnplacedRow' });

export const unplacedList = z
  .object({
    items: z.array(unplacedItem),
    /** Rows waiting, of the kind asked for (all kinds when none). */
    total: z.number().int(),
    /** Of those, how many the geocoder still has to look up. */
    geocoding: z.number().int(),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'UnplacedList' });

export const placeUnplacedBody = z
  .strictObject({ location: pointGeometry })
  .meta({ id: 'PlaceUnplaced' });

export const placedResult = z
  .object({
    kind: z.enum(unplacedKinds),
    id: z.string(),
    result: z.enum(['inserted', 'updated']),
  })
  .meta({ id: 'UnplacedPlaced' });

export type UnplacedItem = z.infer<typeof unplacedItem>;
export type UnplacedList = z.infer<typeof unplacedList>;
export type PlacedResult = z.infer<typeof placedResult>;
