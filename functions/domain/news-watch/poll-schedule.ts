/**
 * How often each feed is asked (DESIGN.md §2 "Fetch like a good citizen"), after Miniflux's
 * entry-frequency scheduler: a healthy feed's interval follows how often it has new items — every
 * hour while it publishes daily, up to QUIET_MAX_HOURS when it is quiet — and is never shorter than
 * the hourly cycle. Quiet means the newest story is days old: such a feed is asked at most every
 * other hour.
 *
 * A healthy feed is due in the hourly slots `h` with `h mod interval = phase`, the phase a hash of
 * the feed's id: feeds of one interval are spread evenly over it (deterministic jitter), and a
 * healthy feed's due hours follow from its interval alone, so an unchanged feed needs no write to
 * stay on schedule. New and failing feeds instead carry an explicit next attempt (asked at once;
 * backoff, Retry-After).
 */
import { createHash } from 'node:crypto';
import { DAY_MS, HOUR_MS } from '../durations.js';
import type { FeedSource } from '../feed-source.js';
import type { NewsItem } from '../news.js';

/** The intervals a healthy feed can have, in hours: each one's due hours are a fixed pattern. */
export const POLL_INTERVALS_HOURS = [1, 2, 3, 4, 6, 8, 12] as const;
/** A feed that listed something in the last day is active: asked every hour. */
export const ACTIVE_WITHIN_HOURS = 24;
/** The longest wait for a quiet feed ("several hours, never less than daily"). */
export const QUIET_MAX_HOURS = 12;
/** A quiet feed is asked at most this often. */
export const QUIET_MIN_HOURS = 2;
/** Polls per expected new item: asking twice as often as items come keeps the wait for one short. */
export const POLLS_PER_ITEM = 2;

const WEEK_HOURS = 168;

/** What a read of the feed showed about its activity. */
export interface FeedActivity {
  /** The newest item date listed (future dates beyond an hour are not trusted), or null. */
  newestItemAt: string | null;
  /** Items dated in the week before the read. */
  itemsPerWeek: number;
  /** A fingerprint of the items listed. */
  contentHash: string;
}

/** The activity a read shows, from the items it listed. */
export function activityOf(items: readonly NewsItem[], now: Date): FeedActivity {
  const at = now.getTime();
  let newest = -Infinity;
  let lastWeek = 0;
  for (const item of items) {
    const t = item.publishedAt ? Date.parse(item.publishedAt) : NaN;
    if (Number.isNaN(t) || t > at + HOUR_MS) continue;
    if (t > newest) newest = t;
    if (at - t <= 7 * DAY_MS) lastWeek++;
  }
  const hash = createHash('sha256');
  for (const item of items) hash.update(`${item.guid ?? item.link ?? item.title}\n`);
  return {
    newestItemAt: Number.isFinite(newest) ? new Date(newest).toISOString() : null,
    itemsPerWeek: lastWeek,
    contentHash: hash.digest('hex').slice(0, 16),
  };
}

/**
 * The interval for a feed with this activity: hourly while it listed something in the last day
 * (or, for a feed without dates, changed in the last day); otherwise about twice per expected
 * item (a week over its items per week, Miniflux's rule), between QUIET_MIN_HOURS and QUIET_MAX_HOURS.
 */
export function pollIntervalHours(activity: Pick<FeedSource, 'newestItemAt' | 'itemsPerWeek' | 'lastChangedAt'>, now: Date): number {
  const newest = activity.newestItemAt ?? activity.lastChangedAt;
  const ageHours = newest ? (now.getTime() - Date.parse(newest)) / HOUR_MS : Infinity;
  if (ageHours <= ACTIVE_WITHIN_HOURS) return 1;
  const hoursPerItem = WEEK_HOURS / Math.max(activity.itemsPerWeek ?? 0, 1);
  const wanted = Math.min(Math.max(hoursPerItem / POLLS_PER_ITEM, QUIET_MIN_HOURS), QUIET_MAX_HOURS);
  return [...POLL_INTERVALS_HOURS].reverse().find((h) => h <= wanted)!;
}

/** The hourly slot an instant falls in (hours since the epoch). */
export function slotOf(at: Date): number {
  return Math.floor(at.getTime() / HOUR_MS);
}

export function slotStart(slot: number): Date {
  return new Date(slot * HOUR_MS);
}

/** The slot's name, as stored: its first instant, to the hour ("2026-11-04T10"). */
export function slotName(slot: number): string {
  return slotStart(slot).toISOString().slice(0, 13);
}

/** The slot a name names, or null when it names none. */
export function slotFromName(name: string): number | null {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(name) ? Date.parse(`${name}:00:00.000Z`) : NaN;
  return Number.isNaN(at) ? null : slotOf(new Date(at));
}

function hashNumber(text: string): number {
  return parseInt(createHash('sha256').update(text).digest('hex').slice(0, 8), 16);
}

/** The feed's phase within its interval: which of the interval's hours it is asked in. */
export function phaseOf(sourceId: string, intervalHours: number): number {
  return hashNumber(sourceId) % intervalHours;
}

/** Whether a feed on this interval is due in the slot. */
export function dueInSlot(sourceId: string, intervalHours: number, slot: number): boolean {
  return slot % intervalHours === phaseOf(sourceId, intervalHours);
}

/** The first slot after `slot` in which the feed is due. */
export function nextDueSlot(sourceId: string, intervalHours: number, slot: number): number {
  const phase = phaseOf(sourceId, intervalHours);
  const ahead = (phase - ((slot + 1) % intervalHours) + intervalHours) % intervalHours;
  return slot + 1 + ahead;
}

/** Which lane a source is polled in: on its schedule (healthy), or at its next attempt (new, failing, waiting). */
export type PollLane = 'scheduled' | 'instant';

export function pollLane(source: Pick<FeedSource, 'disabled' | 'consecutiveFailures' | 'intervalHours'>): PollLane {
  return !source.disabled && source.consecutiveFailures === 0 && source.intervalHours !== undefined ? 'scheduled' : 'instant';
}

/** Which of a slot's batches a company's sources are in (a company's sources always travel together). */
export function batchOf(companyKey: string, batches: number): number {
  return hashNumber(companyKey) % Math.max(1, batches);
}

/** A slot's scheduled feeds are leased in batches of about this many. */
export const FEEDS_PER_BATCH = 50;

export function batchesFor(feeds: number): number {
  return Math.max(1, Math.ceil(feeds / FEEDS_PER_BATCH));
}
