/**
 * The poll fan-out queue on AWS: the hourly planner puts one message per company's due sources,
 * the poll-company function takes them off. Both ends share the message schema here.
 */
import { SendMessageBatchCommand, SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { Config } from '../../config/env.js';

/** One message: the sources of one company, polled together (functions/app/poll `PollBatch`). */
export const PollMessage = z
  .object({
    companyKey: z.string().min(1),
    sourceIds: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type PollMessage = z.infer<typeof PollMessage>;

/** A message body that is not a {@link PollMessage}; redelivering it would never help. */
export class BadPollMessageError extends Error {
  override name = 'BadPollMessageError';
}

/** Reads a message body; throws {@link BadPollMessageError} with the first problem. */
export function parsePollMessage(body: string): PollMessage {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    throw new BadPollMessageError('poll message is not JSON');
  }
  const parsed = PollMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadPollMessageError(`poll message: ${issue ? `${issue.path.join('.') || 'body'} ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}

/** SendMessageBatch takes at most ten entries. */
const BATCH_LIMIT = 10;

/** Puts poll messages on the queue, ten per request; entries SQS refuses are retried once. */
export class SqsPollQueue {
  private readonly client: SQSClient;

  constructor(
    private readonly queueUrl: string,
    config: Pick<Config, 'region'>,
    client?: SQSClient,
  ) {
    this.client = client ?? new SQSClient({ region: config.region, maxAttempts: 3 });
  }

  /** Sends every message; throws if any is still refused after the retry (the run then fails and is retried). */
  async enqueue(messages: readonly PollMessage[]): Promise<{ sent: number }> {
    const chunks: SendMessageBatchRequestEntry[][] = [];
    messages.forEach((m, i) => {
      const entry = { Id: String(i), MessageBody: JSON.stringify(PollMessage.parse(m)) };
      if (i % BATCH_LIMIT === 0) chunks.push([entry]);
      else chunks[chunks.length - 1]!.push(entry);
    });
    let refused = 0;
    for (const chunk of chunks) refused += await this.sendChunk(chunk, 1);
    if (refused > 0) throw new Error(`poll queue refused ${refused} of ${messages.length} messages`);
    return { sent: messages.length };
  }

  private async sendChunk(entries: SendMessageBatchRequestEntry[], retries: number): Promise<number> {
    const res = await this.client.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
    const failedIds = new Set((res.Failed ?? []).map((f) => f.Id));
    if (failedIds.size === 0) return 0;
    const again = entries.filter((e) => failedIds.has(e.Id));
    return retries > 0 ? this.sendChunk(again, retries - 1) : again.length;
  }
}
