import { GetAccountCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { MailDeliveryError } from '../../app/errors.js';
import type { Mailer, OutgoingEmail } from '../../app/ports.js';
import type { Config } from '../../config/env.js';

/**
 * Sends through SES v2 with Simple content (HTML + text parts, custom headers kept);
 * in local mode the same call reaches the mail catcher.
 *
 * One attempt per call, cut off after the outbox's attempt time: the outbox retries (with
 * backoff, inside its lease) and counts every attempt, so the SDK must not retry on its own.
 * Failures come out as MailDeliveryError saying whether trying again may help.
 */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;
  private quota: Promise<number | null> | undefined;

  constructor(private readonly config: Pick<Config, 'region' | 'sesEndpoint' | 'sender' | 'sesConfigurationSet' | 'outbox'>) {
    this.client = new SESv2Client({
      region: config.region,
      endpoint: config.sesEndpoint,
      credentials: config.sesEndpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
      maxAttempts: 1,
      requestHandler: {
        connectionTimeout: Math.min(3_000, config.outbox.attemptTimeoutMs),
        requestTimeout: config.outbox.attemptTimeoutMs,
        // Without it the handler only logs a warning and keeps waiting.
        throwOnRequestTimeout: true,
      },
    });
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    try {
      const res = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.config.sender,
          Destination: { ToAddresses: [email.to] },
          ConfigurationSetName: this.config.sesConfigurationSet,
          EmailTags: [{ Name: 'kind', Value: email.kind.replace(/[^A-Za-z0-9_-]/g, '_') }],
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
              Headers: Object.entries(email.headers ?? {}).map(([Name, Value]) => ({ Name, Value })),
            },
          },
        }),
      );
      return { messageId: res.MessageId ?? 'unknown' };
    } catch (err) {
      throw mailDeliveryError(err);
    }
  }

  /** The account's maximum send rate (1 in the SES sandbox), asked once per process. */
  maxSendRate(): Promise<number | null> {
    this.quota ??= this.client.send(new GetAccountCommand({})).then(
      (account) => account.SendQuota?.MaxSendRate ?? null,
      (err: unknown) => {
        this.quota = undefined;
        throw err;
      },
    );
    return this.quota;
  }
}

/** Errors that mean this one mail can never go as it is. */
const REFUSED = new Set(['MessageRejected', 'BadRequestException']);
/** Errors that mean the account sends nothing for now, whatever the mail. */
const UNAVAILABLE = new Set([
  'AccountSuspendedException',
  'SendingPausedException',
  'MailFromDomainNotVerifiedException',
  'NotFoundException',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);
const THROTTLED = new Set(['TooManyRequestsException', 'Throttling', 'ThrottlingException', 'LimitExceededException']);

/**
 * What an SES failure means for the outbox: throttling, 5xx, timeouts and network trouble are
 * transient; a refused message or address is final for that mail; an account-wide stop (sending
 * paused, suspended, unverified sender, bad credentials) stops sending. A 4xx the list does not
 * know is treated as account-wide: better to keep mail pending and alarm than to drop it.
 */
export function mailDeliveryError(err: unknown): MailDeliveryError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: string;
    message?: string;
    code?: string;
    $fault?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = `SES ${name}${status ? ` (${status})` : ''}: ${(e.message ?? String(err)).split('\n')[0]!.slice(0, 200)}`;
  if (THROTTLED.has(name) || status === 429) return new MailDeliveryError(message, 'transient', true);
  if (REFUSED.has(name)) return new MailDeliveryError(message, 'refused');
  if (UNAVAILABLE.has(name)) return new MailDeliveryError(message, 'unavailable');
  if (status !== undefined && status >= 400 && status < 500) return new MailDeliveryError(message, 'unavailable');
  // 5xx, timeouts (TimeoutError, RequestTimeout), connections refused or reset: try again later.
  return new MailDeliveryError(message, 'transient');
}
