// The shorthand every route declaration uses: a JSON body or response of a schema. (Path parameters are schemas:
// server/domain/schemas/params.ts.)
import type { z } from '@hono/zod-openapi';

/** The OpenAPI content of a JSON body or response. @example responses: { 200: { description: 'The area', content: json(areaFeature) } } */
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
