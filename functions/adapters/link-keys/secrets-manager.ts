/**
 * The link-signing keys on AWS: one Secrets Manager secret the stack creates. The version staged
 * AWSCURRENT signs; the one staged AWSPREVIOUS (the key before the last rotation) still verifies.
 * Only the functions that sign or verify links may read it (lib/constructs/afterview-function.ts).
 */
import { randomBytes } from 'node:crypto';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ServiceUnavailableError } from '../../app/errors.js';
import type { LinkKeyRing, LinkKeySource } from '../../app/ports.js';

/** Shorter values are refused: a key must carry at least 256 bits. */
const MIN_KEY_CHARS = 32;

/** The part of the SDK client used here (tests hand in a stand-in). */
type SecretsClient = Pick<SecretsManagerClient, 'send'>;

export class SecretsManagerLinkKeys implements LinkKeySource {
  private readonly client: SecretsClient;

  constructor(
    private readonly secretId: string,
    config: { region: string },
    client?: SecretsClient,
  ) {
    this.client = client ?? new SecretsManagerClient({ region: config.region });
  }

  private async version(stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<Buffer | null> {
    let value: string | undefined;
    try {
      value = (await this.client.send(new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }))).SecretString;
    } catch (err) {
      // A secret that was never rotated has no AWSPREVIOUS version.
      if (stage === 'AWSPREVIOUS' && (err as { name?: string }).name === 'ResourceNotFoundException') return null;
      throw err;
    }
    if (value === undefined || value.length < MIN_KEY_CHARS) {
      throw new ServiceUnavailableError(`the link-signing key's ${stage} version is not a key of at least ${MIN_KEY_CHARS} characters`);
    }
    return Buffer.from(value, 'utf8');
  }

  async load(): Promise<LinkKeyRing> {
    const [current, previous] = await Promise.all([this.version('AWSCURRENT'), this.version('AWSPREVIOUS')]);
    if (!current) throw new ServiceUnavailableError('the link-signing key has no current version');
    return { current, previous: previous ? [previous] : [] };
  }

  /**
   * Puts a new random key: Secrets Manager stages it AWSCURRENT and moves the old one to
   * AWSPREVIOUS, which still verifies. Functions pick the new key up at their next cold start,
   * or as soon as a link signed with it reaches them. Returns how many keys verify now.
   */
  async rotate(): Promise<number> {
    await this.client.send(new PutSecretValueCommand({ SecretId: this.secretId, SecretString: randomBytes(48).toString('base64url') }));
    return 2;
  }
}
