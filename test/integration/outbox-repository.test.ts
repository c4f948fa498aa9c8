/**
 * The outbox's storage on dynalite: one message per key, leases won by exactly one sender, an
 * expired lease due again by itself through the due index, and only the holder marking or
 * releasing — every step one conditional write. Plus the exact conditions the adapter sends.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoOutboxRepository } from '../../functions/adapters/dynamodb/outbox.js';
import type { MessageRef } from '../../functions/app/outbox/ports.js';
import { createTestStack, type TestStack } from '../support/stack.js';

const T0 = new Date('2026-11-30T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const lease = (untilSeconds: number) => ({ id: randomUUID(), until: at(untilSeconds) });

let stack: TestStack;
let ref: MessageRef;
beforeEach(async () => {
  stack = await createTestStack();
  ref = { subscriberId: `sub-${randomUUID().slice(0, 8)}`, kind: 'digest', key: '2026-11-30' };
  await stack.repos.outbox.record(ref.subscriberId, { kind: 'digest', localDate: '2026-11-30' }, T0);
});

const dueIds = async (now: Date) => (await stack.repos.outbox.listDue(now)).map((m) => m.subscriberId);

describe('the outbox table', () => {
  it('records a message once, pending and due at once', async () => {
    expect(await stack.repos.outbox.record(ref.subscriberId, { kind: 'digest', localDate: '2026-11-30' }, at(5))).toBe(false);
    expect(await stack.repos.outbox.get(ref, T0)).toMatchObject({ state: 'pending', dueAt: T0.toISOString(), createdAt: T0.toISOString(), leases: 0 });
    expect(await dueIds(T0)).toEqual([ref.subscriberId]);
    expect(await dueIds(at(-1))).toEqual([]);
  });

  it('records a message already leased to the sender that records it: out of the due list until the lease ends, then due by itself', async () => {
    const mine = { subscriberId: `sub-${randomUUID().slice(0, 8)}`, kind: 'alert' as const, key: 'acme#s1' };
    const held = lease(60);
    expect(await stack.repos.outbox.record(mine.subscriberId, { kind: 'alert', companyKey: 'acme', storyId: 's1', companyId: 'c1' }, T0, held)).toBe(true);
    expect(await stack.repos.outbox.get(mine, T0)).toMatchObject({ state: 'leased', leaseId: held.id, leases: 1, createdAt: T0.toISOString(), dueAt: at(60).toISOString() });
    expect(await dueIds(at(59))).not.toContain(mine.subscriberId);
    expect(await stack.repos.outbox.lease(mine, lease(120), at(30))).toBeNull();
    // Its holder marks it sent without having written a lease.
    expect(await stack.repos.outbox.markSent(mine, held.id, at(2), 'ses-1', 1)).toBe('marked');
    // Had it died instead, the message would have been due when the lease ran out.
    const other = { ...mine, key: 'acme#s2' };
    await stack.repos.outbox.record(other.subscriberId, { kind: 'alert', companyKey: 'acme', storyId: 's2', companyId: 'c1' }, T0, lease(60));
    expect(await dueIds(at(60))).toContain(other.subscriberId);
    expect(await stack.repos.outbox.lease(other, lease(120), at(61))).toMatchObject({ expiredLease: true, message: { leases: 2 } });
  });

  it('lets exactly one of 20 concurrent senders lease a message', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => stack.repos.outbox.lease(ref, lease(60), at(1))));
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ expiredLease: false, message: { state: 'leased', dueAt: at(60).toISOString(), leases: 1 } });
  });

  it('keeps a leased message out of the due list until its lease ends, then it is due again by itself', async () => {
    const first = await stack.repos.outbox.lease(ref, lease(60), at(1));
    expect(first).not.toBeNull();
    expect(await dueIds(at(59))).toEqual([]);
    expect(await stack.repos.outbox.lease(ref, lease(120), at(59))).toBeNull();
    // The holder died: nobody released anything, and yet it is due.
    expect(await dueIds(at(60))).toEqual([ref.subscriberId]);
    const second = await stack.repos.outbox.lease(ref, lease(120), at(61));
    expect(second).toMatchObject({ expiredLease: true, message: { leases: 2 } });
  });

  it('marks a message sent for its holder: out of the index, with the mail service\'s id', async () => {
    const held = lease(60);
    await stack.repos.outbox.lease(ref, held, at(1));
    expect(await stack.repos.outbox.markSent(ref, held.id, at(2), 'ses-123', 1)).toBe('marked');
    expect(await stack.repos.outbox.get(ref, T0)).toMatchObject({ state: 'sent', sentAt: at(2).toISOString(), mailMessageId: 'ses-123', attempts: 1 });
    expect(await dueIds(at(10_000))).toEqual([]);
    expect(await stack.repos.outbox.lease(ref, lease(20_000), at(10_000))).toBeNull();
  });

  it('says when another sender marked it first, and never recreates a deleted message', async () => {
    const slow = lease(60);
    await stack.repos.outbox.lease(ref, slow, at(1));
    const fast = lease(200);
    await stack.repos.outbox.lease(ref, fast, at(61));
    expect(await stack.repos.outbox.markSent(ref, fast.id, at(62), 'ses-fast', 1)).toBe('marked');
    expect(await stack.repos.outbox.markSent(ref, slow.id, at(63), 'ses-slow', 1)).toBe('already-sent');
    expect((await stack.repos.outbox.get(ref, T0))?.mailMessageId).toBe('ses-fast');

    const gone: MessageRef = { ...ref, subscriberId: 'deleted-meanwhile' };
    expect(await stack.repos.outbox.markSent(gone, 'x', at(64), 'ses-late', 1)).toBe('gone');
    expect(await stack.repos.outbox.get(gone, T0)).toBeNull();
  });

  it('lets only the holder give a message back, due when it says', async () => {
    const held = lease(60);
    await stack.repos.outbox.lease(ref, held, at(1));
    expect(await stack.repos.outbox.release(ref, 'someone-else', at(2), 'x', 1)).toBe(false);
    expect(await stack.repos.outbox.release(ref, held.id, at(2), 'SES TooManyRequestsException (429)', 4)).toBe(true);
    expect(await stack.repos.outbox.get(ref, T0)).toMatchObject({ state: 'pending', dueAt: at(2).toISOString(), attempts: 4, reason: 'SES TooManyRequestsException (429)' });
    expect(await dueIds(at(2))).toEqual([ref.subscriberId]);
  });

  it('ends a message unsent: the holder may, and anyone while it is due and unheld', async () => {
    const held = lease(60);
    await stack.repos.outbox.lease(ref, held, at(1));
    expect(await stack.repos.outbox.end(ref, 'dropped', 'too late', at(2))).toBe(false);
    expect(await stack.repos.outbox.end(ref, 'refused', 'SES MessageRejected', at(2), { leaseId: held.id, attempts: 1 })).toBe(true);
    expect(await stack.repos.outbox.get(ref, T0)).toMatchObject({ state: 'refused', reason: 'SES MessageRejected', endedAt: at(2).toISOString() });
    expect(await dueIds(at(10_000))).toEqual([]);

    const other: MessageRef = { subscriberId: ref.subscriberId, kind: 'digest', key: '2026-11-29' };
    await stack.repos.outbox.record(other.subscriberId, { kind: 'digest', localDate: '2026-11-29' }, T0);
    expect(await stack.repos.outbox.end(other, 'dropped', 'its local day has passed', at(3))).toBe(true);
    expect((await stack.repos.outbox.get(other, T0))?.state).toBe('dropped');
  });

  it('treats an expired message as absent, so it can be recorded again', async () => {
    const old: MessageRef = { subscriberId: ref.subscriberId, kind: 'confirmation', key: 'r-old' };
    // Recorded long ago: past its retention (DynamoDB would delete it eventually; the local server never does).
    await stack.repos.outbox.record(old.subscriberId, { kind: 'confirmation', requestId: 'r-old' }, new Date('2020-01-01T00:00:00Z'));
    expect(await stack.repos.outbox.get(old, new Date())).toBeNull();
    expect((await stack.repos.outbox.listDue(new Date())).map((m) => m.key)).not.toContain('r-old');
    expect(await stack.repos.outbox.record(old.subscriberId, { kind: 'confirmation', requestId: 'r-old' }, new Date())).toBe(true);
  });

  it('lists due messages of every shard, oldest due first', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `many-${i}-${randomUUID().slice(0, 4)}`);
    for (const [i, id] of ids.entries()) await stack.repos.outbox.record(id, { kind: 'digest', localDate: '2026-11-30' }, at(-100 + i));
    const due = await stack.repos.outbox.listDue(at(0));
    expect(due.map((m) => m.subscriberId)).toEqual([...ids, ref.subscriberId]);
  });
});

describe('the conditions the outbox adapter sends', () => {
  function recordingRepository() {
    const sent: Array<UpdateCommand['input']> = [];
    const client = {
      send: async (command: { input: UpdateCommand['input'] }) => {
        sent.push(command.input);
        return { Attributes: undefined };
      },
    } as unknown as DynamoDBDocumentClient;
    return { repo: new DynamoOutboxRepository({ client, tableName: 't' }), sent };
  }

  it('leases only an open, due, unexpired message, and moves its index entry to the lease end', async () => {
    const { repo, sent } = recordingRepository();
    await repo.lease({ subscriberId: 's1', kind: 'digest', key: '2026-11-30' }, { id: 'L', until: at(60) }, at(0));
    expect(sent[0]).toMatchObject({
      Key: { PK: 'SUB#s1', SK: 'OUTBOX#digest#2026-11-30' },
      ConditionExpression: 'attribute_exists(GSI1PK) AND dueAt <= :now AND #ttl > :nowEpoch',
      UpdateExpression: 'SET #state = :leased, dueAt = :until, GSI1SK = :sk, leaseId = :lease, leases = leases + :one',
      ExpressionAttributeValues: expect.objectContaining({ ':sk': `${at(60).toISOString()}#s1#digest#2026-11-30`, ':now': at(0).toISOString() }),
      ReturnValues: 'ALL_OLD',
    });
  });

  it('marks sent for the holder, or for anyone while nobody else has, and takes it out of the index', async () => {
    const { repo, sent } = recordingRepository();
    await repo.markSent({ subscriberId: 's1', kind: 'digest', key: '2026-11-30' }, 'L', at(1), 'ses-1', 1);
    expect(sent[0]).toMatchObject({
      ConditionExpression: 'attribute_exists(PK) AND (leaseId = :lease OR #state <> :sent)',
      UpdateExpression: expect.stringContaining('REMOVE GSI1PK, GSI1SK, leaseId'),
    });
  });
});
