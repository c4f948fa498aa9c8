import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { NewsRepository } from '../../app/ports.js';
import type { Story } from '../../domain/news.js';
import { isConditionFailure, putItems, queryAll, type TableContext } from './base.js';
import { storyFromItem, storyToItem } from './items.js';
import { GSI1, keys } from './keys.js';

export class DynamoNewsRepository implements NewsRepository {
  constructor(private readonly ctx: TableContext) {}

  async putIfNew(story: Story): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new PutCommand({ TableName: this.ctx.tableName, Item: storyToItem(story), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async putMany(stories: Story[]): Promise<void> {
    await putItems(this.ctx, stories.map(storyToItem));
  }

  async get(companyKey: string, storyId: string): Promise<Story | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: keys.story(companyKey, storyId) }),
    );
    return Item ? storyFromItem(Item) : null;
  }

  async update(story: Story): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.tableName, Item: storyToItem(story) }));
  }

  async listSince(companyKey: string, since: Date, limit = 200, options: { sourceIds?: readonly string[] } = {}): Promise<Story[]> {
    const sources = options.sourceIds ?? [];
    // Narrowed to some sources, the table filters the company's stories (DynamoDB's Limit counts
    // before a filter, so pages are followed until `limit` stories passed it, or the end).
    const bySource = sources.length > 0
      ? {
          FilterExpression: sources.map((_, i) => `contains(#sources, :source${i})`).join(' OR '),
          names: { '#sources': 'sourceIds' },
          values: Object.fromEntries(sources.map((id, i) => [`:source${i}`, id])),
        }
      : null;
    const items = await queryAll(
      this.ctx,
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk AND #sk >= :since',
        ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk, ...bySource?.names },
        ExpressionAttributeValues: { ':pk': keys.storyByTimePartition(companyKey), ':since': since.toISOString(), ...bySource?.values },
        ...(bySource ? { FilterExpression: bySource.FilterExpression } : {}),
        ScanIndexForward: false,
      },
      limit,
    );
    return items.map(storyFromItem);
  }
}
