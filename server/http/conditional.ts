// Conditional GETs (RFC 9110 §13): an ETag named from shared data versions, `private, no-cache` so browsers keep the
// body but ask each time, and 304 when If-None-Match names the current ETag. The browser's cache answers fetch() with
// the kept body on a 304, so the app's code sees an ordinary 200.
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { BodyCache } from '../services/caching/body-cache.js';
import type { LaneAnswer } from './lanes.js';

/** The answer differs by who asks (cookie or token), so no shared cache may hand it to someone else. */
export const revalidateHeaders = (etag: string) => ({
  ETag: etag,
  'Cache-Control': 'private, no-cache',
  Vary: 'Cookie, Authorization',
});

/** True when If-None-Match lists this ETag (weakly compared, as §13.1.2 asks) or is `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === bare);
}

/**
 * A JSON answer keyed by `etag`: 304 when the caller has it, else the serialised body from `cache`, built and kept on a
 * miss. Typed like c.json(build()) so the typed client reads it as before.
 */
export function cachedJson<T>(
  c: Context,
  options: { etag: string; cache: BodyCache<string>; build: () => T | Promise<T> },
): Promise<Response & TypedResponse<JSONParsed<T>, 200, 'json'>> {
  const headers = revalidateHeaders(options.etag);
  type Answer = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
  // Responses made here with plain header objects: c.body would build a WHATWG Headers, which @hono/node-server then
  // walks back into Node's headers (a tenth of a cached list's CPU); a plain object goes to Node as it is.
  if (matchesEtag(c.req.header('If-None-Match'), options.etag))
    return Promise.resolve(new Response(null, { status: 304, headers }) as unknown as Answer);
  const send = (text: string) =>
    new Response(text, {
      status: 200,
      headers: { ...headers, 'Content-Type': 'application/json' },
    }) as unknown as Answer;
  const kept = options.cache.get(options.etag);
  if (kept !== undefined) return Promise.resolve(send(kept));
  return Promise.resolve(options.build()).then((value) => {
    const text = JSON.stringify(value);
    options.cache.set(options.etag, text);
    return send(text);
  });
}

/**
 * What cachedJson would answer, for a lane (lanes.ts): the 304, or the body kept under `etag`; null when only the
 * route can answer (nothing kept yet).
 */
export function cachedLaneAnswer(
  cache: BodyCache<string>,
  etag: string,
  ifNoneMatch: string | undefined,
): LaneAnswer | null {
  const headers = revalidateHeaders(etag);
  if (matchesEtag(ifNoneMatch, etag)) return { status: 304, headers, body: null };
  const kept = cache.get(etag);
  return kept === undefined
    ? null
    : { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body: kept };
}
