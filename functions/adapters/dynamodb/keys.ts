/**
 * The single-table key design: the one place that knows how entities map to keys.
 * See functions/adapters/dynamodb/README.md for the access patterns these serve.
 */
import { createHash } from 'node:crypto';
import { phaseOf } from '../../domain/news-watch/poll-schedule.js';

export const PK = 'PK';
export const SK = 'SK';
export const GSI1 = { name: 'GSI1', pk: 'GSI1PK', sk: 'GSI1SK' } as const;
export const GSI2 = { name: 'GSI2', pk: 'GSI2PK', sk: 'GSI2SK' } as const;
/** Epoch seconds; DynamoDB TTL deletes the item some time after. Readers treat it as absent once past. */
export const TTL_ATTRIBUTE = 'ttl';

/** Hot "due" partitions are split so one hourly query never lands on one partition only. */
export const DUE_SHARDS = 8;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Email addresses never appear in keys or index values: only their hash does. */
export function emailHash(email: string): string {
  return sha256(email.trim().toLowerCase());
}

export function shardOf(id: string): number {
  return parseInt(sha256(id).slice(0, 8), 16) % DUE_SHARDS;
}

/**
 * The first part of every partition key, by what the partition holds. IAM's
 * `dynamodb:LeadingKeys` conditions (lib/table-access.ts) name these, so each function may touch
 * only the partitions its use cases need.
 */
export const PARTITION = {
  subscriber: 'SUB#',
  email: 'EMAIL#',
  apiToken: 'TOKEN#',
  ticket: 'TICKET#',
  source: 'SOURCE#',
  /** The hourly slot plans: batch leases of the feeds due (functions/adapters/dynamodb/poll-plans.ts). */
  pollSlot: 'POLLSLOT#',
  news: 'NEWS#',
  suppression: 'SUPPRESS#',
  rateWindow: 'RATE#',
  /** The one item GET /health reads (it never exists). */
  health: 'HEALTH',
} as const;
export type Partition = keyof typeof PARTITION;

const P = PARTITION;

export const keys = {
  subscriber: (subId: string) => ({ PK: `${P.subscriber}${subId}`, SK: 'PROFILE' }),
  subscriberPartition: (subId: string) => `${P.subscriber}${subId}`,
  /** Sparse index entry: only confirmed, mailable subscribers are listed for digests. */
  digestDue: (subId: string, nextDigestAt: string) => ({
    GSI1PK: `DIGEST#${shardOf(subId)}`,
    GSI1SK: `${nextDigestAt}#${subId}`,
  }),
  digestDueShard: (shard: number) => `DIGEST#${shard}`,
  emailLookup: (email: string) => ({ PK: `${P.email}${emailHash(email)}`, SK: 'EMAIL' }),
  apiToken: (tokenHash: string) => ({ PK: `${P.apiToken}${tokenHash}`, SK: 'TOKEN' }),
  /** The subscriber's own record of a token, so deleting the account finds every token. */
  apiTokenRef: (subId: string, tokenHash: string) => ({ PK: `${P.subscriber}${subId}`, SK: `APITOKEN#${tokenHash}` }),
  ticket: (ticketHash: string) => ({ PK: `${P.ticket}${ticketHash}`, SK: 'TICKET' }),
  company: (subId: string, companyId: string) => ({ PK: `${P.subscriber}${subId}`, SK: `COMPANY#${companyId}` }),
  /** Index entry on a watched company: "which subscribers watch company X". */
  companyWatchers: (companyKey: string, subId: string, companyId: string) => ({
    GSI2PK: `WATCH#${companyKey}`,
    GSI2SK: `SUB#${subId}#${companyId}`,
  }),
  companyWatchersPartition: (companyKey: string) => `WATCH#${companyKey}`,
  interview: (subId: string, interviewId: string) => ({ PK: `${P.subscriber}${subId}`, SK: `INTERVIEW#${interviewId}` }),
  source: (sourceId: string) => ({ PK: `${P.source}${sourceId}`, SK: 'STATE' }),
  sourceWatcher: (sourceId: string, subId: string, companyId: string) => ({
    PK: `${P.source}${sourceId}`,
    SK: `WATCHER#${subId}#${companyId}`,
  }),
  /** Sparse index entry of a new or failing source: listed from its next attempt on. */
  pollDue: (sourceId: string, nextAttemptAt: string) => ({
    GSI1PK: `POLL#${shardOf(sourceId)}`,
    GSI1SK: `${nextAttemptAt}#${sourceId}`,
  }),
  pollDueShard: (shard: number) => `POLL#${shard}`,
  /**
   * Index entry of a healthy source on its schedule: listed under its interval and phase, so the
   * sources due in an hour are found by (interval, hour mod interval) and the entry moves only when
   * the interval does — never after an unchanged poll. Not sharded: the entries are read once an
   * hour and written only when a feed's schedule or health changes (about once a feed a day).
   */
  pollEvery: (sourceId: string, intervalHours: number) => ({
    GSI1PK: keys.pollEveryPartition(intervalHours, phaseOf(sourceId, intervalHours)),
    GSI1SK: sourceId,
  }),
  pollEveryPartition: (intervalHours: number, phase: number) => `POLLEVERY#${intervalHours}#${phase}`,
  /** One hourly slot's batch leases for the scheduled sources. */
  pollSlot: (slot: string) => ({ PK: `${P.pollSlot}${slot}`, SK: 'PLAN' }),
  story: (companyKey: string, storyId: string) => ({ PK: `${P.news}${companyKey}`, SK: `STORY#${storyId}` }),
  /** Index entry on a story: a company's news in the order it was found. */
  storyByTime: (companyKey: string, firstSeenAt: string, storyId: string) => ({
    GSI1PK: `NEWS#${companyKey}`,
    GSI1SK: `${firstSeenAt}#${storyId}`,
  }),
  storyByTimePartition: (companyKey: string) => `NEWS#${companyKey}`,
  alertClaim: (subId: string, companyKey: string, storyId: string) => ({
    PK: `${P.subscriber}${subId}`,
    SK: `ALERT#${companyKey}#${storyId}`,
  }),
  /**
   * One message in the outbox, in its subscriber's partition (deleting the account deletes it):
   * `kind` and `key` make it unique — one digest per local date, one alert per story.
   */
  outboxMessage: (subId: string, kind: string, key: string) => ({ PK: `${P.subscriber}${subId}`, SK: `OUTBOX#${kind}#${key}` }),
  /**
   * Sparse index entry, only while the message is open (pending or leased): sorted by when it is
   * next due — a lease moves it to the lease's end, so an expired lease is due again by itself.
   */
  outboxDue: (subId: string, kind: string, key: string, dueAt: string) => ({
    GSI1PK: `OUTBOX#${shardOf(subId)}`,
    GSI1SK: `${dueAt}#${subId}#${kind}#${key}`,
  }),
  outboxDueShard: (shard: number) => `OUTBOX#${shard}`,
  storyFeedback: (subId: string, companyKey: string, storyId: string) => ({
    PK: `${P.subscriber}${subId}`,
    SK: `FEEDBACK#${companyKey}#${storyId}`,
  }),
  suppression: (email: string) => ({ PK: `${P.suppression}${emailHash(email)}`, SK: 'SUPPRESS' }),
  rateWindow: (scope: string, windowStart: string) => ({ PK: `${P.rateWindow}${scope}`, SK: windowStart }),
  /** The subscriber's quota counters (functions/app/quotas.ts): one item beside the profile. */
  quotas: (subId: string) => ({ PK: `${P.subscriber}${subId}`, SK: 'QUOTAS' }),
  health: () => ({ PK: P.health, SK: P.health }),
} as const;

/** The sort-key prefixes of what a subscriber owns inside their partition. */
export const SUBSCRIBER_SK_PREFIX = {
  company: 'COMPANY#',
  interview: 'INTERVIEW#',
  alert: 'ALERT#',
  outbox: 'OUTBOX#',
  feedback: 'FEEDBACK#',
  apiToken: 'APITOKEN#',
} as const;
