// The one typed API client: Hono's hc<AppType> over fetch, with the API's error handling. Paths, parameters, bodies and
// answers are typed by the server's routes, so a renamed field or route breaks the client's type check.
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app';
import { isAbort, networkProblem, parseProblem, problemFromResponse } from './problem';
import { isEmptySegment, type Segment } from '../../server/domain/schemas/segment';
import { fetchRetrying503 } from './retry';

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Fired on window when an API call answers 401 outside /api/auth. */
export const SIGNED_OUT_EVENT = 'catchment:signed-out';

/** '/api/x?y' of a URL, absolute or not. */
const pathOf = (url: string) => url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');

/**
 * fetch with the API's error handling: a GET the busy server refused with 503 is asked again after its Retry-After
 * (./retry), network failures and problem+json answers become ProblemErrors, an abort stays an abort. Only answers
 * that worked reach the caller.
 */
export async function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const path = pathOf(input instanceof Request ? input.url : String(input));
  let response: Response;
  try {
    response = await fetchRetrying503(fetch, input, init);
  } catch (error) {
    if (isAbort(error)) throw error;
    throw networkProblem(error);
  }
  // The session ended (expired, or signed out in another tab): the app goes back to the sign-in page.
  if (response.status === 401 && !path.startsWith('/api/auth/'))
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) throw await problemFromResponse(response);
  return response;
}

/** The API's routes: `api.areas[':id'].$get({ param: { id } })`. Paths are relative to the page, which the API serves. */
export const api = hc<AppType>('/', {
  fetch: apiFetch,
  headers: { Accept: 'application/json' },
}).api;

/** What a call answers when it works: the JSON of its 2xx answers, undefined for 204. */
export type Answer<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? S extends 204
        ? undefined
        : F extends 'json'
          ? T
          : never
      : never
    : never;

/** The answer of a call made with `api`; a failure has already become a ProblemError. */
export async function answer<R extends ClientResponse<unknown, number, string>>(
  call: Promise<R>,
): Promise<Answer<R>> {
  const response = await call;
  if (response.status === 204) return undefined as Answer<R>;
  try {
    return (await response.json()) as Answer<R>;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw parseProblem(pathOf(response.url), error);
  }
}

/** A call's options: its abort signal. */
export const init = (options?: RequestOptions) =>
  options?.signal ? { init: { signal: options.signal } } : undefined;

/** `{ param: { id } }`, encoded: hc puts path parameters in the URL as they are. */
export const byId = (id: string) => ({ param: { id: encodeURIComponent(id) } });

/**
 * A body that is not JSON (a calendar file as text/calendar), sent to a route's path with the same error handling. The
 * caller states the answer's type from the route (InferResponseType), so it stays tied to the server.
 */
export async function sendText<T>(path: string, type: string, text: string): Promise<T> {
  const response = await apiFetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': type },
    body: text,
  });
  return answer(Promise.resolve(response as unknown as ClientResponse<T, 200, 'json'>));
}

/** A segment as the `segment` query parameter of GET routes (the shared schema as JSON); undefined when it filters nothing. */
export const segmentParam = (segment?: Segment) =>
  isEmptySegment(segment) ? undefined : JSON.stringify(segment);
