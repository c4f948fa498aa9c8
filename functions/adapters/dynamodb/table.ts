import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GSI1, GSI2, PK, SK } from './keys.js';

/** The table's shape, shared by local mode (created here) and the CDK data stack. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const projection = { ProjectionType: 'ALL' as const };
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [PK, SK, GSI1.pk, GSI1.sk, GSI2.pk, GSI2.sk].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: PK, KeyType: 'HASH' },
      { AttributeName: SK, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [GSI1, GSI2].map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.pk, KeyType: 'HASH' },
        { AttributeName: g.sk, KeyType: 'RANGE' },
      ],
      Projection: projection,
    })),
  };
}

/** Creates the table when it does not exist yet and waits until it is active. */
export async function ensureTable(client: DynamoDBDocumentClient, tableName: string): Promise<'created' | 'existing'> {
  let created: 'created' | 'existing' = 'existing';
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
      created = 'created';
    } catch (createErr) {
      if (!(createErr instanceof ResourceInUseException)) throw createErr;
    }
  }
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesReady = (Table?.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesReady) return created;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`table ${tableName} did not become active`);
}
