/**
 * Pure mappers between the product's records and table items. Items read back are validated:
 * a malformed item raises CorruptItemError instead of leaking into the domain.
 */
import { z } from 'zod';
import { CorruptItemError, describeIssues } from '../../app/errors.js';
import type { WatchedCompany } from '../../domain/company.js';
import type { FeedSource } from '../../domain/feed-source.js';
import { Interview, type StoredInterview } from '../../domain/interview.js';
import { Classification, type Story } from '../../domain/news.js';
import { pollLane } from '../../domain/news-watch/poll-schedule.js';
import { AlertMode, SubscriberStatus, type Subscriber } from '../../domain/subscriber.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';
import { DAY_MS, DAY_SECONDS } from '../../domain/durations.js';
import type { SlotPlan } from '../../app/ports.js';

export type Item = Record<string, unknown>;

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity', TTL_ATTRIBUTE] as const;

function parseItem<T>(schema: z.ZodType<T>, entity: string, item: Item): T {
  const body = { ...item };
  for (const k of KEY_ATTRIBUTES) delete body[k];
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new CorruptItemError(entity, `${String(item.PK)}/${String(item.SK)}`, describeIssues(parsed.error.issues));
  }
  return parsed.data;
}

/** Expired items may linger until DynamoDB's TTL sweep (and forever locally): treat them as absent. */
export function isExpired(item: Item, now: Date): boolean {
  const exp = item[TTL_ATTRIBUTE];
  return typeof exp === 'number' && exp * 1000 <= now.getTime();
}

export function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

// ── subscriber ────────────────────────────────────────────────────────────────
const SubscriberItem = z.object({
  id: z.string().min(1),
  email: z.string().min(3),
  status: SubscriberStatus,
  timeZone: z.string().min(1),
  digestHour: z.number().int().min(0).max(23),
  alerts: AlertMode,
  dailyEvenIfEmpty: z.boolean(),
  createdAt: z.string(),
  confirmedAt: z.string().optional(),
  nextDigestAt: z.string().optional(),
  tokenHashes: z.array(z.string()).default([]),
  calendarKeyVersion: z.number().int().min(0).optional(),
  sessionsValidFrom: z.string().optional(),
});

export function subscriberToItem(s: Subscriber): Item {
  const listed = s.status === 'confirmed' && s.nextDigestAt;
  return {
    ...keys.subscriber(s.id),
    ...(listed ? keys.digestDue(s.id, s.nextDigestAt!) : {}),
    entity: 'subscriber',
    ...s,
  };
}
export const subscriberFromItem = (item: Item): Subscriber => parseItem(SubscriberItem, 'subscriber', item);

// ── watched company ───────────────────────────────────────────────────────────
const CompanyItem = z.object({
  id: z.string().min(1),
  subscriberId: z.string().min(1),
  key: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  exclude: z.array(z.string()),
  feeds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  sourceIds: z.array(z.string()).default([]),
});

export function companyToItem(c: WatchedCompany): Item {
  return {
    ...keys.company(c.subscriberId, c.id),
    ...keys.companyWatchers(c.key, c.subscriberId, c.id),
    entity: 'company',
    ...c,
  };
}
export const companyFromItem = (item: Item): WatchedCompany => parseItem(CompanyItem, 'company', item);

// ── interview ─────────────────────────────────────────────────────────────────
const InterviewItem = Interview.extend({
  id: z.string().min(1),
  subscriberId: z.string().min(1),
  companyId: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  movedOnNoticeAt: z.string().optional(),
  lastCongratsSuggestedAt: z.string().optional(),
  lastCongratsStoryKey: z.string().optional(),
}).strict();

export function interviewToItem(i: StoredInterview): Item {
  return { ...keys.interview(i.subscriberId, i.id), entity: 'interview', ...i };
}
export const interviewFromItem = (item: Item): StoredInterview => parseItem(InterviewItem, 'interview', item);

// ── feed source ───────────────────────────────────────────────────────────────
const SourceItem = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  kind: z.enum(['news-search', 'custom', 'news-search-fallback']),
  companyKey: z.string().min(1),
  companyName: z.string().min(1),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  consecutiveFailures: z.number().int().min(0),
  lastError: z.string().optional(),
  lastStatus: z.number().int().optional(),
  checkedAt: z.string().optional(),
  nextAttemptAt: z.string(),
  disabled: z.boolean(),
  disabledReason: z.string().optional(),
  intervalHours: z.number().int().min(1).optional(),
  newestItemAt: z.string().optional(),
  itemsPerWeek: z.number().int().min(0).optional(),
  contentHash: z.string().optional(),
  lastReadAt: z.string().optional(),
  lastChangedAt: z.string().optional(),
  lastNewStoryAt: z.string().optional(),
  failingSince: z.string().optional(),
  fallbackFor: z.string().optional(),
  fallbackInUse: z.string().optional(),
});

/** Where a source is listed for polling: by schedule while healthy, by next attempt otherwise, nowhere once disabled. */
function pollIndexOf(s: FeedSource): Item {
  if (s.disabled) return {};
  return pollLane(s) === 'scheduled' ? keys.pollEvery(s.id, s.intervalHours!) : keys.pollDue(s.id, s.nextAttemptAt);
}

export function sourceToItem(s: FeedSource): Item {
  return {
    ...keys.source(s.id),
    ...pollIndexOf(s),
    entity: 'source',
    ...s,
  };
}
export const sourceFromItem = (item: Item): FeedSource => parseItem(SourceItem, 'source', item);

// ── story ─────────────────────────────────────────────────────────────────────
/** One source's copy, kept on the story item (a story has at most one per source, a few at most). */
const StoryCopyItem = z.object({
  sourceId: z.string().min(1),
  title: z.string(),
  link: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable(),
  summary: z.string().nullable(),
  classification: Classification.optional(),
});

/** The story's own fields are its earliest copy's, plus what makes it one story. */
const StoryItem = StoryCopyItem.omit({ sourceId: true }).extend({
  companyKey: z.string().min(1),
  id: z.string().min(1),
  firstSeenAt: z.string(),
  normalizedTitle: z.string(),
  sourceIds: z.array(z.string()),
  // Absent on stories stored before copies were kept (their own fields are then every source's copy).
  copies: z.array(StoryCopyItem).optional(),
});

/** Stories are kept for 60 days: long enough for dedupe windows and digests, bounded in size. */
export const STORY_RETENTION_DAYS = 60;

/** A story's only copy that says what the story says: read back from the story's own fields, not stored twice. */
function copiesToStore(s: Story): Story['copies'] {
  if (!s.copies || s.copies.length !== 1) return s.copies;
  const [copy] = s.copies;
  const same =
    s.sourceIds.length === 1 &&
    copy!.sourceId === s.sourceIds[0] &&
    copy!.title === s.title &&
    copy!.link === s.link &&
    copy!.publisher === s.publisher &&
    copy!.publishedAt === s.publishedAt &&
    copy!.summary === s.summary &&
    JSON.stringify(copy!.classification) === JSON.stringify(s.classification);
  return same ? undefined : s.copies;
}

export function storyToItem(s: Story): Item {
  const expires = new Date(Date.parse(s.firstSeenAt) + STORY_RETENTION_DAYS * DAY_MS);
  const { copies: _copies, ...story } = s;
  const copies = copiesToStore(s);
  return {
    ...keys.story(s.companyKey, s.id),
    ...keys.storyByTime(s.companyKey, s.firstSeenAt, s.id),
    entity: 'story',
    [TTL_ATTRIBUTE]: epochSeconds(expires),
    ...story,
    ...(copies ? { copies } : {}),
  };
}
export const storyFromItem = (item: Item): Story => parseItem(StoryItem, 'story', item);

// ── poll slot plan ────────────────────────────────────────────────────────────
const SlotPlanItem = z.object({ slot: z.string().min(1), batches: z.number().int().min(1) }).passthrough();

/** Slot plans matter for the hour they name, and for showing when a source was last read: kept a week. */
export const SLOT_PLAN_RETENTION_DAYS = 7;

/** Batch `i`'s lease end and done time are attributes `lease<i>` and `done<i>` (one conditional write takes several). */
export const leaseAttribute = (index: number) => `lease${index}`;
export const doneAttribute = (index: number) => `done${index}`;

export function slotPlanToItem(slot: string, batches: number, leased: { indexes: readonly number[]; until: Date } | null, now: Date): Item {
  const leases = leased ? Object.fromEntries(leased.indexes.map((i) => [leaseAttribute(i), leased.until.toISOString()])) : {};
  return {
    ...keys.pollSlot(slot),
    entity: 'poll-plan',
    slot,
    batches,
    createdAt: now.toISOString(),
    [TTL_ATTRIBUTE]: epochSeconds(now) + SLOT_PLAN_RETENTION_DAYS * DAY_SECONDS,
    ...leases,
  };
}

export function slotPlanFromItem(item: Item): SlotPlan {
  const { slot, batches } = parseItem(SlotPlanItem, 'poll-plan', item);
  const times = (attribute: (i: number) => string) =>
    Object.fromEntries(
      Array.from({ length: batches }, (_, i) => [i, item[attribute(i)]] as const).filter((e): e is readonly [number, string] => typeof e[1] === 'string'),
    );
  return { slot, batches, leases: times(leaseAttribute), done: times(doneAttribute) };
}
