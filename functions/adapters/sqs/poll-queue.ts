/** The poll fan-out queue on AWS (the {@link PollQueue} port): SQS, ten messages per request. */
import { SendMessageBatchCommand, SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { pollMessageBody, type PollMessage, type PollQueue } from '../../app/poll/poll-message.js';
import type { Config } from '../../config/env.js';

/** SendMessageBatch takes at most ten entries. */
const BATCH_LIMIT = 10;

/** Puts poll messages on the queue, ten per request; entries SQS refuses are retried once. */
export class SqsPollQueue implements PollQueue {
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
      const entry = { Id: String(i), MessageBody: pollMessageBody(m) };
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
