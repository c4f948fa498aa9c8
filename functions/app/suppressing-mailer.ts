import type { Mailer, OutgoingEmail, SuppressionRepository } from './ports.js';
import type { Logger } from './ports.js';

/**
 * Every mail path goes through this: an address that hard-bounced or complained gets nothing,
 * whatever the kind of mail. Wraps the real mailer once, in the composition root.
 */
export class SuppressingMailer implements Mailer {
  constructor(
    private readonly inner: Mailer,
    private readonly suppressions: SuppressionRepository,
    private readonly logger?: Pick<Logger, 'info'>,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string; suppressed?: boolean }> {
    if (await this.suppressions.isSuppressed(email.to)) {
      // The address itself is never logged; the kind says which path tried.
      this.logger?.info('mail not sent: address suppressed', { kind: email.kind });
      return { messageId: '', suppressed: true };
    }
    return this.inner.send(email);
  }

  maxSendRate(): Promise<number | null> {
    return this.inner.maxSendRate?.() ?? Promise.resolve(null);
  }
}
