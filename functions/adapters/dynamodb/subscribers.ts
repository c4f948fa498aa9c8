import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../../app/errors.js';
import type { ApiTokenRecord, SubscriberRepository } from '../../app/ports.js';
import type { Subscriber, SubscriberSettings } from '../../domain/subscriber.js';
import { deleteKeys, getItems, isConditionFailure, queryAll, queryDueShards, writeIf, type TableContext } from './base.js';
import { subscriberFromItem, subscriberToItem, type Item } from './items.js';
import { DUE_SHARDS, GSI1, keys, SUBSCRIBER_SK_PREFIX } from './keys.js';

/**
 * Profile attributes only their own updates write (token list, session cut-off, calendar key):
 * a write of the whole profile from an older read leaves them as they are.
 */
const SERVER_MANAGED = new Set(['PK', 'SK', 'tokenHashes', 'sessionsValidFrom', 'calendarKeyVersion']);
/** Optional profile attributes: removed when the record written has none. */
const OPTIONAL = ['confirmedAt', 'nextDigestAt', 'GSI1PK', 'GSI1SK'];

/** `SET` every attribute of the record and `REMOVE` the optional ones it lacks, as one update. */
function profileUpdate(item: Item): { UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  Object.entries(item)
    .filter(([k, v]) => !SERVER_MANAGED.has(k) && v !== undefined)
    .forEach(([k, v], i) => {
      names[`#a${i}`] = k;
      values[`:v${i}`] = v;
      sets.push(`#a${i} = :v${i}`);
    });
  const removes = OPTIONAL.filter((k) => item[k] === undefined).map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

function tokenRecord(item: Item | undefined, tokenHash: string): ApiTokenRecord | null {
  if (typeof item?.subscriberId !== 'string' || typeof item.createdAt !== 'string') return null;
  return {
    tokenHash,
    subscriberId: item.subscriberId,
    createdAt: item.createdAt,
    ...(typeof item.lastUsedAt === 'string' ? { lastUsedAt: item.lastUsedAt } : {}),
  };
}

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
    await this.ctx.client.send(
      new UpdateCommand({ TableName: this.ctx.tableName, Key: keys.subscriber(subscriber.id), ...profileUpdate(subscriberToItem(subscriber)) }),
    );
  }

  async updateSettings(
    id: string,
    settings: Partial<SubscriberSettings> & { nextDigestAt?: string },
  ): Promise<Subscriber> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError('subscriber');
    const next: Subscriber = { ...current, ...settings };
    try {
      await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.subscriber(id),
          ...profileUpdate(subscriberToItem(next)),
          ConditionExpression: 'attribute_exists(PK)',
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new NotFoundError('subscriber');
      throw err;
    }
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
    return (await this.findApiToken(tokenHash))?.subscriberId ?? null;
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: keys.apiToken(tokenHash), ConsistentRead: true }),
    );
    return tokenRecord(Item, tokenHash);
  }

  async listApiTokens(id: string): Promise<ApiTokenRecord[]> {
    const refs = await queryAll(this.ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.subscriberPartition(id), ':prefix': SUBSCRIBER_SK_PREFIX.apiToken },
    });
    const hashes = refs.map((r) => String(r.SK).slice(SUBSCRIBER_SK_PREFIX.apiToken.length));
    // The token items hold when each was last used; a record left without one was revoked half-way.
    const items = await getItems(this.ctx, hashes.map((h) => keys.apiToken(h)));
    const byKey = new Map(items.map((i) => [String(i.PK), i]));
    return hashes
      .map((h) => tokenRecord(byKey.get(keys.apiToken(h).PK), h))
      .filter((t): t is ApiTokenRecord => t !== null && t.subscriberId === id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async recordApiTokenUse(tokenHash: string, at: Date, unlessSince: Date): Promise<void> {
    await writeIf(
      this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.apiToken(tokenHash),
          UpdateExpression: 'SET lastUsedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :since)',
          ExpressionAttributeValues: { ':at': at.toISOString(), ':since': unlessSince.toISOString() },
        }),
      ),
    );
  }

  async revokeApiToken(id: string, tokenHash: string): Promise<boolean> {
    // The token item first: once it is gone the token is refused, whatever happens next.
    const existed = await writeIf(
      this.ctx.client.send(
        new DeleteCommand({
          TableName: this.ctx.tableName,
          Key: keys.apiToken(tokenHash),
          ConditionExpression: 'subscriberId = :id',
          ExpressionAttributeValues: { ':id': id },
        }),
      ),
    );
    const { Attributes } = await this.ctx.client.send(
      new DeleteCommand({ TableName: this.ctx.tableName, Key: keys.apiTokenRef(id, tokenHash), ReturnValues: 'ALL_OLD' }),
    );
    await this.forgetTokenHash(id, tokenHash);
    return existed || Attributes !== undefined;
  }

  /**
   * Takes the hash off the profile's list: removes the element where it was read, on the
   * condition that it is still there, so a concurrent change to the list is never lost.
   */
  private async forgetTokenHash(id: string, tokenHash: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { Item } = await this.ctx.client.send(
        new GetCommand({ TableName: this.ctx.tableName, Key: keys.subscriber(id), ConsistentRead: true, ProjectionExpression: 'tokenHashes' }),
      );
      const at = Array.isArray(Item?.tokenHashes) ? (Item.tokenHashes as string[]).indexOf(tokenHash) : -1;
      if (at < 0) return;
      const removed = await writeIf(
        this.ctx.client.send(
          new UpdateCommand({
            TableName: this.ctx.tableName,
            Key: keys.subscriber(id),
            UpdateExpression: `REMOVE tokenHashes[${at}]`,
            ConditionExpression: `tokenHashes[${at}] = :hash`,
            ExpressionAttributeValues: { ':hash': tokenHash },
          }),
        ),
      );
      if (removed) return;
    }
  }

  async endSessionsBefore(id: string, at: Date): Promise<void> {
    await writeIf(
      this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.subscriber(id),
          UpdateExpression: 'SET sessionsValidFrom = :at',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(sessionsValidFrom) OR sessionsValidFrom < :at)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      ),
    );
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
