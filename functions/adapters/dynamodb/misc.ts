import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter, SecretStore, SuppressionRepository, Ticket, TicketRepository } from '../../app/ports.js';
import { isConditionFailure, type TableContext } from './base.js';
import { epochSeconds, isExpired } from './items.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';
import { z } from 'zod';

export class DynamoSuppressionRepository implements SuppressionRepository {
  constructor(private readonly ctx: TableContext) {}

  async suppress(email: string, reason: string, at: Date): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: { ...keys.suppression(email), entity: 'suppression', reason, at: at.toISOString() },
      }),
    );
  }

  async isSuppressed(email: string): Promise<boolean> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.suppression(email) }));
    return Item !== undefined;
  }
}

const TicketItem = z.object({
  purpose: z.string().min(1),
  subscriberId: z.string().optional(),
  email: z.string().optional(),
  data: z.record(z.string(), z.string()).optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export class DynamoTicketRepository implements TicketRepository {
  constructor(private readonly ctx: TableContext) {}

  async create(ticketHash: string, ticket: Ticket): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({
        TableName: this.ctx.tableName,
        Item: {
          ...keys.ticket(ticketHash),
          entity: 'ticket',
          ...ticket,
          [TTL_ATTRIBUTE]: epochSeconds(new Date(ticket.expiresAt)),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async peek(ticketHash: string, now: Date): Promise<Ticket | null> {
    const { Item } = await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keys.ticket(ticketHash) }));
    if (!Item || isExpired(Item, now) || Item.usedAt !== undefined) return null;
    const parsed = TicketItem.safeParse(Item);
    return parsed.success ? parsed.data : null;
  }

  async consume(ticketHash: string, now: Date): Promise<Ticket | null> {
    try {
      const { Attributes } = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keys.ticket(ticketHash),
          UpdateExpression: 'SET usedAt = :now',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(usedAt) AND #exp > :nowEpoch',
          ExpressionAttributeNames: { '#exp': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': now.toISOString(), ':nowEpoch': epochSeconds(now) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const parsed = TicketItem.safeParse(Attributes);
      return parsed.success ? parsed.data : null;
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }
}

export class DynamoRateLimiter implements RateLimiter {
  constructor(private readonly ctx: TableContext) {}

  async hit(scope: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
    const windowStart = Math.floor(epochSeconds(now) / windowSeconds) * windowSeconds;
    const { Attributes } = await this.ctx.client.send(
      new UpdateCommand({
        TableName: this.ctx.tableName,
        Key: keys.rateWindow(scope, String(windowStart)),
        UpdateExpression: 'ADD hits :one SET #exp = if_not_exists(#exp, :exp), entity = :entity',
        ExpressionAttributeNames: { '#exp': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':exp': windowStart + windowSeconds * 2, ':entity': 'rate-window' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.hits ?? 0) <= limit;
  }
}

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
