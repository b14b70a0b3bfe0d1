// Expected failures of a service, as reasons rather than HTTP statuses: the one onError (server/app.ts) turns each
// kind into its status and the failure into problem+json. Services import this, never server/http.
import type { CodedFieldError, FieldError } from '../domain/schemas/problem.js';

export type { CodedFieldError, FieldError };

/**
 * What went wrong, in the caller's terms: `invalid` input (422), a resource `not-found` or hidden from the caller
 * (404), a `conflict` with the stored state (409), an action `forbidden` to this caller (403); and for services
 * that lean on another server (a routing engine): it answered nonsense (`upstream-failed`, 502), could not be reached
 * or is not set up (`unavailable`, 503), or did not answer in time (`upstream-timeout`, 504).
 */
export const SERVICE_ERROR_KINDS = [
  'invalid',
  'not-found',
  'conflict',
  'forbidden',
  'upstream-failed',
  'unavailable',
  'upstream-timeout',
] as const;
export type ServiceErrorKind = (typeof SERVICE_ERROR_KINDS)[number];

/** Thrown by a service for an expected failure: its kind, the sentence for people, the fields at fault, extra members. */
export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly detail: string,
    readonly errors?: CodedFieldError[],
    /** Members added to the problem beside `errors`, e.g. `reason` or `at`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ServiceError';
  }
}

/**
 * Optimistic concurrency for every versioned resource: a PATCH must name the version it last read, or it answers a
 * conflict naming body.version and the current version (`currentVersion`), so nobody overwrites an edit unseen.
 */
export function checkVersion(what: string, current: number, sent: number | undefined): void {
  if (sent === current) return;
  const why = sent === undefined ? 'send the version you last read' : `you sent version ${sent}`;
  throw new ServiceError(
    'conflict',
    `The ${what} is at version ${current}; ${why}. Reload and apply your change again.`,
    [
      {
        field: 'body.version',
        code: 'stale_version',
        message: `${sent === undefined ? 'required' : 'stale'}: the current version is ${current}`,
      },
    ],
    { currentVersion: current },
  );
}
