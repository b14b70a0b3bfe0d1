// The OpenAPI document lists the 503 that every heavy route may answer (heavy-routes.ts), added from HEAVY_ROUTES
// itself, so a route that becomes heavy is documented as such without anyone editing its definition.
import { heavyClassOf, HEAVY_DESCRIPTIONS } from './heavy-routes.js';

interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown }>;
}
interface Operation {
  responses?: Record<string, Response>;
}
type Paths = Record<string, Record<string, Operation>>;

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);

/** The problem+json schema as the document already states it (a 400 or 422 of any route). */
function problemSchemaIn(paths: Paths): unknown {
  for (const methods of Object.values(paths))
    for (const operation of Object.values(methods)) {
      for (const response of Object.values(operation.responses ?? {})) {
        const schema = response.content?.['application/problem+json']?.schema;
        if (schema) return schema;
      }
    }
  return { type: 'object' };
}

/**
 * `document` with a 503 response (problem+json and its Retry-After header) on each operation a heavy class limits.
 * Paths are matched as a request would be, with a sample value for each `{parameter}`.
 */
export function withHeavyRefusals<D extends { paths?: unknown }>(document: D): D {
  const paths = (document.paths ?? {}) as Paths;
  const schema = problemSchemaIn(paths);
  for (const [path, methods] of Object.entries(paths)) {
    const sample = path.replace(/\{[^}]+\}/g, 'x1');
    for (const [method, operation] of Object.entries(methods)) {
      const heavy = METHODS.has(method) ? heavyClassOf(method.toUpperCase(), sample) : null;
      if (!heavy) continue;
      operation.responses = {
        ...operation.responses,
        503: {
          description: `The server is busy with ${HEAVY_DESCRIPTIONS[heavy]} (the "${heavy}" class is full): nothing was done. Ask again after Retry-After; a GET may be retried as it is.`,
          headers: {
            'Retry-After': {
              description:
                'Seconds to wait before asking again (the time the queue ahead needs to drain)',
              schema: { type: 'integer', minimum: 1 },
            },
          },
          content: { 'application/problem+json': { schema } },
        },
      };
    }
  }
  return document;
}
