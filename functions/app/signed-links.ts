import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LinkPayload, LinkSigner, SecretStore } from './ports.js';
import { DAY_SECONDS } from '../domain/durations.js';

const DEFAULT_TTL_SECONDS = 30 * DAY_SECONDS;

const Token = z
  .object({
    p: z.enum(['unsubscribe', 'interview-event', 'stop-watching', 'not-relevant', 'calendar', 'calendar-feed']),
    s: z.string().min(1),
    d: z.record(z.string(), z.string()),
    e: z.number().int(),
  })
  .strict();

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/**
 * HMAC-signed link tokens: stateless to check, expiring, bound to one purpose and one subscriber.
 * The key is created once and kept in the table, so every function and local mode share it.
 */
export class HmacLinkSigner implements LinkSigner {
  private key?: Promise<Buffer>;

  constructor(private readonly secrets: SecretStore) {}

  private getKey(): Promise<Buffer> {
    this.key ??= this.secrets
      .getOrCreate('link-signing-key', () => randomBytes(32).toString('base64'))
      .then((v) => Buffer.from(v, 'base64'));
    return this.key;
  }

  async sign(payload: LinkPayload, now: Date, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<string> {
    const body = b64(
      JSON.stringify({ p: payload.purpose, s: payload.subscriberId, d: payload.data, e: Math.floor(now.getTime() / 1000) + ttlSeconds }),
    );
    const mac = createHmac('sha256', await this.getKey()).update(body).digest();
    return `${body}.${b64(mac)}`;
  }

  async verify(token: string, now: Date): Promise<LinkPayload | null> {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || token.length > 4096) return null;
    const expected = createHmac('sha256', await this.getKey()).update(body).digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const parsed = Token.safeParse(json);
    if (!parsed.success || parsed.data.e * 1000 <= now.getTime()) return null;
    return { purpose: parsed.data.p, subscriberId: parsed.data.s, data: parsed.data.d };
  }
}
