// Shorthands every route declaration uses: a JSON body or response of a schema, and the `{id}` path parameter.
import { z } from '@hono/zod-openapi';

/** The OpenAPI content of a JSON body or response. @example responses: { 200: { description: 'The area', content: json(areaFeature) } } */
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

/** `{id}` in a path: a resource id of 1 to 200 characters. */
export const idParam = z.object({ id: z.string().min(1).max(200).meta({ param: { name: 'id', in: 'path' } }) });
