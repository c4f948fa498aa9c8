/** Suppressed addresses (hard bounces, complaints): one item per address hash, read before every send. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SuppressionRepository } from '../../app/ports.js';
import type { TableContext } from './base.js';
import { keys } from './keys.js';

export class DynamoSuppressionRepository implements SuppressionRepository {
  constructor(private readonly ctx: TableContext) {}

  async suppress(email: string, reason: string, at: Date): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: { ...keys.suppression(email), entity: 'suppression', reason, at: at.toISOString() },
      }),
    );
  }

  async isSuppressed(email: string): Promise<boolean> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.suppression(email) }));
    return Item !== undefined;
  }
}
