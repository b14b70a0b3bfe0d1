// Customer tiles through a MapLibre protocol of our own, so a tile the busy server refused with 503 is asked again
// after its Retry-After (client/api/retry.ts) instead of leaving a hole in the map until the map moves: MapLibre's own
// loader gives up on a tile after one error. `retrying+https://host/path` is fetched as `https://host/path`.
import type { AddProtocolAction } from 'maplibre-gl';
import { fetchRetrying503 } from '../api/retry';

const PREFIX = 'retrying+';
/** The protocols MapLibre sees (it names a protocol by what comes before `://`). */
export const RETRYING_PROTOCOLS = [`${PREFIX}http`, `${PREFIX}https`] as const;

/** A tile URL template MapLibre loads through the retrying protocol. */
export const retryingUrl = (url: string) => (url.startsWith(PREFIX) ? url : PREFIX + url);

/** Carries the status, as MapLibre's own request errors do: it shows a 404 tile as empty and reports the rest. */
export class TileRequestError extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
  ) {
    super(`${status} ${statusText} for ${url}`);
  }
}

/** Loads one tile (an ArrayBuffer, empty for a 204), with the caching hints MapLibre reads from its own requests. */
export function retryingTileLoader(
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> = (input, init) =>
    fetch(input, init),
): AddProtocolAction {
  return async (params, abortController) => {
    const url = params.url.startsWith(PREFIX) ? params.url.slice(PREFIX.length) : params.url;
    const response = await fetchRetrying503(fetchFn, url, {
      signal: abortController.signal,
      credentials: params.credentials ?? 'same-origin',
      ...(params.headers ? { headers: params.headers } : {}),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new TileRequestError(response.status, response.statusText, url);
    }
    return {
      data: response.status === 204 ? new ArrayBuffer(0) : await response.arrayBuffer(),
      cacheControl: response.headers.get('Cache-Control'),
      expires: response.headers.get('Expires'),
    };
  };
}
