import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SourceRepository } from '../../app/ports.js';
import type { FeedSource } from '../../domain/feed-source.js';
import { isConditionFailure, putItems, queryAll, queryDueShards, type TableContext } from './base.js';
import { sourceFromItem, sourceToItem } from './items.js';
import { DUE_SHARDS, GSI1, keys } from './keys.js';

export class DynamoSourceRepository implements SourceRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(id: string): Promise<FeedSource | null> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.source(id) }));
    return Item ? sourceFromItem(Item) : null;
  }

  async upsertWatched(
    source: Pick<FeedSource, 'id' | 'url' | 'kind' | 'companyKey' | 'companyName'>,
    now: Date,
  ): Promise<FeedSource> {
    const fresh: FeedSource = { ...source, consecutiveFailures: 0, nextAttemptAt: now.toISOString(), disabled: false };
    try {
      await this.ctx.client.send(
        new PutCommand({ TableName: this.ctx.tableName, Item: sourceToItem(fresh), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return fresh;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    const existing = await this.get(source.id);
    if (!existing) return this.upsertWatched(source, now);
    // A source nobody watched any more comes back when someone watches it again; one that is Gone stays off.
    if (existing.disabled && existing.disabledReason === 'unwatched') {
      const revived: FeedSource = { ...existing, disabled: false, disabledReason: undefined, nextAttemptAt: now.toISOString() };
      await this.save(revived);
      return revived;
    }
    return existing;
  }

  async save(source: FeedSource): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.tableName, Item: sourceToItem(source) }));
  }

  async saveMany(sources: FeedSource[]): Promise<void> {
    // One batch may not hold the same key twice: the last state of a source wins.
    const latest = new Map(sources.map((s) => [s.id, s]));
    await putItems(this.ctx, [...latest.values()].map(sourceToItem));
  }

  async listDue(now: Date, limit = Infinity): Promise<FeedSource[]> {
    const items = await queryDueShards(this.ctx, GSI1, DUE_SHARDS, keys.pollDueShard, now, limit);
    return items
      .map(sourceFromItem)
      .filter((s) => !s.disabled)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
      .slice(0, limit);
  }

  async lease(sourceId: string, expectedNextAttemptAt: string, leaseUntil: Date): Promise<boolean> {
    const until = leaseUntil.toISOString();
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.source(sourceId),
          // The index entry moves with the attempt, so listDue skips the source until the lease ends.
          UpdateExpression: 'SET nextAttemptAt = :until, GSI1SK = :sk',
          ConditionExpression: 'nextAttemptAt = :expected AND disabled = :false',
          ExpressionAttributeValues: {
            ':until': until,
            ':sk': keys.pollDue(sourceId, until).GSI1SK,
            ':expected': expectedNextAttemptAt,
            ':false': false,
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async addWatcher(sourceId: string, subscriberId: string, companyId: string): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: { ...keys.sourceWatcher(sourceId, subscriberId, companyId), entity: 'source-watcher', subscriberId, companyId },
      }),
    );
  }

  async removeWatcher(sourceId: string, subscriberId: string, companyId: string): Promise<void> {
    await this.ctx.client.send(
      new DeleteCommand({ TableName: this.ctx.tableName, Key: keys.sourceWatcher(sourceId, subscriberId, companyId) }),
    );
    if ((await this.countWatchers(sourceId)) === 0) {
      // Nobody watches it any more: stop polling (the index entry goes with `disabled`).
      try {
        const src = await this.get(sourceId);
        if (src && !src.disabled) await this.save({ ...src, disabled: true, disabledReason: 'unwatched' });
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
  }

  async countWatchers(sourceId: string): Promise<number> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.source(sourceId).PK, ':prefix': 'WATCHER#' },
      ProjectionExpression: 'PK',
    });
    return items.length;
  }
}

