import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

/**
 * The caller's address: API Gateway's sourceIp on Lambda, the socket's peer in local mode.
 * X-Forwarded-For is not trusted — anyone can send it.
 */
function clientAddress(c: Context): string {
  const env = c.env as
    | { requestContext?: { http?: { sourceIp?: string } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Who a per-client limit counts: an IPv4 address as it is, an IPv6 address by its /64 — one
 * subscriber line or host gets a whole /64 and can pick a fresh address per request, so counting
 * single IPv6 addresses would limit nobody. IPv4 addresses written as IPv6 (::ffff:192.0.2.1, as
 * a dual-stack socket reports them) count as the IPv4 address.
 */
export function networkOf(address: string): string {
  const bare = (address.split('%')[0] ?? address).replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return address;
  const ip = ipaddr.process(bare);
  if (ip.kind() === 'ipv4') return ip.toString();
  const prefix = (ip as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}

/** The network a request comes from, as per-client limits count it ({@link networkOf}). */
export function clientNetwork(c: Context): string {
  return networkOf(clientAddress(c));
}
