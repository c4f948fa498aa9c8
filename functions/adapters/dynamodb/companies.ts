import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CompanyRepository } from '../../app/ports.js';
import type { WatchedCompany } from '../../domain/company.js';
import { queryAll, type TableContext } from './base.js';
import { companyFromItem, companyToItem } from './items.js';
import { GSI2, keys, SUBSCRIBER_SK_PREFIX } from './keys.js';

export class DynamoCompanyRepository implements CompanyRepository {
  constructor(private readonly ctx: TableContext) {}

  async list(subscriberId: string): Promise<WatchedCompany[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.subscriberPartition(subscriberId), ':prefix': SUBSCRIBER_SK_PREFIX.company },
    });
    return items.map(companyFromItem);
  }

  async get(subscriberId: string, companyId: string): Promise<WatchedCompany | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.tableName, Key: keys.company(subscriberId, companyId) }),
    );
    return Item ? companyFromItem(Item) : null;
  }

  async put(company: WatchedCompany): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.tableName, Item: companyToItem(company) }));
  }

  async delete(subscriberId: string, companyId: string): Promise<boolean> {
    const { Attributes } = await this.ctx.client.send(
      new DeleteCommand({ TableName: this.ctx.tableName, Key: keys.company(subscriberId, companyId), ReturnValues: 'ALL_OLD' }),
    );
    return Attributes !== undefined;
  }

  async listWatchers(companyKey: string): Promise<WatchedCompany[]> {
    const items = await queryAll(this.ctx, {
      IndexName: GSI2.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI2.pk },
      ExpressionAttributeValues: { ':pk': keys.companyWatchersPartition(companyKey) },
    });
    return items.map(companyFromItem);
  }
}
