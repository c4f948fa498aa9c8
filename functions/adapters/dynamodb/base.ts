import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './items.js';

/** What every repository needs: the client and the table's name. */
export interface TableContext {
  client: DynamoDBDocumentClient;
  tableName: string;
}

export function isConditionFailure(err: unknown): boolean {
  return (
    err instanceof ConditionalCheckFailedException ||
    (typeof err === 'object' && err !== null && (err as { name?: string }).name === 'ConditionalCheckFailedException')
  );
}

/** Awaits a conditional write: true when it was made, false when its condition did not hold. */
export async function writeIf(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** Runs a query to the end (or to `limit` items), following LastEvaluatedKey. */
export async function queryAll(ctx: TableContext, input: Omit<QueryCommandInput, 'TableName'>, limit = Infinity): Promise<Item[]> {
  const out: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await ctx.client.send(new QueryCommand({ ...input, TableName: ctx.tableName, ExclusiveStartKey }));
    for (const item of page.Items ?? []) {
      out.push(item);
      if (out.length >= limit) return out;
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

/**
 * Items of a sparse "due" index whose sort key (`<instant>#<id>`) is at or before `now`, across
 * every shard (`shardKey(s)` names shard s's partition), at most `limit` per shard.
 */
export async function queryDueShards(
  ctx: TableContext,
  index: { name: string; pk: string; sk: string },
  shards: number,
  shardKey: (shard: number) => string,
  now: Date,
  limit = Infinity,
): Promise<Item[]> {
  const upTo = `${now.toISOString()}#~`;
  const perShard = await Promise.all(
    Array.from({ length: shards }, (_, shard) =>
      queryAll(
        ctx,
        {
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk <= :upTo',
          ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
          ExpressionAttributeValues: { ':pk': shardKey(shard), ':upTo': upTo },
        },
        limit,
      ),
    ),
  );
  return perShard.flat();
}

/** Deletes items by key in batches of 25, retrying what DynamoDB leaves unprocessed. */
export async function deleteKeys(ctx: TableContext, keyList: Array<{ PK: unknown; SK: unknown }>): Promise<void> {
  // One batch may not name the same key twice.
  const itemKeys = [...new Map(keyList.map((k) => [`${String(k.PK)}\u0000${String(k.SK)}`, k])).values()];
  for (let i = 0; i < itemKeys.length; i += 25) {
    let requests = itemKeys.slice(i, i + 25).map((k) => ({ DeleteRequest: { Key: { PK: k.PK, SK: k.SK } } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept items unprocessed while deleting');
      const res = await ctx.client.send(new BatchWriteCommand({ RequestItems: { [ctx.tableName]: requests } }));
      requests = (res.UnprocessedItems?.[ctx.tableName] ?? []) as typeof requests;
      if (requests.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}

/** Puts items in batches of 25 (no conditions), retrying what DynamoDB leaves unprocessed. */
export async function putItems(ctx: TableContext, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept items unprocessed while writing');
      const res = await ctx.client.send(new BatchWriteCommand({ RequestItems: { [ctx.tableName]: requests } }));
      requests = (res.UnprocessedItems?.[ctx.tableName] ?? []) as typeof requests;
      if (requests.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
}

/** Reads items by key in batches of 100 (strongly consistent), retrying what DynamoDB leaves unprocessed. */
export async function getItems(ctx: TableContext, keyList: Array<{ PK: string; SK: string }>): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let requested: Record<string, unknown>[] = keyList.slice(i, i + 100);
    for (let attempt = 0; requested.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept keys unprocessed while reading');
      const res = await ctx.client.send(
        new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: requested, ConsistentRead: true } } }),
      );
      out.push(...(res.Responses?.[ctx.tableName] ?? []));
      requested = res.UnprocessedKeys?.[ctx.tableName]?.Keys ?? [];
      if (requested.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
  }
  return out;
}
