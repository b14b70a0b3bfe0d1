// RFC 9457 problem+json on the client: one error class for every failed request and one formatter for people.
import type { FieldError, Problem } from '../../server/domain/schemas/problem';
import type { Translate } from '../i18n/types';
import { fieldMessage } from './field-messages';
import { problemDetail, problemTitle } from './problem-text';

export type { FieldError, Problem };

/** Why a request failed: the server said no (`http`), it could not be reached (`network`), or it sent something unreadable (`parse`). */
export type ProblemKind = 'http' | 'network' | 'parse';

export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly kind: ProblemKind,
    readonly problem: Problem & Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(problem.detail ?? problem.title, options);
  }

  get status(): number {
    return this.problem.status;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.status === 'number';
}

/** Turns a failed response into a ProblemError, reading problem+json when the server sent it. */
export async function problemFromResponse(response: Response): Promise<ProblemError> {
  let body: unknown = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) body = await response.json().catch(() => null);
  if (isProblem(body)) {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter((e) => typeof e?.field === 'string')
      : undefined;
    // Extension members (`code`, `retryAfterSeconds`, `currentVersion`…) stay: the wording and callers read them.
    return new ProblemError('http', { ...body, type: body.type ?? 'about:blank', errors });
  }
  return new ProblemError('http', {
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
  });
}

export function networkProblem(cause: unknown): ProblemError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ProblemError(
    'network',
    { type: 'about:blank', title: 'Network error', status: 0, detail },
    { cause },
  );
}

export function parseProblem(url: string, cause: unknown): ProblemError {
  return new ProblemError(
    'parse',
    {
      type: 'about:blank',
      title: 'Unreadable response',
      status: 0,
      detail: `${url}: ${String(cause)}`,
    },
    { cause },
  );
}

export interface FormattedProblem {
  title: string;
  detail: string;
  fields: FieldError[];
}

/**
 * What to tell a person about a failure, in their language: a title by status, the detail by the problem's code or
 * field errors (problem-text.ts), translated wording for network failures and anything unexpected.
 * @example formatProblem(new ProblemError('http', { type: 'about:blank', title: 'Not found', status: 404, errors: [{ field: 'params.id', code: 'not_found', message: 'unknown event' }] }), t)
 * // { title: 'Not found', detail: 'This no longer exists, or you cannot see it.', fields: [{ field: 'params.id', … }] }
 */
export function formatProblem(error: unknown, t: Translate): FormattedProblem {
  if (error instanceof ProblemError) {
    const { problem } = error;
    if (error.kind === 'network')
      return { title: t('error.network.title'), detail: t('error.network.detail'), fields: [] };
    if (error.kind === 'parse')
      return { title: t('problem.title.unreadable'), detail: t('problem.unreadable'), fields: [] };
    return {
      title: problemTitle(problem.status, t),
      detail: problemDetail(problem, t),
      fields: problem.errors ?? [],
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { title: t('error.unexpected.title'), detail, fields: [] };
}

/** True for a request cancelled on purpose (AbortController): never shown to anyone. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * A failure's field errors by field name, in the viewer's language (see fieldMessage), for showing each next to its
 * input.
 * @example fieldErrors(new ProblemError('http', { type: 'about:blank', title: 'Invalid', status: 422, errors: [{ field: 'body.areaIds', code: 'too_small', origin: 'array', minimum: 1, message: 'at least one area' }] }), t)
 * // { 'body.areaIds': 'Choose at least one area.' }
 */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof ProblemError)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, fieldMessage(e, t)]));
}
