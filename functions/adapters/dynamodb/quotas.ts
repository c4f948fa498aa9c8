/**
 * Quota counters: one item per subscriber (`SUB#<id>` / `QUOTAS`) beside the profile, so writes
 * of the whole profile can never put back an old count. Every change is one conditional update.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { QuotaKind, QuotaRepository } from '../../app/ports.js';
import { writeIf, type TableContext } from './base.js';
import { keys } from './keys.js';

/** When a unit of this kind was last taken. */
const takenAt = (kind: QuotaKind) => `${kind}TakenAt`;

export class DynamoQuotaRepository implements QuotaRepository {
  constructor(private readonly ctx: TableContext) {}

  private update(subscriberId: string, expression: string, condition: string, values: Record<string, unknown>, kind: QuotaKind): Promise<boolean> {
    return writeIf(
      this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.quotas(subscriberId),
          UpdateExpression: `${expression}, entity = :entity`,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#n': kind, ...(expression.includes('#at') ? { '#at': takenAt(kind) } : {}) },
          ExpressionAttributeValues: { ...values, ':entity': 'quotas' },
        }),
      ),
    );
  }

  async take(
    subscriberId: string,
    kind: QuotaKind,
    limit: number,
    now: Date,
  ): Promise<{ taken: true } | { taken: false; counted: number | null; lastTakenAt: string | null }> {
    const values = { ':one': 1, ':limit': limit, ':now': now.toISOString() };
    if (await this.update(subscriberId, 'SET #n = #n + :one, #at = :now', 'attribute_exists(#n) AND #n < :limit', values, kind)) {
      return { taken: true };
    }
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: keys.quotas(subscriberId), ConsistentRead: true }),
    );
    const counted = Item?.[kind];
    const at = Item?.[takenAt(kind)];
    return { taken: false, counted: typeof counted === 'number' ? counted : null, lastTakenAt: typeof at === 'string' ? at : null };
  }

  async start(subscriberId: string, kind: QuotaKind, count: number): Promise<void> {
    await this.update(subscriberId, 'SET #n = :count', 'attribute_not_exists(#n)', { ':count': count }, kind);
  }

  async correct(subscriberId: string, kind: QuotaKind, from: number, to: number): Promise<boolean> {
    return this.update(subscriberId, 'SET #n = :to', '#n = :from', { ':from': from, ':to': to }, kind);
  }

  async giveBack(subscriberId: string, kind: QuotaKind): Promise<void> {
    await this.update(subscriberId, 'SET #n = #n - :one', 'attribute_exists(#n) AND #n > :zero', { ':one': 1, ':zero': 0 }, kind);
  }
}
