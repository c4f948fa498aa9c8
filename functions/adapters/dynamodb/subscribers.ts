import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../app/errors.js';
import type { SubscriberRepository } from '../../app/ports.js';
import type { Subscriber, SubscriberSettings } from '../../domain/subscriber.js';
import { deleteKeys, isConditionFailure, queryAll, queryDueShards, type TableContext } from './base.js';
import { subscriberFromItem, subscriberToItem } from './items.js';
import { DUE_SHARDS, GSI1, keys, SUBSCRIBER_SK_PREFIX } from './keys.js';

export class DynamoSubscriberRepository implements SubscriberRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(id: string): Promise<Subscriber | null> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.subscriber(id) }));
    return Item ? subscriberFromItem(Item) : null;
  }

  async findByEmail(email: string): Promise<Subscriber | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: keys.emailLookup(email) }),
    );
    const id = Item?.subscriberId;
    return typeof id === 'string' ? this.get(id) : null;
  }

  async createIfAbsent(subscriber: Subscriber): Promise<{ created: boolean; subscriber: Subscriber }> {
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...keys.emailLookup(subscriber.email), entity: 'email', subscriberId: subscriber.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const existing = await this.findByEmail(subscriber.email);
      if (existing) return { created: false, subscriber: existing };
      // The address was claimed but its profile is gone (a deletion half-way): take it over.
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...keys.emailLookup(subscriber.email), entity: 'email', subscriberId: subscriber.id },
        }),
      );
    }
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: subscriberToItem(subscriber),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return { created: true, subscriber };
  }

  async save(subscriber: Subscriber): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.tableName, Item: subscriberToItem(subscriber) }));
  }

  async updateSettings(
    id: string,
    settings: Partial<SubscriberSettings> & { nextDigestAt?: string },
  ): Promise<Subscriber> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError('subscriber');
    const next: Subscriber = { ...current, ...settings };
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: subscriberToItem(next),
        ConditionExpression: 'attribute_exists(PK)',
      }),
    );
    return next;
  }

  async scheduleNextDigest(id: string, nextDigestAt: string): Promise<void> {
    const index = keys.digestDue(id, nextDigestAt);
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.subscriber(id),
          UpdateExpression: 'SET nextDigestAt = :next, GSI1PK = :pk, GSI1SK = :sk',
          ConditionExpression: '#status = :confirmed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':next': nextDigestAt, ':pk': index.GSI1PK, ':sk': index.GSI1SK, ':confirmed': 'confirmed' },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  async listDueForDigest(now: Date, limit = Infinity): Promise<Subscriber[]> {
    const items = await queryDueShards(this.ctx, GSI1, DUE_SHARDS, keys.digestDueShard, now, limit);
    return items
      .map(subscriberFromItem)
      .filter((s) => s.status === 'confirmed')
      .sort((a, b) => (a.nextDigestAt ?? '').localeCompare(b.nextDigestAt ?? ''))
      .slice(0, limit);
  }

  async addApiToken(id: string, tokenHash: string, at: Date): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: { ...keys.apiToken(tokenHash), entity: 'api-token', subscriberId: id, createdAt: at.toISOString() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: { ...keys.apiTokenRef(id, tokenHash), entity: 'api-token', createdAt: at.toISOString() },
      }),
    );
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.subscriber(id),
          UpdateExpression: 'SET tokenHashes = list_append(if_not_exists(tokenHashes, :empty), :hash)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':hash': [tokenHash], ':empty': [] },
        }),
      );
    } catch (err) {
      await deleteKeys(this.ctx, [keys.apiToken(tokenHash), keys.apiTokenRef(id, tokenHash)]);
      if (isConditionFailure(err)) throw new NotFoundError('subscriber');
      throw err;
    }
  }

  async renewCalendarKey(id: string): Promise<number> {
    try {
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.subscriber(id),
          UpdateExpression: 'ADD calendarKeyVersion :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const version = Attributes?.calendarKeyVersion;
      if (typeof version !== 'number') throw new Error('the table did not return the new calendar key version');
      return version;
    } catch (err) {
      if (isConditionFailure(err)) throw new NotFoundError('subscriber');
      throw err;
    }
  }

  async findIdByApiToken(tokenHash: string): Promise<string | null> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.apiToken(tokenHash) }));
    return typeof Item?.subscriberId === 'string' ? Item.subscriberId : null;
  }

  async exportAll(id: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.ctx, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.subscriberPartition(id) },
    });
  }

  async deleteAll(id: string): Promise<void> {
    const items = await this.exportAll(id);
    const profile = items.find((i) => i.SK === 'PROFILE');
    const extra: Array<{ PK: unknown; SK: unknown }> = [];
    if (profile) {
      const sub = subscriberFromItem(profile);
      extra.push(keys.emailLookup(sub.email));
      for (const h of sub.tokenHashes) extra.push(keys.apiToken(h));
    }
    for (const item of items) {
      // Tokens are found through the subscriber's own records of them, whatever the profile's list says.
      if (typeof item.SK === 'string' && item.SK.startsWith(SUBSCRIBER_SK_PREFIX.apiToken)) {
        extra.push(keys.apiToken(item.SK.slice(SUBSCRIBER_SK_PREFIX.apiToken.length)));
      }
      // Watched companies also hold watcher links under their feed sources.
      if (typeof item.SK === 'string' && item.SK.startsWith(SUBSCRIBER_SK_PREFIX.company) && Array.isArray(item.sourceIds)) {
        for (const sourceId of item.sourceIds as string[]) {
          extra.push(keys.sourceWatcher(sourceId, id, String(item.id)));
        }
      }
    }
    // The profile goes last so a half-finished deletion can be resumed by calling this again.
    const rest = items.filter((i) => i.SK !== 'PROFILE').map((i) => ({ PK: i.PK, SK: i.SK }));
    await deleteKeys(this.ctx, [...extra, ...rest]);
    if (profile) await deleteKeys(this.ctx, [{ PK: profile.PK, SK: profile.SK }]);
  }
}
