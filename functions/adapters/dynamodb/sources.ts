import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SourceRepository } from '../../app/ports.js';
import type { FeedSource } from '../../domain/feed-source.js';
import { POLL_INTERVALS_HOURS } from '../../domain/news-watch/poll-schedule.js';
import { isConditionFailure, putItems, queryAll, queryDueShards, type TableContext } from './base.js';
import { sourceFromItem, sourceToItem } from './items.js';
import { DUE_SHARDS, GSI1, keys } from './keys.js';

/** Sources a person's watch can bring back: nobody watched them, or their primary had recovered. */
const REVIVABLE = new Set(['unwatched', 'primary-recovered']);

export class DynamoSourceRepository implements SourceRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(id: string): Promise<FeedSource | null> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.source(id) }));
    return Item ? sourceFromItem(Item) : null;
  }

  async getMany(ids: readonly string[]): Promise<FeedSource[]> {
    const out: FeedSource[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      let keysLeft: Record<string, unknown>[] = unique.slice(i, i + 100).map((id) => keys.source(id));
      for (let attempt = 0; keysLeft.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept keys unprocessed while reading sources');
        const res = await this.ctx.client.send(new BatchGetCommand({ RequestItems: { [this.ctx.tableName]: { Keys: keysLeft } } }));
        out.push(...(res.Responses?.[this.ctx.tableName] ?? []).map(sourceFromItem));
        keysLeft = (res.UnprocessedKeys?.[this.ctx.tableName]?.Keys ?? []) as Record<string, unknown>[];
        if (keysLeft.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }
    return out;
  }

  async upsertWatched(
    source: Pick<FeedSource, 'id' | 'url' | 'kind' | 'companyKey' | 'companyName' | 'fallbackFor'>,
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
    // A source nobody watched any more comes back when someone watches it again (a fallback when it
    // is needed again); one that is Gone stays off.
    if (existing.disabled && existing.disabledReason && REVIVABLE.has(existing.disabledReason)) {
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

  async listScheduled(slot: number): Promise<FeedSource[]> {
    const partitions = POLL_INTERVALS_HOURS.map((hours) => keys.pollEveryPartition(hours, slot % hours));
    const pages = await Promise.all(
      partitions.map((pk) =>
        queryAll(this.ctx, {
          IndexName: GSI1.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': GSI1.pk },
          ExpressionAttributeValues: { ':pk': pk },
        }),
      ),
    );
    return pages.flat().map(sourceFromItem).filter((s) => !s.disabled);
  }

  async lease(sourceId: string, expectedNextAttemptAt: string, leaseUntil: Date): Promise<boolean> {
    const until = leaseUntil.toISOString();
    const entry = keys.pollDue(sourceId, until);
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.source(sourceId),
          // The index entry moves with the attempt (into the next-attempt lane), so neither listDue
          // nor listScheduled offers the source again until the lease ends or its new state is saved.
          UpdateExpression: 'SET nextAttemptAt = :until, GSI1PK = :pk, GSI1SK = :sk',
          ConditionExpression: 'nextAttemptAt = :expected AND disabled = :false',
          ExpressionAttributeValues: {
            ':until': until,
            ':pk': entry.GSI1PK,
            ':sk': entry.GSI1SK,
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
        if (src && !src.disabled) await this.save({ ...src, disabled: true, disabledReason: 'unwatched', fallbackInUse: undefined });
        // Its fallback stood in for it alone: it stops with it.
        const fallback = src?.fallbackInUse ? await this.get(src.fallbackInUse) : null;
        if (fallback && !fallback.disabled) await this.save({ ...fallback, disabled: true, disabledReason: 'unwatched' });
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

