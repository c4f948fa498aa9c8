import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../../app/ports.js';
import type { Config } from '../../config/env.js';

/**
 * Sends through SES v2 with Simple content (HTML + text parts, custom headers kept);
 * in local mode the same call reaches the mail catcher.
 */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;

  constructor(private readonly config: Pick<Config, 'region' | 'sesEndpoint' | 'sender' | 'sesConfigurationSet'>) {
    this.client = new SESv2Client({
      region: config.region,
      endpoint: config.sesEndpoint,
      credentials: config.sesEndpoint ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
      maxAttempts: 3,
    });
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
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
  }
}
