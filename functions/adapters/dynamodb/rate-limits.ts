/** Fixed-window request counters: one item per scope and window, gone two windows later. */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../../app/ports.js';
import type { TableContext } from './base.js';
import { epochSeconds } from './items.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';

export class DynamoRateLimiter implements RateLimiter {
  constructor(private readonly ctx: TableContext) {}

  async hit(scope: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
    const windowStart = Math.floor(epochSeconds(now) / windowSeconds) * windowSeconds;
    const { Attributes } = await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: keys.rateWindow(scope, String(windowStart)),
        UpdateExpression: 'ADD hits :one SET #exp = if_not_exists(#exp, :exp), entity = :entity',
        ExpressionAttributeNames: { '#exp': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':exp': windowStart + windowSeconds * 2, ':entity': 'rate-window' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.hits ?? 0) <= limit;
  }
}
