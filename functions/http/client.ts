import type { Context } from 'hono';

/**
 * The caller's address for throttling: API Gateway's sourceIp on Lambda, the socket's peer in
 * local mode. X-Forwarded-For is not trusted — anyone can send it.
 */
export function clientIp(c: Context): string {
  const env = c.env as
    | { requestContext?: { http?: { sourceIp?: string } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
