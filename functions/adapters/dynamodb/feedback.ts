import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { FeedbackRepository, StoryFeedback } from '../../app/ports.js';
import { queryAll, type TableContext } from './base.js';
import { keys, SUBSCRIBER_SK_PREFIX } from './keys.js';

const FeedbackItem = z.object({
  subscriberId: z.string().min(1),
  companyKey: z.string().min(1),
  storyId: z.string().min(1),
  verdict: z.literal('not-relevant'),
  at: z.string(),
});

/** Feedback lives in the subscriber's partition, so export and account deletion include it. */
export class DynamoFeedbackRepository implements FeedbackRepository {
  constructor(private readonly ctx: TableContext) {}

  async record(feedback: StoryFeedback): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: { ...keys.storyFeedback(feedback.subscriberId, feedback.companyKey, feedback.storyId), entity: 'feedback', ...feedback },
      }),
    );
  }

  async list(subscriberId: string): Promise<StoryFeedback[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.subscriberPartition(subscriberId), ':prefix': SUBSCRIBER_SK_PREFIX.feedback },
    });
    // Items that do not parse are skipped: feedback only ever hides news, it must not break a digest.
    return items.flatMap((item) => {
      const parsed = FeedbackItem.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }
}
