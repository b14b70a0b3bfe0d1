// Every resource router is an OpenAPIHono whose validation failures answer problem+json.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { problemSchema } from '../domain/schemas/problem.js';
import type { AuthEnv } from './auth.js';
import { fieldErrorsFromZod, problemBody, problemResponse } from './problem.js';

const targetNames: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'params',
  header: 'headers',
  form: 'body',
  cookie: 'cookies',
};

/** A router for one resource; malformed queries and params are 400, well-formed but invalid bodies 422. */
export function createRouter() {
  return new OpenAPIHono<AuthEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const target = targetNames[result.target] ?? result.target;
      const status = result.target === 'json' || result.target === 'form' ? 422 : 400;
      return invalidFields(c, status, target, result.error);
    },
  });
}

/** The problem+json answer for a request part that failed its schema, naming each bad field. */
export function invalidFields(c: Context, status: 400 | 422, target: string, error: ZodError) {
  return problemResponse(
    c,
    problemBody(
      status,
      `The request's ${target} has invalid fields`,
      fieldErrorsFromZod(error, target),
    ),
  );
}

/** The problem+json response, described once for the OpenAPI document. */
export const problemContent = { 'application/problem+json': { schema: problemSchema } };
