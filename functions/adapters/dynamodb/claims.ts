import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimRepository } from '../../app/ports.js';
import { isConditionFailure, type TableContext } from './base.js';
import { epochSeconds } from './items.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';
import { DAY_SECONDS } from '../../domain/durations.js';

/** Alert claims must outlive any story (60 days). */
const ALERT_CLAIM_DAYS = 400;

/**
 * Exactly-once effects by conditional put: the first writer of a claim key sends, every other
 * attempt (retry, redelivery, concurrent run) sees the condition fail and sends nothing.
 */
export class DynamoClaimRepository implements ClaimRepository {
  constructor(private readonly ctx: TableContext) {}

  private async claim(key: { PK: string; SK: string }, item: Record<string, unknown>): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...key, ...item },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  claimAlert(subscriberId: string, companyKey: string, storyId: string, at: Date, detail: Record<string, string> = {}): Promise<boolean> {
    return this.claim(keys.alertClaim(subscriberId, companyKey, storyId), {
      entity: 'alert-claim',
      ...detail,
      companyKey,
      storyId,
      claimedAt: at.toISOString(),
      [TTL_ATTRIBUTE]: epochSeconds(at) + ALERT_CLAIM_DAYS * DAY_SECONDS,
    });
  }

  async markAlertSent(subscriberId: string, companyKey: string, storyId: string, at: Date, messageId: string): Promise<void> {
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: keys.alertClaim(subscriberId, companyKey, storyId),
        UpdateExpression: 'SET sentAt = :at, messageId = :id',
        ExpressionAttributeValues: { ':at': at.toISOString(), ':id': messageId },
      }),
    );
  }

  async alertSentAt(subscriberId: string, companyKey: string, storyId: string): Promise<string | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: keys.alertClaim(subscriberId, companyKey, storyId), ProjectionExpression: 'sentAt' }),
    );
    return typeof Item?.sentAt === 'string' ? Item.sentAt : null;
  }
}
