/**
 * Which network addresses the feed fetcher may reach. Feed URLs are untrusted (users add them),
 * so only public unicast addresses are allowed: never loopback, private, link-local (the cloud
 * metadata address 169.254.169.254), CGNAT, multicast, reserved ranges, or their IPv6 forms.
 */
import ipaddr from 'ipaddr.js';

/** Why an address is refused, in words a person understands. */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  reserved: 'a reserved address',
  uniqueLocal: 'a private (unique local) address',
  deprecatedSiteLocal: 'a site-local address',
  teredo: 'a Teredo tunnel address',
};

/** The verdict on one address: allowed, or refused with the reason. */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/** Parses an IP literal in any notation Node or a URL would accept; null when it is not an IP. */
export function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  // Zone ids (fe80::1%eth0) only make sense for link-local addresses, which are refused anyway.
  const withoutZone = bare.split('%')[0] ?? bare;
  if (ipaddr.IPv6.isValid(withoutZone)) return ipaddr.IPv6.parse(withoutZone);
  // ipaddr.js accepts the classful/hex/octal IPv4 notations (0x7f000001, 2130706433, 0177.0.0.1).
  if (ipaddr.IPv4.isValid(withoutZone)) return ipaddr.IPv4.parse(withoutZone);
  return null;
}

function judgeV4(ip: ipaddr.IPv4): AddressVerdict {
  const range = ip.range();
  if (range === 'unicast') return { allowed: true };
  return { allowed: false, reason: RANGE_WORDS[range] ?? `a non-public address (${range})` };
}

/** The IPv4 address an IPv6 address carries inside it, for the forms that route to IPv4. */
function embeddedV4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts;
  const fromWords = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const range = ip.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return fromWords(p[6]!, p[7]!);
  if (range === '6to4') return fromWords(p[1]!, p[2]!);
  // IPv4-compatible (::a.b.c.d, deprecated): the first 96 bits are zero.
  if (p.slice(0, 6).every((w) => w === 0)) return fromWords(p[6]!, p[7]!);
  return null;
}

/** Decides whether the fetcher may connect to this address. */
export function judgeAddress(ip: ipaddr.IPv4 | ipaddr.IPv6): AddressVerdict {
  if (ip.kind() === 'ipv4') return judgeV4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'loopback' || range === 'unspecified') return { allowed: false, reason: RANGE_WORDS[range]! };
  const v4 = embeddedV4(v6);
  if (v4) {
    // NAT64's local-use prefix (64:ff9b:1::/48) is a private network by definition.
    if (range === 'rfc6052' && v6.parts[2] !== 0) return { allowed: false, reason: 'a local-use NAT64 address' };
    const inner = judgeV4(v4);
    return inner.allowed ? inner : { allowed: false, reason: `${inner.reason} (${v4.toString()} inside an IPv6 address)` };
  }
  if (range !== 'unicast') return { allowed: false, reason: RANGE_WORDS[range] ?? `a non-public address (${range})` };
  // Only 2000::/3 is assigned as global unicast; everything else in "unicast" is unallocated.
  if ((v6.parts[0]! & 0xe000) !== 0x2000) return { allowed: false, reason: 'an unallocated IPv6 address' };
  return { allowed: true };
}

/** Normalized text of an IP (so "::FFFF:7f00:1" and "::ffff:127.0.0.1" compare equal). */
export function canonicalIp(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  return ip.kind() === 'ipv6' ? (ip as ipaddr.IPv6).toNormalizedString() : ip.toString();
}

/**
 * The hosts and IPs an operator allowed although they are not public (AFTERVIEW_ALLOW_HOSTS:
 * tests, benchmarks, the offline demo). Entries are host names or IP literals.
 */
export class AllowList {
  private readonly names = new Set<string>();
  private readonly ips = new Set<string>();

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      const ip = parseIp(entry);
      if (ip) this.ips.add(canonicalIp(ip));
      else this.names.add(entry.replace(/\.$/, ''));
    }
  }

  get isEmpty(): boolean {
    return this.names.size === 0 && this.ips.size === 0;
  }

  allowsHost(hostname: string): boolean {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    if (this.names.has(host)) return true;
    const ip = parseIp(host);
    return ip !== null && this.ips.has(canonicalIp(ip));
  }

  allowsAddress(address: string): boolean {
    const ip = parseIp(address);
    return ip !== null && this.ips.has(canonicalIp(ip));
  }
}
