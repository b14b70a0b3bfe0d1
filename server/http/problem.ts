// RFC 9457 problem+json: the one shape every 4xx/5xx answer of the API takes.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import {
  fieldErrorFromIssue,
  type CodedFieldError,
  type FieldError,
  type Problem,
} from '../domain/schemas/problem.js';
import type { ServiceErrorKind } from '../services/errors.js';

export type { CodedFieldError, FieldError, Problem };

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  414: 'URL too long',
  415: 'Unsupported media type',
  422: 'Invalid input',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** Thrown by routes and middleware for an expected failure of the request itself; onError turns it into problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly errors?: CodedFieldError[],
    readonly extensions: Record<string, unknown> = {},
    /** Response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

/** The status each kind of service failure (server/services/errors.ts) answers with. */
export const serviceErrorStatus: Record<ServiceErrorKind, ContentfulStatusCode> = {
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  'upstream-failed': 502,
  unavailable: 503,
  'upstream-timeout': 504,
};

export function problemBody(
  status: number,
  detail?: string,
  errors?: CodedFieldError[],
  extensions: Record<string, unknown> = {},
): Problem & Record<string, unknown> {
  return {
    type: 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
    ...extensions,
  };
}

export function problemResponse(
  c: Context,
  problem: Problem & Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    ...headers,
  });
}

/** Zod issues as field errors, prefixed with where the value came from (`query`, `body`, `params`). */
export function fieldErrorsFromZod(error: ZodError, target: string): CodedFieldError[] {
  return error.issues.map((issue) => fieldErrorFromIssue(issue, target));
}
