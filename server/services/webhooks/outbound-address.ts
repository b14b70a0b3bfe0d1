// Where the server may connect when it fetches or posts to a URL someone typed in (calendar feeds, webhooks), against
// server-side request forgery: public addresses only unless CATCHMENT_ALLOW_PRIVATE_URLS opens the intranet. The
// check runs inside the socket's own DNS lookup, so the address checked is the address connected to (a second DNS
// answer cannot slip in between: DNS rebinding); IP literals, which Node connects to without a lookup, are checked
// apart. Feeds and webhooks share this so one opt-in means the same thing for both.
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import { addressRange, describeRange, PRIVATE_RANGES } from '../../domain/ip-ranges.js';

/** A reason the address may not be connected to, or null when it may. `hop` is 0 for the URL given, 1… for redirects. */
export type AddressPolicy = (address: string, hop: number) => string | null;
/** One hop's check: a reason, or null. */
export type AddressCheck = (address: string) => string | null;

/** Public addresses only; with allowPrivate also loopback, private, CGNAT and unique-local ones (never link-local, multicast…). */
export function outboundAddressPolicy({ allowPrivate }: { allowPrivate: boolean }): AddressPolicy {
  return (address) => {
    const range = addressRange(address);
    if (range === null || (allowPrivate && PRIVATE_RANGES.includes(range))) return null;
    return describeRange(address, range);
  };
}

/** A URL's hostname without IPv6 brackets. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** The reason an IP-literal host is refused; null for an allowed literal or a name (names are checked at lookup). */
export function literalRefusal(host: string, check: AddressCheck): string | null {
  return net.isIP(host) ? check(host) : null;
}

export interface CheckedLookup {
  /** For node:http(s) `lookup`: fails with code EREFUSEDADDRESS when any address the name resolves to is refused. */
  lookup: LookupFunction;
  /** Why the last lookup was refused, or null: read it in the request's error handler. */
  refusal(): string | null;
}

/** A DNS lookup for one request that refuses names resolving to any address `check` refuses. */
export function checkedLookup(check: AddressCheck): CheckedLookup {
  let refusal: string | null = null;
  const lookup: LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      for (const { address } of addresses) {
        refusal = check(address);
        if (refusal)
          return callback(Object.assign(new Error(refusal), { code: 'EREFUSEDADDRESS' }), '', 4);
      }
      if (addresses.length === 0)
        return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 4);
      if (options.all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  return { lookup, refusal: () => refusal };
}

/**
 * Checks a host before a URL is saved, so the owner hears at once that it will be refused: an IP literal, or every
 * address the name resolves to now. A name that does not resolve (yet), or not within `timeoutMs`, passes: this is a
 * courtesy, and the check at connect time (checkedLookup) is the one that guards.
 * @example await hostRefusal('localhost', outboundAddressPolicy({ allowPrivate: false })) // 'address 127.0.0.1 is a loopback address'
 */
export async function hostRefusal(
  host: string,
  policy: AddressPolicy,
  timeoutMs = 3_000,
): Promise<string | null> {
  const check: AddressCheck = (address) => policy(address, 0);
  if (net.isIP(host)) return check(host);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<[]>((resolve) => (timer = setTimeout(() => resolve([]), timeoutMs)));
  const addresses = await Promise.race([
    dns.promises.lookup(host, { all: true }).catch(() => []),
    timeout,
  ]);
  clearTimeout(timer);
  for (const { address } of addresses) {
    const reason = check(address);
    if (reason) return reason;
  }
  return null;
}
