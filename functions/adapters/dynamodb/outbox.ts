/**
 * The outbox in the table (README "Outbox"): one item per message in its subscriber's partition,
 * listed in a sparse due index while it is open. Every state change is one conditional write.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { CorruptItemError, describeIssues } from '../../app/errors.js';
import {
  MessagePayload,
  MessageState,
  messageKey,
  type EndedState,
  type Lease,
  type LeaseTaken,
  type MessageKind,
  type MessageRef,
  type OutboxMessage,
  type OutboxRepository,
} from '../../app/outbox/ports.js';
import { DAY_SECONDS } from '../../domain/durations.js';
import { isConditionFailure, queryDueShards, type TableContext } from './base.js';
import { epochSeconds, isExpired, type Item } from './items.js';
import { DUE_SHARDS, GSI1, keys, TTL_ATTRIBUTE } from './keys.js';

/**
 * How long a message is kept after it was recorded: a digest's item must outlive its local day
 * (it is what makes it one a day); an alert's must outlive any story (one per story, ever).
 */
const RETENTION_DAYS: Record<MessageKind, number> = { digest: 45, confirmation: 7, 'sign-in': 7, alert: 400 };

const OutboxItem = z.object({
  subscriberId: z.string().min(1),
  kind: z.string().min(1),
  key: z.string().min(1),
  payload: MessagePayload,
  state: MessageState,
  createdAt: z.string(),
  dueAt: z.string(),
  leases: z.number().int().min(0),
  attempts: z.number().int().min(0),
  leaseId: z.string().optional(),
  sentAt: z.string().optional(),
  mailMessageId: z.string().optional(),
  endedAt: z.string().optional(),
  reason: z.string().optional(),
});

function fromItem(item: Item): OutboxMessage {
  const parsed = OutboxItem.safeParse(item);
  const where = `${String(item.PK)}/${String(item.SK)}`;
  if (!parsed.success) throw new CorruptItemError('outbox message', where, describeIssues(parsed.error.issues));
  const { kind, ...message } = parsed.data;
  if (kind !== message.payload.kind) throw new CorruptItemError('outbox message', where, `kind ${kind} does not match its payload`);
  return { ...message, kind: message.payload.kind };
}

const keyOf = (ref: MessageRef) => keys.outboxMessage(ref.subscriberId, ref.kind, ref.key);
const dueSortKey = (ref: MessageRef, dueAt: string) => keys.outboxDue(ref.subscriberId, ref.kind, ref.key, dueAt).GSI1SK;

export class DynamoOutboxRepository implements OutboxRepository {
  constructor(private readonly ctx: TableContext) {}

  /** A conditional update; false when its condition failed. */
  private async update(input: {
    ref: MessageRef;
    update: string;
    condition: string;
    names?: Record<string, string>;
    values: Record<string, unknown>;
    returnOld?: boolean;
  }): Promise<{ ok: boolean; old?: Item }> {
    try {
      const res = await this.ctx.client.send(
        new UpdateCommand({
          TableName: this.ctx.tableName,
          Key: keyOf(input.ref),
          UpdateExpression: input.update,
          ConditionExpression: input.condition,
          ExpressionAttributeNames: { '#state': 'state', ...input.names },
          ExpressionAttributeValues: input.values,
          ...(input.returnOld ? { ReturnValues: 'ALL_OLD' as const } : {}),
        }),
      );
      return { ok: true, old: res.Attributes };
    } catch (err) {
      if (isConditionFailure(err)) return { ok: false };
      throw err;
    }
  }

  async record(subscriberId: string, payload: MessagePayload, at: Date, lease?: Lease): Promise<boolean> {
    const ref: MessageRef = { subscriberId, kind: payload.kind, key: messageKey(payload) };
    const createdAt = at.toISOString();
    const dueAt = lease ? lease.until.toISOString() : createdAt;
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.tableName,
          Item: {
            ...keyOf(ref),
            ...keys.outboxDue(subscriberId, ref.kind, ref.key, dueAt),
            entity: 'outbox-message',
            ...ref,
            payload,
            ...(lease ? { state: 'leased', leaseId: lease.id, leases: 1 } : { state: 'pending', leases: 0 }),
            createdAt,
            dueAt,
            attempts: 0,
            [TTL_ATTRIBUTE]: epochSeconds(at) + RETENTION_DAYS[ref.kind] * DAY_SECONDS,
          },
          // An expired item lingers (DynamoDB deletes it eventually, the local server never): it counts as absent.
          ConditionExpression: 'attribute_not_exists(PK) OR #ttl <= :nowEpoch',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':nowEpoch': epochSeconds(at) },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async get(ref: MessageRef, now: Date): Promise<OutboxMessage | null> {
    const Item = await this.read(ref);
    return Item && !isExpired(Item, now) ? fromItem(Item) : null;
  }

  private async read(ref: MessageRef): Promise<Item | undefined> {
    return (await this.ctx.client.send(new GetCommand({ TableName: this.ctx.tableName, Key: keyOf(ref), ConsistentRead: true }))).Item;
  }

  async lease(ref: MessageRef, lease: Lease, now: Date): Promise<LeaseTaken | null> {
    const until = lease.until.toISOString();
    const { ok, old } = await this.update({
      ref,
      update: 'SET #state = :leased, dueAt = :until, GSI1SK = :sk, leaseId = :lease, leases = leases + :one',
      // Open (still in the due index) and due: pending, or leased by someone whose lease has run out.
      condition: 'attribute_exists(GSI1PK) AND dueAt <= :now AND #ttl > :nowEpoch',
      names: { '#ttl': TTL_ATTRIBUTE },
      values: {
        ':leased': 'leased',
        ':until': until,
        ':sk': dueSortKey(ref, until),
        ':lease': lease.id,
        ':one': 1,
        ':now': now.toISOString(),
        ':nowEpoch': epochSeconds(now),
      },
      returnOld: true,
    });
    if (!ok || !old) return null;
    const before = fromItem(old);
    return {
      message: { ...before, state: 'leased', dueAt: until, leaseId: lease.id, leases: before.leases + 1 },
      expiredLease: before.state === 'leased',
    };
  }

  async markSent(ref: MessageRef, leaseId: string, at: Date, mailMessageId: string, attempts: number): Promise<'marked' | 'already-sent' | 'gone'> {
    const { ok } = await this.update({
      ref,
      update: 'SET #state = :sent, sentAt = :at, mailMessageId = :mid, attempts = attempts + :n REMOVE GSI1PK, GSI1SK, leaseId',
      // The holder marks it; so may a sender whose lease ran out, as long as nobody else marked it.
      condition: 'attribute_exists(PK) AND (leaseId = :lease OR #state <> :sent)',
      values: { ':sent': 'sent', ':at': at.toISOString(), ':mid': mailMessageId, ':n': attempts, ':lease': leaseId },
    });
    if (ok) return 'marked';
    return (await this.read(ref)) ? 'already-sent' : 'gone';
  }

  async release(ref: MessageRef, leaseId: string, dueAt: Date, reason: string, attempts: number): Promise<boolean> {
    const due = dueAt.toISOString();
    const { ok } = await this.update({
      ref,
      update: 'SET #state = :pending, dueAt = :due, GSI1SK = :sk, reason = :reason, attempts = attempts + :n REMOVE leaseId',
      condition: 'leaseId = :lease',
      values: { ':pending': 'pending', ':due': due, ':sk': dueSortKey(ref, due), ':reason': reason, ':n': attempts, ':lease': leaseId },
    });
    return ok;
  }

  async end(ref: MessageRef, state: EndedState, reason: string, at: Date, held?: { leaseId: string; attempts: number }): Promise<boolean> {
    const { ok } = await this.update({
      ref,
      update: 'SET #state = :state, endedAt = :at, reason = :reason, attempts = attempts + :n REMOVE GSI1PK, GSI1SK, leaseId',
      condition: held ? 'leaseId = :lease' : 'attribute_exists(GSI1PK) AND dueAt <= :at',
      values: {
        ':state': state,
        ':at': at.toISOString(),
        ':reason': reason,
        ':n': held?.attempts ?? 0,
        ...(held ? { ':lease': held.leaseId } : {}),
      },
    });
    return ok;
  }

  async listDue(now: Date, limit = Infinity): Promise<OutboxMessage[]> {
    const items = await queryDueShards(this.ctx, GSI1, DUE_SHARDS, keys.outboxDueShard, now, limit);
    return items
      .filter((item) => !isExpired(item, now))
      .map(fromItem)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }
}
