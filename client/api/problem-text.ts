// A problem's title and detail in the viewer's language. The server words both in English for people reading the
// API; here the title is chosen by status and the detail by the problem's `code`, or by its one field error's code,
// from the catalogs. The server's English detail is shown only for a code this client does not know yet.
import type { Problem } from '../../server/domain/schemas/problem';
import type { MessageKey, PlainMessageKey, Translate } from '../i18n/types';
import { wordedFieldMessage } from './field-messages';

const titles: Partial<Record<number, MessageKey>> = {
  400: 'problem.title.400',
  401: 'problem.title.401',
  403: 'problem.title.403',
  404: 'problem.title.404',
  409: 'problem.title.409',
  412: 'problem.title.412',
  413: 'problem.title.413',
  415: 'problem.title.415',
  422: 'problem.title.422',
  429: 'problem.title.429',
  503: 'problem.title.503',
};

/** A title for the status; `error.http.title` names any other status by its number. */
export function problemTitle(status: number, t: Translate): string {
  const key = titles[status];
  return key ? t(key as PlainMessageKey) : t('error.http.title', { status });
}

/** Problem codes worded without a figure. */
const plainCodes: Partial<Record<string, PlainMessageKey>> = {
  routing_unavailable: 'problem.code.routingUnavailable',
  routing_timeout: 'problem.code.routingTimeout',
  routing_failed: 'problem.code.routingFailed',
  no_street_network: 'problem.code.noStreetNetwork',
  not_owner: 'fieldError.notOwner',
  report_unavailable: 'problem.code.reportUnavailable',
  internal: 'problem.code.internal',
};

/** Codes that say when to try again: `retryAfterSeconds` beside them. */
const waitCodes: Partial<
  Record<string, 'problem.code.busy' | 'problem.code.rateLimited' | 'problem.code.shuttingDown'>
> = {
  busy: 'problem.code.busy',
  rate_limited: 'problem.code.rateLimited',
  shutting_down: 'problem.code.shuttingDown',
};

/**
 * The detail in the viewer's language: by the problem's code; else, for one field error, its message (the detail
 * restates it); for several, how many fields need a change (each is shown by its input or listed); else the server's.
 * @example problemDetail({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'busy', retryAfterSeconds: 3 }, t)
 * // 'The server is busy. Try again in 3 seconds.'
 */
export function problemDetail(problem: Problem & Record<string, unknown>, t: Translate): string {
  const { code } = problem;
  const plain = code ? plainCodes[code] : undefined;
  if (plain) return t(plain);
  const wait = code ? waitCodes[code] : undefined;
  if (wait) {
    const seconds = Number(problem.retryAfterSeconds);
    return t(wait, { count: Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1 });
  }
  const errors = problem.errors ?? [];
  const worded = errors.map((e) => wordedFieldMessage(e, t));
  if (worded.length === 1 && worded[0] !== undefined) return worded[0];
  if (worded.length > 1 && worded.every((w) => w !== undefined))
    return t('problem.fields', { count: errors.length });
  return problem.detail ?? '';
}
