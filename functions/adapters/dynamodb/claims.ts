import { BatchGetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimRepository } from '../../app/ports.js';
import { isConditionFailure, type TableContext } from './base.js';
import { epochSeconds } from './items.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';
import { messageKey } from '../../app/outbox/ports.js';
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

  /**
   * One request for both places an alert's sending is recorded: its outbox message (`sentAt` once
   * sent), and — for alerts sent before the outbox carried them — the old claim, until it expires.
   */
  async alertSentAt(subscriberId: string, companyKey: string, storyId: string): Promise<string | null> {
    const message = keys.outboxMessage(subscriberId, 'alert', messageKey({ kind: 'alert', companyKey, storyId, companyId: '-' }));
    const claim = keys.alertClaim(subscriberId, companyKey, storyId);
    const items: Record<string, unknown>[] = [];
    let wanted: Array<Record<string, unknown>> = [message, claim];
    // A throttled table may leave keys unprocessed: asked again (a few times), never taken as "not sent".
    for (let attempt = 0; wanted.length > 0; attempt++) {
      if (attempt === 3) throw new Error('the table kept leaving an alert lookup unprocessed');
      const res = await this.ctx.client.send(
        new BatchGetCommand({
          RequestItems: { [this.ctx.tableName]: { Keys: wanted, ProjectionExpression: 'SK, #state, sentAt', ExpressionAttributeNames: { '#state': 'state' } } },
        }),
      );
      items.push(...(res.Responses?.[this.ctx.tableName] ?? []));
      wanted = res.UnprocessedKeys?.[this.ctx.tableName]?.Keys ?? [];
    }
    const sent = (sk: string) => items.find((i) => i.SK === sk);
    const fromOutbox = sent(message.SK);
    if (fromOutbox?.state === 'sent' && typeof fromOutbox.sentAt === 'string') return fromOutbox.sentAt;
    const fromClaim = sent(claim.SK);
    return typeof fromClaim?.sentAt === 'string' ? fromClaim.sentAt : null;
  }
}
