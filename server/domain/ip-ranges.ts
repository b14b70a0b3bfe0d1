// Which special-purpose range an IP address falls in (RFC 6890 and friends), for refusing server-side requests to
// addresses inside the host's own network. Pure text parsing, so the domain stays free of node:net.

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
export const PRIVATE_RANGES: readonly AddressRange[] = ['loopback', 'private', 'shared', 'unique-local'];

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
export const describeRange = (address: string, range: AddressRange): string => `address ${address} ${rangeWords[range]}`;

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, an embedded dotted IPv4 tail read), or null. */
function parseIpv6(text: string): number[] | null {
  let rest = text.replace(/%.*$/, '').toLowerCase();
  const tail: number[] = [];
  const dotted = /(^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]!);
    if (!v4) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    rest = rest.slice(0, rest.length - dotted[2]!.length);
    if (rest.endsWith(':') && !rest.endsWith('::')) rest = rest.slice(0, -1);
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]!);
  const back = halves.length === 2 ? groups(halves[1]!) : [];
  if (![...head, ...back].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const count = head.length + back.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const hex = (g: string) => parseInt(g, 16);
  return [...head.map(hex), ...Array<number>(8 - count).fill(0), ...back.map(hex), ...tail];
}

function ipv4Range([a, b, c, d]: number[]): AddressRange | null {
  if (a === 0) return b === 0 && c === 0 && d === 0 ? 'unspecified' : 'this-network';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b! >= 64 && b! <= 127) return 'shared';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 255 && b === 255 && c === 255 && d === 255) return 'broadcast';
  if (a! >= 224 && a! <= 239) return 'multicast';
  if (a! >= 240) return 'reserved';
  // 192.0.0.0/24 (IETF protocol assignments), 198.18.0.0/15 (benchmarking).
  if ((a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return null;
}

function ipv6Range(g: number[]): AddressRange | null {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  const embedded = [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) carry an IPv4 address.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) return ipv4Range(embedded);
  // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address too.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Range(embedded);
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'reserved'; // site-local, deprecated
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  return null;
}

/**
 * The special range an address (IPv4 dotted quad or IPv6 text, brackets allowed) belongs to, or null when it is public.
 * @example addressRange('10.0.0.5') // 'private'
 * @example addressRange('::ffff:127.0.0.1') // 'loopback'
 * @example addressRange('93.184.216.34') // null
 */
export function addressRange(address: string): AddressRange | null {
  const text = address.replace(/^\[(.*)\]$/, '$1');
  const v4 = parseIpv4(text);
  if (v4) return ipv4Range(v4);
  if (!text.includes(':')) return 'invalid';
  const v6 = parseIpv6(text);
  return v6 ? ipv6Range(v6) : 'invalid';
}

/**
 * The block of addresses one client usually holds, for counting its sign-in attempts: an IPv4 address itself (an
 * IPv4-mapped IPv6 one read as IPv4), and for IPv6 the /64 prefix, since one home or server gets a whole /64 and could
 * otherwise take a fresh address per guess. Text that is no IP address comes back as it is.
 * @example clientBlock('::ffff:203.0.113.9') // '203.0.113.9'
 * @example clientBlock('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function clientBlock(address: string): string {
  const text = address.replace(/^\[(.*)\]$/, '$1');
  if (parseIpv4(text)) return text;
  const g = text.includes(':') ? parseIpv6(text) : null;
  if (!g) return address;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff].join('.');
  return `${g.slice(0, 4).map((x) => x.toString(16)).join(':')}::/64`;
}
