// Which special-purpose range an IP address falls in (RFC 6890 and friends), for refusing server-side requests to
// addresses inside the host's own network. The ranges are data; parsing and prefix matching are ipaddr.js's (the
// parser behind Express's proxy-addr): pure JavaScript, so the domain stays free of node:net, whose BlockList matches
// prefixes but cannot name the range, read the IPv4 address inside NAT64 or IPv4-compatible IPv6, or give a /64.
import ipaddr from 'ipaddr.js';

/** Why an address is not on the public internet; null for a public one. */
export type AddressRange =
  | 'unspecified'
  | 'this-network'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

/** Ranges a self-hoster may open to feeds and webhooks on their intranet (CATCHMENT_ALLOW_PRIVATE_URLS); the rest stay shut. */
export const PRIVATE_RANGES: readonly AddressRange[] = [
  'loopback',
  'private',
  'shared',
  'unique-local',
];

const rangeWords: Record<AddressRange, string> = {
  unspecified: 'is the unspecified address',
  'this-network': 'is in 0.0.0.0/8 ("this network")',
  loopback: 'is a loopback address',
  private: 'is in a private network',
  shared: 'is in the carrier-grade NAT range 100.64.0.0/10',
  'link-local': 'is link-local (this includes cloud metadata services)',
  'unique-local': 'is in a unique-local IPv6 network',
  multicast: 'is a multicast address',
  broadcast: 'is the broadcast address',
  reserved: 'is in a reserved range',
  invalid: 'is not a valid IP address',
};

/** "address 10.0.0.5 is in a private network" */
export const describeRange = (address: string, range: AddressRange): string =>
  `address ${address} ${rangeWords[range]}`;

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
const cidrs = (...texts: string[]): Cidr[] => texts.map((text) => ipaddr.parseCIDR(text));

/** First match wins: the unspecified address and the broadcast address sit inside wider ranges. */
const IPV4_RANGES: readonly (readonly [AddressRange, Cidr[]])[] = [
  ['unspecified', cidrs('0.0.0.0/32')],
  ['this-network', cidrs('0.0.0.0/8')],
  ['loopback', cidrs('127.0.0.0/8')],
  ['private', cidrs('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16')],
  ['shared', cidrs('100.64.0.0/10')],
  ['link-local', cidrs('169.254.0.0/16')],
  ['broadcast', cidrs('255.255.255.255/32')],
  ['multicast', cidrs('224.0.0.0/4')],
  // Future use, IETF protocol assignments, benchmarking.
  ['reserved', cidrs('240.0.0.0/4', '192.0.0.0/24', '198.18.0.0/15')],
];

const IPV6_RANGES: readonly (readonly [AddressRange, Cidr[]])[] = [
  ['unspecified', cidrs('::/128')],
  ['loopback', cidrs('::1/128')],
  ['unique-local', cidrs('fc00::/7')],
  ['link-local', cidrs('fe80::/10')],
  ['reserved', cidrs('fec0::/10')], // site-local, deprecated
  ['multicast', cidrs('ff00::/8')],
];

/**
 * IPv6 prefixes whose last 32 bits are an IPv4 address that a connection reaches: IPv4-mapped (::ffff:a.b.c.d), the
 * deprecated IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96). They are judged as that IPv4 address.
 */
const IPV4_CARRIERS = cidrs('::ffff:0:0/96', '::/96', '64:ff9b::/96');

/**
 * The address an IPv4 dotted quad or IPv6 text stands for (brackets and a zone id allowed), or null. Stricter than
 * ipaddr.js alone: IPv4 only as four decimal parts without leading zeros (ipaddr.js reads `010.0.0.1` in octal and
 * `127.1` as 127.0.0.1, the old BSD way), an IPv6 text's IPv4 tail too.
 */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const unbracketed = address.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.IPv4.isValidFourPartDecimal(unbracketed)) return ipaddr.IPv4.parse(unbracketed);
  const text = unbracketed.replace(/%.*$/, '');
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return null;
  const dotted = text.includes('.') ? text.slice(text.lastIndexOf(':') + 1) : null;
  if (dotted === null) return ipaddr.IPv6.parse(text);
  if (!ipaddr.IPv4.isValidFourPartDecimal(dotted)) return null;
  if (text !== `::${dotted}`) return ipaddr.IPv6.parse(text);
  // ipaddr.js rewrites the deprecated IPv4-compatible ::a.b.c.d as IPv4-mapped, which reads ::0.0.0.1 (::1) as 0.0.0.1.
  const [a, b, c, d] = ipaddr.IPv4.parse(dotted).octets as [number, number, number, number];
  return new ipaddr.IPv6([0, 0, 0, 0, 0, 0, (a << 8) | b, (c << 8) | d]);
}

function rangeOf(address: ipaddr.IPv4 | ipaddr.IPv6): AddressRange | null {
  if (address.kind() === 'ipv4')
    return IPV4_RANGES.find(([, list]) => list.some((cidr) => address.match(cidr)))?.[0] ?? null;
  const v6 = address as ipaddr.IPv6;
  const named = IPV6_RANGES.find(([, list]) => list.some((cidr) => v6.match(cidr)))?.[0];
  if (named === 'unspecified' || named === 'loopback') return named;
  if (IPV4_CARRIERS.some((cidr) => v6.match(cidr))) {
    const [, , , , , , high, low] = v6.parts as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    return rangeOf(new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]));
  }
  return named ?? null;
}

/**
 * The special range an address (IPv4 dotted quad or IPv6 text, brackets allowed) belongs to, or null when it is public.
 * @example addressRange('10.0.0.5') // 'private'
 * @example addressRange('::ffff:127.0.0.1') // 'loopback'
 * @example addressRange('93.184.216.34') // null
 */
export function addressRange(address: string): AddressRange | null {
  const parsed = parseAddress(address);
  return parsed ? rangeOf(parsed) : 'invalid';
}

/**
 * The block of addresses one client usually holds, for counting its sign-in attempts: an IPv4 address itself (an
 * IPv4-mapped IPv6 one read as IPv4), and for IPv6 the /64 prefix, since one home or server gets a whole /64 and could
 * otherwise take a fresh address per guess. Text that is no IP address comes back as it is.
 * @example clientBlock('::ffff:203.0.113.9') // '203.0.113.9'
 * @example clientBlock('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function clientBlock(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) return address;
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(':')}::/64`;
}
