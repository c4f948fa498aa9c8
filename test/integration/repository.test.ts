/**
 * The single-table repositories against a real DynamoDB-compatible server (dynalite):
 * every access pattern, the conditional claims under concurrency, and validation on read.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { CorruptItemError } from '../../functions/app/errors.js';
import type { WatchedCompany } from '../../functions/domain/company.js';
import type { StoredInterview } from '../../functions/domain/interview.js';
import type { Story } from '../../functions/domain/news.js';
import type { Subscriber } from '../../functions/domain/subscriber.js';
import { createTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});

const NOW = new Date('2026-11-25T12:00:00Z');

function subscriber(id: string, overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    id,
    email: `${id}@example.test`,
    status: 'confirmed',
    timeZone: 'Europe/Paris',
    digestHour: 8,
    alerts: 'instant',
    dailyEvenIfEmpty: false,
    createdAt: NOW.toISOString(),
    nextDigestAt: '2026-11-26T07:00:00.000Z',
    tokenHashes: [],
    ...overrides,
  };
}

function company(subscriberId: string, id: string, name: string): WatchedCompany {
  return {
    id,
    subscriberId,
    key: name.toLowerCase().replace(/\W+/g, '-'),
    name,
    aliases: [],
    exclude: [],
    feeds: [],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    sourceIds: [],
  };
}

function interview(subscriberId: string, id: string, companyId: string): StoredInterview {
  return {
    id,
    subscriberId,
    companyId,
    company: 'Acme Robotics',
    role: 'Data Analyst',
    interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
    interviewedAt: '2026-11-02T15:00:00Z',
    decisionExpectedBy: '2026-11-30',
    contactPolicy: 'ok',
    lastEmployerChannel: 'email',
    timeZone: 'America/New_York',
    events: [{ type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' }],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

describe('subscribers', () => {
  it('creates a subscriber once per email address, case-insensitively', async () => {
    const first = await stack.repos.subscribers.createIfAbsent(subscriber('s-email-1', { email: 'Pat@Example.test' }));
    const second = await stack.repos.subscribers.createIfAbsent(subscriber('s-email-2', { email: 'pat@example.TEST' }));
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, subscriber: { id: 's-email-1' } });
    expect((await stack.repos.subscribers.findByEmail('PAT@example.test'))?.id).toBe('s-email-1');
    expect(await stack.repos.subscribers.get('s-email-2')).toBeNull();
  });

  it('lists only confirmed subscribers whose digest instant has come, across shards', async () => {
    const due = ['due-a', 'due-b', 'due-c', 'due-d', 'due-e', 'due-f', 'due-g', 'due-h', 'due-i'];
    for (const id of due) await stack.repos.subscribers.save(subscriber(id, { nextDigestAt: '2026-11-25T11:00:00.000Z' }));
    await stack.repos.subscribers.save(subscriber('later', { nextDigestAt: '2026-11-25T13:00:00.000Z' }));
    await stack.repos.subscribers.save(subscriber('pending', { status: 'pending', nextDigestAt: '2026-11-25T11:00:00.000Z' }));
    await stack.repos.subscribers.save(subscriber('gone', { status: 'unsubscribed', nextDigestAt: '2026-11-25T11:00:00.000Z' }));
    const listed = (await stack.repos.subscribers.listDueForDigest(NOW)).map((s) => s.id);
    expect(listed).toEqual(expect.arrayContaining(due));
    expect(listed).not.toContain('later');
    expect(listed).not.toContain('pending');
    expect(listed).not.toContain('gone');
  });

  it('moves a subscriber out of the digest index when the next instant moves on', async () => {
    await stack.repos.subscribers.save(subscriber('moving', { nextDigestAt: '2026-11-25T10:00:00.000Z' }));
    await stack.repos.subscribers.updateSettings('moving', { nextDigestAt: '2026-11-26T10:00:00.000Z' });
    const listed = (await stack.repos.subscribers.listDueForDigest(NOW)).map((s) => s.id);
    expect(listed).not.toContain('moving');
  });

  it('finds a subscriber by API token hash and deletes everything that is theirs', async () => {
    const sub = subscriber('to-delete');
    await stack.repos.subscribers.createIfAbsent(sub);
    await stack.repos.subscribers.addApiToken(sub.id, 'hash-1', NOW);
    await stack.repos.companies.put(company(sub.id, 'c1', 'Acme'));
    await stack.repos.interviews.put(interview(sub.id, 'i1', 'c1'));
    await stack.repos.outbox.record(sub.id, { kind: 'digest', localDate: '2026-11-25' }, NOW);
    expect(await stack.repos.subscribers.findIdByApiToken('hash-1')).toBe(sub.id);
    // profile, company, interview, the day's digest in the outbox and the subscriber's record of the token
    expect((await stack.repos.subscribers.exportAll(sub.id)).length).toBe(5);

    await stack.repos.subscribers.deleteAll(sub.id);
    expect(await stack.repos.subscribers.exportAll(sub.id)).toEqual([]);
    // Its pending digest left the outbox's due index with it.
    expect((await stack.repos.outbox.listDue(NOW)).filter((m) => m.subscriberId === sub.id)).toEqual([]);
    expect(await stack.repos.subscribers.findIdByApiToken('hash-1')).toBeNull();
    expect(await stack.repos.subscribers.findByEmail(sub.email)).toBeNull();
    expect(await stack.repos.companies.listWatchers('acme')).toEqual([]);
  });
});

describe('profile writes from an older read', () => {
  it('leave the token list, the sign-out cut-off and the calendar key version as their own updates set them', async () => {
    const id = 'stale-writer';
    await stack.repos.subscribers.createIfAbsent(subscriber(id, { email: 'stale@example.test' }));
    const stale = (await stack.repos.subscribers.get(id))!;
    await stack.repos.subscribers.addApiToken(id, 'hash-1', NOW);
    await stack.repos.subscribers.endSessionsBefore(id, NOW);
    await stack.repos.subscribers.renewCalendarKey(id);
    // A settings change and an unsubscribe, each from a read made before those updates.
    await stack.repos.subscribers.save({ ...stale, status: 'unsubscribed' });
    await stack.repos.subscribers.updateSettings(id, { digestHour: 6 });
    const after = (await stack.repos.subscribers.get(id))!;
    expect(after).toMatchObject({ status: 'unsubscribed', digestHour: 6, tokenHashes: ['hash-1'], sessionsValidFrom: NOW.toISOString(), calendarKeyVersion: 1 });
  });
});

describe('companies and interviews', () => {
  it('answers "which subscribers watch company X" from the index', async () => {
    await stack.repos.companies.put(company('w1', 'c1', 'Globex'));
    await stack.repos.companies.put(company('w2', 'c9', 'Globex'));
    await stack.repos.companies.put(company('w3', 'c1', 'Initech'));
    const watchers = await stack.repos.companies.listWatchers('globex');
    expect(watchers.map((w) => w.subscriberId).sort()).toEqual(['w1', 'w2']);
    expect(await stack.repos.companies.delete('w2', 'c9')).toBe(true);
    expect(await stack.repos.companies.delete('w2', 'c9')).toBe(false);
    expect((await stack.repos.companies.listWatchers('globex')).map((w) => w.subscriberId)).toEqual(['w1']);
  });

  it('keeps one subscriber\'s interviews apart from another\'s', async () => {
    await stack.repos.interviews.put(interview('owner', 'i1', 'c1'));
    expect(await stack.repos.interviews.get('intruder', 'i1')).toBeNull();
    expect((await stack.repos.interviews.list('owner')).map((i) => i.id)).toEqual(['i1']);
  });

  it('gives one congratulations slot per interview per 14 days, whoever races for it', async () => {
    await stack.repos.interviews.put(interview('slots', 'i1', 'c1'));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => stack.repos.interviews.claimCongratsSlot('slots', 'i1', NOW, 14)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const tenDaysLater = new Date(NOW.getTime() + 10 * 86_400_000);
    expect(await stack.repos.interviews.claimCongratsSlot('slots', 'i1', tenDaysLater, 14)).toBe(false);
    const fifteenDaysLater = new Date(NOW.getTime() + 15 * 86_400_000);
    expect(await stack.repos.interviews.claimCongratsSlot('slots', 'i1', fifteenDaysLater, 14)).toBe(true);
  });

  it('gives an alert’s slot to one story, whoever races; the same story may take it again (its alert sent again after a crash)', async () => {
    await stack.repos.interviews.put(interview('story-slots', 'i1', 'c1'));
    const cutoff = (at: Date) => new Date(at.getTime() - 14 * 86_400_000);
    const take = (story: string, at: Date) => stack.repos.interviews.claimCongratsSlot('story-slots', 'i1', at, 14, { storyKey: story, freeIfBefore: cutoff(at) });
    const results = await Promise.all(['acme#a', 'acme#b', 'acme#c', 'acme#a', 'acme#b'].map((story) => take(story, NOW)));
    const winner = ['acme#a', 'acme#b', 'acme#c', 'acme#a', 'acme#b'].filter((_, i) => results[i])[0]!;
    expect(new Set(['acme#a', 'acme#b', 'acme#c', 'acme#a', 'acme#b'].filter((_, i) => results[i]))).toEqual(new Set([winner]));
    const anHourLater = new Date(NOW.getTime() + 3_600_000);
    expect(await take(winner, anHourLater)).toBe(true);
    expect(await take(winner === 'acme#c' ? 'acme#a' : 'acme#c', anHourLater)).toBe(false);
    expect(await stack.repos.interviews.get('story-slots', 'i1')).toMatchObject({ lastCongratsStoryKey: winner, lastCongratsSuggestedAt: anHourLater.toISOString() });
    // The digest's suggestion (no story) takes a free slot and leaves no story on it.
    const later = new Date(NOW.getTime() + 15 * 86_400_000);
    expect(await stack.repos.interviews.claimCongratsSlot('story-slots', 'i1', later, 14)).toBe(true);
    expect((await stack.repos.interviews.get('story-slots', 'i1'))?.lastCongratsStoryKey).toBeUndefined();
  });

  it('gives the moved-on notice once', async () => {
    await stack.repos.interviews.put(interview('notice', 'i1', 'c1'));
    expect(await stack.repos.interviews.markMovedOnNotice('notice', 'i1', NOW)).toBe(true);
    expect(await stack.repos.interviews.markMovedOnNotice('notice', 'i1', NOW)).toBe(false);
    expect(await stack.repos.interviews.markMovedOnNotice('notice', 'missing', NOW)).toBe(false);
  });
});

describe('exactly-once claims', () => {
  it('records one digest per subscriber and local day in the outbox, however many record it at once', async () => {
    const digest = (localDate: string) => ({ kind: 'digest' as const, localDate });
    const results = await Promise.all(Array.from({ length: 20 }, () => stack.repos.outbox.record('claimer', digest('2026-11-25'), NOW)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await stack.repos.outbox.get({ subscriberId: 'claimer', kind: 'digest', key: '2026-11-25' }, NOW))?.state).toBe('pending');
    expect(await stack.repos.outbox.record('claimer', digest('2026-11-26'), NOW)).toBe(true);
  });

  it('lets exactly one of 20 concurrent alert claims win for a subscriber and story', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => stack.repos.claims.claimAlert('alerted', 'acme', 'story-1', NOW)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await stack.repos.claims.claimAlert('other', 'acme', 'story-1', NOW)).toBe(true);
  });
});

describe('feed sources', () => {
  const source = { id: 'src-1', url: 'https://news.example/rss?q=acme', kind: 'news-search' as const, companyKey: 'acme', companyName: 'Acme' };

  it('creates a source once and lists it for polling when due', async () => {
    const created = await stack.repos.sources.upsertWatched(source, NOW);
    await stack.repos.sources.save({ ...created, etag: '"v1"', nextAttemptAt: '2026-11-25T13:00:00.000Z' });
    const again = await stack.repos.sources.upsertWatched(source, NOW);
    expect(again.etag).toBe('"v1"');
    expect((await stack.repos.sources.listDue(NOW)).map((s) => s.id)).not.toContain('src-1');
    const later = new Date('2026-11-25T13:00:00.000Z');
    expect((await stack.repos.sources.listDue(later)).map((s) => s.id)).toContain('src-1');
  });

  it('stops polling a source nobody watches, and revives it when someone does', async () => {
    const s = { ...source, id: 'src-2' };
    await stack.repos.sources.upsertWatched(s, NOW);
    await stack.repos.sources.addWatcher('src-2', 'sub-a', 'c1');
    await stack.repos.sources.addWatcher('src-2', 'sub-b', 'c1');
    expect(await stack.repos.sources.countWatchers('src-2')).toBe(2);
    await stack.repos.sources.removeWatcher('src-2', 'sub-a', 'c1');
    expect((await stack.repos.sources.get('src-2'))?.disabled).toBe(false);
    await stack.repos.sources.removeWatcher('src-2', 'sub-b', 'c1');
    expect((await stack.repos.sources.get('src-2'))?.disabled).toBe(true);
    expect((await stack.repos.sources.listDue(NOW)).map((x) => x.id)).not.toContain('src-2');
    await stack.repos.sources.upsertWatched(s, NOW);
    expect((await stack.repos.sources.listDue(NOW)).map((x) => x.id)).toContain('src-2');
  });

  it('never revives a source that answered 410 Gone', async () => {
    const s = { ...source, id: 'src-gone' };
    const created = await stack.repos.sources.upsertWatched(s, NOW);
    await stack.repos.sources.save({ ...created, disabled: true, disabledReason: 'gone (410)' });
    expect((await stack.repos.sources.upsertWatched(s, NOW)).disabled).toBe(true);
  });
});

describe('news stories', () => {
  const story = (id: string, firstSeenAt: string): Story => ({
    companyKey: 'acme',
    id,
    title: `Acme story ${id}`,
    link: `https://news.example/${id}`,
    publisher: 'Example News',
    publishedAt: firstSeenAt,
    summary: null,
    firstSeenAt,
    normalizedTitle: `acme story ${id}`,
    sourceIds: ['src-1'],
  });

  it('stores a story once and lists a company\'s recent stories newest first', async () => {
    expect(await stack.repos.news.putIfNew(story('a', '2026-11-24T08:00:00.000Z'))).toBe(true);
    expect(await stack.repos.news.putIfNew(story('a', '2026-11-24T08:00:00.000Z'))).toBe(false);
    await stack.repos.news.putIfNew(story('b', '2026-11-25T08:00:00.000Z'));
    await stack.repos.news.putIfNew(story('old', '2026-11-01T08:00:00.000Z'));
    const recent = await stack.repos.news.listSince('acme', new Date('2026-11-24T00:00:00Z'));
    expect(recent.map((s) => s.id)).toEqual(['b', 'a']);
  });
});

describe('tickets, rate limits, suppression, quotas', () => {
  it('consumes a ticket once and never after it expires', async () => {
    const ticket = { purpose: 'confirm', subscriberId: 's1', createdAt: NOW.toISOString(), expiresAt: '2026-11-25T13:00:00.000Z' };
    await stack.repos.tickets.create('t-1', ticket);
    await stack.repos.tickets.create('t-2', ticket);
    expect(await stack.repos.tickets.peek('t-1', NOW)).toMatchObject({ purpose: 'confirm' });
    const consumed = await Promise.all(Array.from({ length: 10 }, () => stack.repos.tickets.consume('t-1', NOW)));
    expect(consumed.filter(Boolean)).toHaveLength(1);
    expect(await stack.repos.tickets.peek('t-1', NOW)).toBeNull();
    const late = new Date('2026-11-25T13:00:01Z');
    expect(await stack.repos.tickets.peek('t-2', late)).toBeNull();
    expect(await stack.repos.tickets.consume('t-2', late)).toBeNull();
  });

  it('counts hits per window', async () => {
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await stack.repos.rateLimiter.hit('mail:x', 3, 3600, NOW));
    expect(hits).toEqual([true, true, true, false]);
    expect(await stack.repos.rateLimiter.hit('mail:x', 3, 3600, new Date(NOW.getTime() + 3600_000))).toBe(true);
  });

  it('suppresses an address whatever its case', async () => {
    await stack.repos.suppressions.suppress('Bounce@Example.test', 'hard bounce', NOW);
    expect(await stack.repos.suppressions.isSuppressed('bounce@example.test')).toBe(true);
    expect(await stack.repos.suppressions.isSuppressed('other@example.test')).toBe(false);
  });

  it('hands out quota units up to the limit, and no more, to many requests at once', async () => {
    expect(await stack.repos.quotas.take('q1', 'companies', 5, NOW)).toEqual({ taken: false, counted: null, lastTakenAt: null });
    await Promise.all([stack.repos.quotas.start('q1', 'companies', 2), stack.repos.quotas.start('q1', 'companies', 9)]);
    const counted = await stack.repos.quotas.take('q1', 'companies', 100, NOW);
    expect(counted.taken).toBe(true);
    // Whichever start came first set the count; the other changed nothing.
    const again = await stack.repos.quotas.take('q1', 'companies', 0, NOW);
    expect(again.taken === false && [3, 10].includes(again.counted ?? -1)).toBe(true);

    await stack.repos.quotas.start('q2', 'interviews', 0);
    const results = await Promise.all(Array.from({ length: 12 }, () => stack.repos.quotas.take('q2', 'interviews', 5, NOW)));
    expect(results.filter((r) => r.taken)).toHaveLength(5);
    expect(await stack.repos.quotas.take('q2', 'interviews', 5, NOW)).toEqual({ taken: false, counted: 5, lastTakenAt: NOW.toISOString() });
  });

  it('gives quota units back, never below zero, and corrects a count only from the value read', async () => {
    await stack.repos.quotas.start('q3', 'companies', 1);
    await Promise.all(Array.from({ length: 3 }, () => stack.repos.quotas.giveBack('q3', 'companies')));
    expect(await stack.repos.quotas.take('q3', 'companies', 0, NOW)).toEqual({ taken: false, counted: 0, lastTakenAt: null });
    await stack.repos.quotas.start('q4', 'companies', 7);
    expect(await stack.repos.quotas.correct('q4', 'companies', 6, 2)).toBe(false);
    expect(await stack.repos.quotas.correct('q4', 'companies', 7, 2)).toBe(true);
    expect(await stack.repos.quotas.take('q4', 'companies', 2, NOW)).toEqual({ taken: false, counted: 2, lastTakenAt: null });
  });
});

describe('validation on read', () => {
  it('rejects a malformed subscriber instead of passing it on', async () => {
    await stack.client.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: { ...keys.subscriber('broken'), id: 'broken', email: 'b@example.test', status: 'maybe', digestHour: 30 },
      }),
    );
    await expect(stack.repos.subscribers.get('broken')).rejects.toBeInstanceOf(CorruptItemError);
    await expect(stack.repos.subscribers.get('broken')).rejects.toThrow(/status|digestHour/);
  });

  it('rejects an interview whose events are not events', async () => {
    await stack.client.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: { ...interview('bad-iv', 'i1', 'c1'), ...keys.interview('bad-iv', 'i1'), events: [{ type: 'party', at: 'yesterday' }] },
      }),
    );
    await expect(stack.repos.interviews.list('bad-iv')).rejects.toBeInstanceOf(CorruptItemError);
  });

  it('stores no email address in any key', async () => {
    const res = await stack.client.send(
      new QueryCommand({
        TableName: stack.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.emailLookup('pat@example.test').PK },
      }),
    );
    expect(res.Items?.[0]?.PK).toMatch(/^EMAIL#[0-9a-f]{64}$/);
  });
});
