/**
 * The link-signing keys outside the table: tokens name the key that signed them, a rotation keeps
 * the previous key verifying, nothing but the key ring can sign, and local mode's key file is
 * created once, readable only by its owner.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { LINK_KEY_FILE, LinkKeyFile } from '../../functions/adapters/link-keys/key-file.js';
import { SecretsManagerLinkKeys } from '../../functions/adapters/link-keys/secrets-manager.js';
import type { LinkKeyRing, LinkPayload } from '../../functions/app/ports.js';
import { HmacLinkSigner } from '../../functions/app/signed-links.js';

const NOW = new Date('2026-11-02T12:00:00Z');
const payload: LinkPayload = { purpose: 'unsubscribe', subscriberId: 'sub-1', data: {} };

/** A key source whose ring the test changes, counting how often it is read. */
function ringSource(ring: LinkKeyRing) {
  const source = { ring, loads: 0, load: async () => (source.loads++, source.ring) };
  return source;
}

describe('signed links and key rotation', () => {
  it('a token names its key; after a rotation the previous key still verifies, after a second it no longer does', async () => {
    const [a, b, c] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    let clock = 0;
    const source = ringSource({ current: a, previous: [] });
    const signer = new HmacLinkSigner(source, () => clock);
    const signedWithA = await signer.sign(payload, NOW);
    expect(signedWithA.split('.')).toHaveLength(3);

    // Rotation: b signs, a verifies. A warm signer picks b up when a link signed with it arrives.
    source.ring = { current: b, previous: [a] };
    const fresh = new HmacLinkSigner(source, () => clock);
    const signedWithB = await fresh.sign(payload, NOW);
    clock += 61_000;
    expect(await signer.verify(signedWithB, NOW)).toEqual(payload);
    expect(await fresh.verify(signedWithA, NOW)).toEqual(payload);

    // A second rotation: a is gone.
    source.ring = { current: c, previous: [b] };
    const later = new HmacLinkSigner(source, () => clock);
    expect(await later.verify(signedWithA, NOW)).toBeNull();
    expect(await later.verify(signedWithB, NOW)).toEqual(payload);
  });

  it('reads the keys again for an unknown key id at most once a minute, so forged ids cannot hammer the key store', async () => {
    let clock = 0;
    const source = ringSource({ current: randomBytes(32), previous: [] });
    const signer = new HmacLinkSigner(source, () => clock);
    await signer.warmUp();
    expect(source.loads).toBe(1);
    for (let i = 0; i < 50; i++) expect(await signer.verify(`zzzz${i}.e30.AAAA`, NOW)).toBeNull();
    expect(source.loads).toBe(1);
    clock += 61_000;
    await signer.verify('unknown.e30.AAAA', NOW);
    expect(source.loads).toBe(2);
  });

  it('refuses tampered, expired, re-keyed and old-format tokens', async () => {
    const key = randomBytes(32);
    const signer = new HmacLinkSigner(ringSource({ current: key, previous: [] }));
    const token = await signer.sign(payload, NOW, 60);
    const [id, body, mac] = token.split('.') as [string, string, string];
    const other = JSON.stringify({ p: 'unsubscribe', s: 'sub-2', d: {}, e: Math.floor(NOW.getTime() / 1000) + 60 });
    expect(await signer.verify(`${id}.${Buffer.from(other).toString('base64url')}.${mac}`, NOW)).toBeNull();
    expect(await signer.verify(token, new Date(NOW.getTime() + 61_000))).toBeNull();
    // The same payload signed with another key under this key's id.
    const forged = createHmac('sha256', randomBytes(32)).update(`${id}.${body}`).digest('base64url');
    expect(await signer.verify(`${id}.${body}.${forged}`, NOW)).toBeNull();
    // The format signed with the key that used to be kept in the table (no key id): refused.
    const legacyMac = createHmac('sha256', key).update(body).digest('base64url');
    expect(await signer.verify(`${body}.${legacyMac}`, NOW)).toBeNull();
  });

  it('does not remember a failed read of the keys: the next link tries again', async () => {
    let fail = true;
    const signer = new HmacLinkSigner({
      load: async () => {
        if (fail) throw new Error('unreachable');
        return { current: randomBytes(32), previous: [] };
      },
    });
    await expect(signer.sign(payload, NOW)).rejects.toThrow('unreachable');
    fail = false;
    await expect(signer.sign(payload, NOW)).resolves.toMatch(/^[\w-]{8}\.[\w-]+\.[\w-]+$/);
  });
});

describe("local mode's key file", () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'afterview-keys-'));

  it('is created on first use, once even when many ask at the same time, readable only by its owner', async () => {
    const dir = join(dataDir(), 'nested');
    const rings = await Promise.all(Array.from({ length: 8 }, () => new LinkKeyFile(dir).load()));
    const first = Buffer.from(rings[0]!.current).toString('hex');
    expect(rings.every((r) => Buffer.from(r.current).toString('hex') === first)).toBe(true);
    expect(rings[0]!.current.length).toBe(32);
    const path = join(dir, LINK_KEY_FILE);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ current: expect.any(String), previous: [] });
  });

  it('tightens a file someone made readable to others back to 0600', async () => {
    const dir = dataDir();
    const keys = new LinkKeyFile(dir);
    await keys.load();
    chmodSync(keys.path, 0o644);
    await keys.load();
    if (process.platform !== 'win32') expect(statSync(keys.path).mode & 0o777).toBe(0o600);
  });

  it('rotates: a new current key, the old one kept as previous, links signed before still verify', async () => {
    const keys = new LinkKeyFile(dataDir());
    const before = await new HmacLinkSigner(keys).sign(payload, NOW);
    expect(await keys.rotate()).toBe(2);
    const ring = await keys.load();
    const after = new HmacLinkSigner(keys);
    expect(ring.previous).toHaveLength(1);
    expect(await after.verify(before, NOW)).toEqual(payload);
    expect((await after.sign(payload, NOW)).split('.')[0]).not.toBe(before.split('.')[0]);
    if (process.platform !== 'win32') expect(statSync(keys.path).mode & 0o777).toBe(0o600);
  });

  it('says in one line what to do when the file is not a key file', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, LINK_KEY_FILE), 'not json', { mode: 0o600 });
    await expect(new LinkKeyFile(dir).load()).rejects.toThrow(/is not a link-signing key file; move it away/);
  });
});

describe('the keys on AWS (Secrets Manager)', () => {
  /** A stand-in for the SDK client: versions by stage, and every command it was sent. */
  function secrets(stages: Record<string, string>) {
    const sent: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        if (command instanceof GetSecretValueCommand) {
          const value = stages[command.input.VersionStage ?? 'AWSCURRENT'];
          if (value === undefined) throw Object.assign(new Error('no such version'), { name: 'ResourceNotFoundException' });
          return { SecretString: value };
        }
        return {};
      },
    };
    return { client: client as never, sent };
  }

  it('signs with AWSCURRENT and verifies with AWSPREVIOUS too', async () => {
    const { client } = secrets({ AWSCURRENT: 'c'.repeat(64), AWSPREVIOUS: 'p'.repeat(64) });
    const ring = await new SecretsManagerLinkKeys('arn:aws:secretsmanager:eu-west-1:111111111111:secret:key', { region: 'eu-west-1' }, client).load();
    expect(Buffer.from(ring.current).toString()).toBe('c'.repeat(64));
    expect(ring.previous.map((k) => Buffer.from(k).toString())).toEqual(['p'.repeat(64)]);
  });

  it('has no previous key before the first rotation, and refuses a value too short to be a key', async () => {
    const fresh = secrets({ AWSCURRENT: 'c'.repeat(64) });
    expect((await new SecretsManagerLinkKeys('key', { region: 'eu-west-1' }, fresh.client).load()).previous).toEqual([]);
    const short = secrets({ AWSCURRENT: 'short' });
    await expect(new SecretsManagerLinkKeys('key', { region: 'eu-west-1' }, short.client).load()).rejects.toThrow(/not a key of at least 32 characters/);
  });

  it('rotates by putting a new random version (Secrets Manager moves the old one to AWSPREVIOUS)', async () => {
    const { client, sent } = secrets({ AWSCURRENT: 'c'.repeat(64) });
    await new SecretsManagerLinkKeys('key', { region: 'eu-west-1' }, client).rotate();
    const put = sent.find((c) => c instanceof PutSecretValueCommand) as PutSecretValueCommand;
    expect(put.input).toEqual({ SecretId: 'key', SecretString: expect.stringMatching(/^[\w-]{64}$/) });
  });
});
