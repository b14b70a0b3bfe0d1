// Fetches a calendar feed for import, defending against server-side request forgery: only http(s) (webcal read as
// https), no credentials in the URL, every address the host resolves to checked before connecting — inside the
// socket's own DNS lookup (outbound-address.ts), so a second answer cannot slip in between check and connect —
// redirects followed by hand and re-checked, time and size limits, and failures as reasons (never throws). URLs are
// never logged here: feeds often carry secret tokens in their query.
import http from 'node:http';
import https from 'node:https';
import { MAX_FEED_BYTES } from '../../domain/calendar-limits.js';
import {
  bareHost,
  checkedLookup,
  literalRefusal,
  outboundAddressPolicy,
  type AddressPolicy,
} from '../webhooks/outbound-address.js';

export type { AddressPolicy };

export interface FeedFetchOptions {
  isAllowedAddress: AddressPolicy;
  /** Until the answer's status and headers have arrived. */
  headersTimeoutMs: number;
  /** Until the whole body has arrived, from the first request on (redirects included). */
  bodyTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export type FeedFailure = { ok: false; status: 422 | 502 | 504; reason: string };
export type FeedResult = { ok: true; text: string; host: string } | FeedFailure;

export const FEED_DEFAULTS: Omit<FeedFetchOptions, 'isAllowedAddress'> = {
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 15_000,
  maxBytes: MAX_FEED_BYTES,
  maxRedirects: 3,
};

/** The same rules as webhooks (outbound-address.ts), under the name the feed code and its tests know. */
export const feedAddressPolicy = outboundAddressPolicy;

const fail = (status: FeedFailure['status'], reason: string): FeedFailure => ({
  ok: false,
  status,
  reason,
});
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** Reads a feed URL as given (webcal:// becomes https://); refuses other schemes and credentials. */
export function feedUrl(raw: string, base?: URL): { ok: true; url: URL } | FeedFailure {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:/i, 'https:'), base);
  } catch {
    return fail(422, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(422, `${url.protocol} addresses are not fetched; use http:, https: or webcal:`);
  if (url.username || url.password)
    return fail(
      422,
      'URLs with a user name or password are not fetched; use a token in the query instead',
    );
  if (!url.hostname) return fail(422, 'the URL names no host');
  return { ok: true, url };
}

type Hop = { kind: 'redirect'; location: string } | { kind: 'body'; text: string } | FeedFailure;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function requestOnce(
  url: URL,
  hop: number,
  options: FeedFetchOptions,
  deadline: number,
): Promise<Hop> {
  return new Promise((resolve) => {
    const host = bareHost(url);
    const check = (address: string) => options.isAllowedAddress(address, hop);
    const literal = literalRefusal(host, check);
    if (literal) return resolve(fail(422, literal));
    const { lookup, refusal } = checkedLookup(check);

    let settled = false;
    const finish = (result: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(headersTimer);
      clearTimeout(bodyTimer);
      request.destroy();
      resolve(result);
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'GET',
      lookup,
      agent: false,
      headers: {
        Accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1',
        'User-Agent': 'Catchment calendar import',
      },
    });
    const headersTimer = setTimeout(
      () =>
        finish(fail(504, `the feed did not answer within ${seconds(options.headersTimeoutMs)}`)),
      options.headersTimeoutMs,
    );
    const bodyTimer = setTimeout(
      () =>
        finish(
          fail(504, `the feed did not send its calendar within ${seconds(options.bodyTimeoutMs)}`),
        ),
      Math.max(0, deadline - Date.now()),
    );

    request.on('error', (error: NodeJS.ErrnoException) => {
      const refused = refusal();
      if (refused) return finish(fail(422, refused));
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
        return finish(fail(422, `the host ${host} was not found`));
      finish(fail(502, `could not fetch the feed (${error.code ?? error.message})`));
    });
    request.on('response', (response) => {
      clearTimeout(headersTimer);
      response.on('error', () =>
        finish(fail(502, 'the feed closed the connection before the end')),
      );
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        const location = response.headers.location;
        return finish(
          location
            ? { kind: 'redirect', location }
            : fail(502, `the feed answered ${status} without a Location`),
        );
      }
      if (status < 200 || status > 299) return finish(fail(502, `the feed answered ${status}`));
      const tooLarge = fail(
        422,
        `the feed is larger than ${options.maxBytes.toLocaleString('en')} bytes, the most one import takes`,
      );
      if (Number(response.headers['content-length'] ?? 0) > options.maxBytes)
        return finish(tooLarge);
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return finish(tooLarge);
        chunks.push(chunk);
      });
      response.on('end', () =>
        finish({ kind: 'body', text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) }),
      );
      response.on('aborted', () =>
        finish(fail(502, 'the feed closed the connection before the end')),
      );
    });
    request.end();
  });
}

/**
 * Fetches a feed's text, following at most `maxRedirects` redirects, each target checked like the first URL.
 * @example await fetchFeed('webcal://example.org/city.ics', { ...FEED_DEFAULTS, isAllowedAddress: feedAddressPolicy({ allowPrivate: false }) })
 */
export async function fetchFeed(raw: string, options: FeedFetchOptions): Promise<FeedResult> {
  const first = feedUrl(raw);
  if (!first.ok) return first;
  let url = first.url;
  const deadline = Date.now() + options.bodyTimeoutMs;
  for (let hop = 0; ; hop++) {
    const result = await requestOnce(url, hop, options, deadline);
    if ('ok' in result) return result;
    if (result.kind === 'body') return { ok: true, text: result.text, host: url.hostname };
    if (hop >= options.maxRedirects)
      return fail(502, `the feed redirected more than ${options.maxRedirects} times`);
    const next = feedUrl(result.location, url);
    if (!next.ok)
      return fail(next.status, `the feed redirected to an address that is refused: ${next.reason}`);
    url = next.url;
  }
}
