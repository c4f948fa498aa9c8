/** Single-use, expiring tickets (confirmation, sign-in, email actions): only hashes are keys. */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Ticket, TicketRepository } from '../../app/ports.js';
import { isConditionFailure, type TableContext } from './base.js';
import { epochSeconds, isExpired } from './items.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';

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
