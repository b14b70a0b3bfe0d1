// Path parameters shared by the routes: the `{id}` of one resource.
import { z } from 'zod';

/** `{id}` in a route path: a stored resource's id. */
export const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'id', in: 'path' } }),
});
