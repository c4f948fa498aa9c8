/** Secrets the product makes for itself (the link-signing key), created once with a conditional put. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SecretStore } from '../../app/ports.js';
import { isConditionFailure, type TableContext } from './base.js';
import { keys } from './keys.js';

export class DynamoSecretStore implements SecretStore {
  constructor(private readonly ctx: TableContext) {}

  async getOrCreate(name: string, create: () => string): Promise<string> {
    const read = async () => {
      const { Item } = await this.ctx.client.send(
        new GetCommand({ TableName: this.ctx.tableName, Key: keys.secret(name), ConsistentRead: true }),
      );
      return typeof Item?.value === 'string' ? Item.value : null;
    };
    const existing = await read();
    if (existing) return existing;
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: { ...keys.secret(name), entity: 'secret', value: create() },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    const value = await read();
    if (!value) throw new Error(`secret ${name} could not be stored`);
    return value;
  }
}
