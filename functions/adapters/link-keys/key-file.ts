/**
 * Local mode's link-signing keys: a JSON file in the data folder, readable only by its owner
 * (0600), created with a random key on first start. Nothing about it is in the table.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ServiceUnavailableError } from '../../app/errors.js';
import type { LinkKeyRing, LinkKeySource } from '../../app/ports.js';
import { readOrCreateOwnerOnlyFile, replaceOwnerOnlyFile } from '../files/owner-only-file.js';

/** The file's name inside the data folder. */
export const LINK_KEY_FILE = 'link-signing-keys.json';

const KEY_BYTES = 32;
const EncodedKey = z.string().regex(/^[A-Za-z0-9_-]{43,}$/, 'must be a base64url key of at least 32 bytes');
const KeyFile = z.object({ current: EncodedKey, previous: z.array(EncodedKey).max(10).default([]) }).strict();
type KeyFile = z.infer<typeof KeyFile>;

const newKey = () => randomBytes(KEY_BYTES).toString('base64url');

export class LinkKeyFile implements LinkKeySource {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, LINK_KEY_FILE);
  }

  private async read(): Promise<KeyFile> {
    let text: string;
    try {
      text = await readOrCreateOwnerOnlyFile(this.path, () => `${JSON.stringify({ current: newKey(), previous: [] })}\n`);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (!code) throw err;
      throw new ServiceUnavailableError(`cannot keep the link-signing keys in ${dirname(this.path)} (${code}); set AFTERVIEW_DATA_DIR to a folder you can write to`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = KeyFile.safeParse(json);
    if (!parsed.success) {
      throw new ServiceUnavailableError(`${this.path} is not a link-signing key file; move it away and start again to create a new one (links already sent will stop working)`);
    }
    return parsed.data;
  }

  async load(): Promise<LinkKeyRing> {
    const file = await this.read();
    return { current: Buffer.from(file.current, 'base64url'), previous: file.previous.map((k) => Buffer.from(k, 'base64url')) };
  }

  /**
   * A new key signs from now on; the one it replaces still verifies the links it signed (until
   * the next rotation). Returns how many keys verify now.
   */
  async rotate(): Promise<number> {
    const file = await this.read();
    const next: KeyFile = { current: newKey(), previous: [file.current] };
    await replaceOwnerOnlyFile(this.path, `${JSON.stringify(next)}\n`);
    return 1 + next.previous.length;
  }
}
