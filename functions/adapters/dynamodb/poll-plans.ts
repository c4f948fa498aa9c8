/**
 * The hourly slot plans (PollPlanRepository): one item per slot, `POLLSLOT#<slot>` / `PLAN`, with
 * the number of batches and, per batch i, `lease<i>` (lease end) and `done<i>`. Taking batches and
 * finishing them are single conditional writes on that item, so a whole cycle of unchanged feeds
 * costs two writes however many feeds it asks.
 */
import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PollPlanRepository, SlotPlan } from '../../app/ports.js';
import { isConditionFailure, type TableContext } from './base.js';
import { doneAttribute, leaseAttribute, slotPlanFromItem, slotPlanToItem } from './items.js';
import { keys } from './keys.js';

export class DynamoPollPlanRepository implements PollPlanRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(slot: string): Promise<SlotPlan | null> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.pollSlot(slot), ConsistentRead: true }));
    return Item ? slotPlanFromItem(Item) : null;
  }

  async getMany(slots: readonly string[]): Promise<SlotPlan[]> {
    const unique = [...new Set(slots)];
    const plans: SlotPlan[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      const res = await this.ctx.client.send(
        new BatchGetCommand({ RequestItems: { [this.ctx.tableName]: { Keys: unique.slice(i, i + 100).map((slot) => keys.pollSlot(slot)) } } }),
      );
      // What DynamoDB leaves unprocessed is only shown a little less fresh: not worth a retry.
      plans.push(...(res.Responses?.[this.ctx.tableName] ?? []).map(slotPlanFromItem));
    }
    return plans;
  }

  async create(slot: string, batches: number, leased: { indexes: readonly number[]; until: Date } | null, now: Date): Promise<SlotPlan | null> {
    const item = slotPlanToItem(slot, batches, leased, now);
    try {
      await this.ctx.client.send(new PutCommand({ TableName: this.ctx.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      return slotPlanFromItem(item);
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }

  async lease(slot: string, indexes: readonly number[], now: Date, leaseUntil: Date): Promise<boolean> {
    if (indexes.length === 0) return true;
    const names: Record<string, string> = {};
    const sets: string[] = [];
    const conditions: string[] = ['attribute_exists(PK)'];
    indexes.forEach((index, n) => {
      names[`#l${n}`] = leaseAttribute(index);
      names[`#d${n}`] = doneAttribute(index);
      sets.push(`#l${n} = :until`);
      conditions.push(`attribute_not_exists(#d${n})`, `(attribute_not_exists(#l${n}) OR #l${n} < :now)`);
    });
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.pollSlot(slot),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':until': leaseUntil.toISOString(), ':now': now.toISOString() },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async release(slot: string, indexes: readonly number[], heldUntil: Date): Promise<void> {
    if (indexes.length === 0) return;
    const names = Object.fromEntries(indexes.flatMap((index, n) => [[`#l${n}`, leaseAttribute(index)], [`#d${n}`, doneAttribute(index)]]));
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.pollSlot(slot),
          UpdateExpression: `REMOVE ${indexes.map((_, n) => `#l${n}`).join(', ')}`,
          ConditionExpression: indexes.map((_, n) => `attribute_not_exists(#d${n}) AND #l${n} = :held`).join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':held': heldUntil.toISOString() },
        }),
      );
    } catch (err) {
      // Not ours any more: its lease ran out and another cycle took it, or finished it.
      if (!isConditionFailure(err)) throw err;
    }
  }

  async finish(slot: string, indexes: readonly number[], at: Date): Promise<void> {
    if (indexes.length === 0) return;
    await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: keys.pollSlot(slot),
        UpdateExpression: `SET ${indexes.map((_, n) => `#d${n} = :at`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(indexes.map((index, n) => [`#d${n}`, doneAttribute(index)])),
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  }
}
