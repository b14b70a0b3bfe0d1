// A predefined neighbourhood: a named polygon with its population.
import { z } from 'zod';
import { areaGeometry, featureCollectionOf } from './geojson.js';

export const boundaryProperties = z
  .object({ id: z.string(), name: z.string(), population: z.number().int().min(0) })
  .meta({ id: 'BoundaryProperties' });

export const boundaryCollection = featureCollectionOf(areaGeometry, boundaryProperties).meta({
  id: 'BoundaryCollection',
});

export type Boundary = z.infer<typeof boundaryProperties> & {
  geometry: z.infer<typeof areaGeometry>;
};
