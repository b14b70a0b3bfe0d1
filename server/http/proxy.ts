// Who is calling and which address they used, behind a reverse proxy or not. X-Forwarded-* headers are written by
// whoever sends the request, so they are read only when CATCHMENT_TRUST_PROXY says proxies of ours stand in front
// and set them; otherwise a caller could name its own host (passing the cross-site check), claim HTTPS, or take any
// client address it likes (escaping sign-in back-off).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** How many proxies to trust: Config.trustProxyHops (0: none). */
export interface ProxyTrust {
  trustProxyHops: number;
}

/** The entries of a comma-separated forwarded header, left (farthest) to right (nearest). */
const entries = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** The value our nearest proxy wrote: the right-most one, since a proxy that appends leaves the caller's own in front. */
function forwarded(c: Context, name: string, { trustProxyHops }: ProxyTrust): string | undefined {
  return trustProxyHops > 0 ? entries(c.req.header(name)).at(-1) : undefined;
}

/** The host the browser addressed: X-Forwarded-Host behind a trusted proxy, else Host. */
export function requestHost(c: Context, trust: ProxyTrust): string | undefined {
  return forwarded(c, 'X-Forwarded-Host', trust) ?? c.req.header('Host');
}

/** Whether the browser used HTTPS: the connection itself, or X-Forwarded-Proto behind a trusted proxy. */
export function isHttps(c: Context, trust: ProxyTrust): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' || forwarded(c, 'X-Forwarded-Proto', trust) === 'https'
  );
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/**
 * The caller's address. Behind n trusted proxies each appends the address it was called from to X-Forwarded-For, so
 * the client is the n-th entry from the right (counting the socket's peer as the last proxy); entries further left
 * are whatever the caller chose to send. With fewer entries than hops, the left-most one is the best we know.
 * @example clientAddress(c, { trustProxyHops: 1 }) // X-Forwarded-For: 6.6.6.6, 203.0.113.9 → '203.0.113.9'
 */
export function clientAddress(c: Context, { trustProxyHops }: ProxyTrust): string {
  const socket = socketAddress(c);
  if (trustProxyHops === 0) return socket;
  const chain = [...entries(c.req.header('X-Forwarded-For')), socket];
  return chain[Math.max(0, chain.length - 1 - trustProxyHops)]!;
}
