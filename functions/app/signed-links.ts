import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LinkKeyRing, LinkKeySource, LinkPayload, LinkSigner } from './ports.js';
import { DAY_SECONDS } from '../domain/durations.js';

const DEFAULT_TTL_SECONDS = 30 * DAY_SECONDS;

/** A link naming a key not known yet makes the signer read the keys again, at most this often. */
const RELOAD_AT_MOST_EVERY_MS = 60_000;

const Token = z
  .object({
    p: z.enum(['unsubscribe', 'interview-event', 'stop-watching', 'not-relevant', 'calendar', 'calendar-feed']),
    s: z.string().min(1),
    d: z.record(z.string(), z.string()),
    e: z.number().int(),
  })
  .strict();

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

interface Key {
  id: string;
  secret: Buffer;
}

/**
 * A key's id: a short fingerprint of the key, so a token says which key signed it without the
 * id revealing anything about the key.
 */
function keyOf(secret: Uint8Array): Key {
  const bytes = Buffer.from(secret);
  return { id: createHash('sha256').update('afterview link key id\0').update(bytes).digest('base64url').slice(0, 8), secret: bytes };
}

interface LoadedKeys {
  current: Key;
  byId: Map<string, Key>;
  at: number;
}

function indexKeys(ring: LinkKeyRing, at: number): LoadedKeys {
  const current = keyOf(ring.current);
  const byId = new Map<string, Key>();
  for (const key of [current, ...ring.previous.map(keyOf)]) if (!byId.has(key.id)) byId.set(key.id, key);
  return { current, byId, at };
}

/**
 * HMAC-signed link tokens: stateless to check, expiring, bound to one purpose and one subscriber.
 * A token is `<key id>.<payload>.<signature>`: the current key signs, and every key of the ring
 * (the current one and those before a rotation) verifies the tokens it signed, so a rotation
 * does not break the links already in people's mailboxes. The keys come from outside the table
 * (LinkKeySource), so nothing in the table can forge a link.
 */
export class HmacLinkSigner implements LinkSigner {
  private keys?: Promise<LoadedKeys>;

  constructor(
    private readonly source: LinkKeySource,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the keys now (a function's cold start, local mode's start) instead of at the first link. */
  async warmUp(): Promise<void> {
    await this.loaded();
  }

  private loaded(): Promise<LoadedKeys> {
    this.keys ??= this.source.load().then(
      (ring) => indexKeys(ring, this.now()),
      (err: unknown) => {
        // A failed read is not remembered: the next link tries again.
        this.keys = undefined;
        throw err;
      },
    );
    return this.keys;
  }

  /** The key with this id; reads the keys again (rate-limited) when it is not known, e.g. after a rotation. */
  private async keyById(id: string): Promise<Key | undefined> {
    const loaded = await this.loaded();
    const key = loaded.byId.get(id);
    if (key || this.now() - loaded.at < RELOAD_AT_MOST_EVERY_MS) return key;
    this.keys = undefined;
    return (await this.loaded()).byId.get(id);
  }

  async sign(payload: LinkPayload, now: Date, ttlSeconds = DEFAULT_TTL_SECONDS): Promise<string> {
    const { current } = await this.loaded();
    const body = b64(
      JSON.stringify({ p: payload.purpose, s: payload.subscriberId, d: payload.data, e: Math.floor(now.getTime() / 1000) + ttlSeconds }),
    );
    const signed = `${current.id}.${body}`;
    return `${signed}.${b64(createHmac('sha256', current.secret).update(signed).digest())}`;
  }

  async verify(token: string, now: Date): Promise<LinkPayload | null> {
    if (token.length > 4096) return null;
    const [keyId, body, mac, extra] = token.split('.');
    if (!keyId || !body || !mac || extra !== undefined) return null;
    const key = await this.keyById(keyId);
    if (!key) return null;
    const expected = createHmac('sha256', key.secret).update(`${keyId}.${body}`).digest();
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
