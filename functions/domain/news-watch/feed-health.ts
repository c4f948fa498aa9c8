/**
 * Per-feed health (DESIGN.md §2 "Fetch like a good citizen"): a healthy feed follows its schedule
 * (./poll-schedule.ts: as often as it has new items), exponential backoff with jitter after
 * failures, Retry-After honoured, a pause after repeated failures (retried weekly, so a feed that
 * recovers comes back), and 410 Gone disables the feed.
 */
import type { FeedSource } from '../feed-source.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../durations.js';
import { nextDueSlot, pollIntervalHours, slotOf, slotStart, type FeedActivity } from './poll-schedule.js';

/** A feed is polled at most this often (the poll cycle runs hourly; a little slack keeps it due). */
export const MIN_POLL_INTERVAL_MINUTES = 55;
/** After this many failures in a row, a news search is stood in for by its fallback (./sources.ts). */
export const FALLBACK_AFTER_FAILURES = 2;
/** The first retry after a failure; it doubles with each further failure… */
export const BACKOFF_BASE_MINUTES = 60;
/** …up to this. */
export const BACKOFF_MAX_HOURS = 24;
/** After this many failures in a row the feed is paused: tried once a week until it answers again. */
export const PAUSE_AFTER_FAILURES = 8;
export const PAUSED_RETRY_DAYS = 7;
/** A Retry-After further out than this is treated as this. */
export const MAX_RETRY_AFTER_DAYS = 7;
/** ±20 % spreads retries of feeds that failed together (one host's outage) over time. */
export const JITTER = 0.2;
/**
 * A feed that takes this long to answer is unhealthy even when it answers: each slow answer counts
 * as a failure (what it served is kept), so a host that keeps answering slowly backs off like a
 * failing one and cannot hold the cycle's fetch slots every hour.
 */
export const SLOW_ANSWER_MS = 10_000;

/** How a poll of the feed went. */
export type PollOutcome =
  | { kind: 'fetched'; status: number; etag?: string; lastModified?: string; answeredInMs?: number }
  | { kind: 'not-modified'; etag?: string; lastModified?: string; answeredInMs?: number }
  | { kind: 'retry-later'; status: number; retryAfter: Date | null }
  | { kind: 'gone' }
  | { kind: 'failed'; error: string; status?: number };

/** The state shown to people: is this feed being read? */
export type FeedHealth = 'ok' | 'failing' | 'paused' | 'gone' | 'unwatched';

export function feedHealth(source: FeedSource): FeedHealth {
  if (source.disabled) return source.disabledReason === 'gone' ? 'gone' : 'unwatched';
  if (source.consecutiveFailures >= PAUSE_AFTER_FAILURES) return 'paused';
  return source.consecutiveFailures > 0 ? 'failing' : 'ok';
}

/** The wait before the next attempt after `failures` failures in a row, jittered by `random` ∈ [0,1). */
export function backoffMs(failures: number, random: number): number {
  if (failures >= PAUSE_AFTER_FAILURES) return PAUSED_RETRY_DAYS * DAY_MS;
  const base = Math.min(BACKOFF_BASE_MINUTES * MINUTE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_HOURS * HOUR_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

/** What else a poll saw: the items' activity (when it read them), and whether they held news new to this feed. */
export interface PollObservation {
  activity?: FeedActivity;
  broughtNewStories?: boolean;
}

/**
 * The feed's state after a poll. `random` (for the jitter) is passed in so the rule stays pure.
 */
export function afterPoll(source: FeedSource, outcome: PollOutcome, now: Date, random: number, observed: PollObservation = {}): FeedSource {
  const at = now.getTime();
  const checkedAt = now.toISOString();
  const next = (ms: number) => new Date(at + ms).toISOString();
  const failingSince = source.failingSince ?? checkedAt;
  const healthy = (validators: { etag?: string; lastModified?: string; answeredInMs?: number }, status: number): FeedSource => {
    const activity = outcome.kind === 'fetched' ? observed.activity : undefined;
    const answered: FeedSource = {
      ...source,
      etag: validators.etag,
      lastModified: validators.lastModified,
      lastStatus: status,
      checkedAt,
      lastReadAt: checkedAt,
      ...(activity
        ? {
            newestItemAt: activity.newestItemAt ?? source.newestItemAt,
            itemsPerWeek: activity.itemsPerWeek,
            contentHash: activity.contentHash,
            ...(activity.contentHash !== source.contentHash ? { lastChangedAt: checkedAt } : {}),
          }
        : {}),
      ...(observed.broughtNewStories ? { lastNewStoryAt: checkedAt } : {}),
    };
    if ((validators.answeredInMs ?? 0) >= SLOW_ANSWER_MS) {
      const failures = source.consecutiveFailures + 1;
      return {
        ...answered,
        consecutiveFailures: failures,
        lastError: `answered slowly (${Math.round(validators.answeredInMs! / 1000)} s)`,
        failingSince,
        nextAttemptAt: next(Math.max(backoffMs(failures, random), MIN_POLL_INTERVAL_MINUTES * MINUTE_MS)),
      };
    }
    const intervalHours = pollIntervalHours(answered, now);
    return {
      ...answered,
      consecutiveFailures: 0,
      lastError: undefined,
      failingSince: undefined,
      intervalHours,
      nextAttemptAt: slotStart(nextDueSlot(source.id, intervalHours, slotOf(now))).toISOString(),
    };
  };
  switch (outcome.kind) {
    case 'fetched':
      return healthy(outcome, outcome.status);
    case 'not-modified':
      // A 304 may omit the validators: keep the stored ones then.
      return healthy({ etag: outcome.etag ?? source.etag, lastModified: outcome.lastModified ?? source.lastModified, answeredInMs: outcome.answeredInMs }, 304);
    case 'gone':
      return { ...source, lastStatus: 410, checkedAt, lastError: 'the feed answered 410 Gone', disabled: true, disabledReason: 'gone' };
    case 'retry-later': {
      const failures = source.consecutiveFailures + 1;
      const asked = outcome.retryAfter ? Math.min(outcome.retryAfter.getTime() - at, MAX_RETRY_AFTER_DAYS * DAY_MS) : 0;
      return {
        ...source,
        consecutiveFailures: failures,
        lastStatus: outcome.status,
        lastError: `HTTP ${outcome.status}${outcome.retryAfter ? ` (Retry-After ${outcome.retryAfter.toISOString()})` : ''}`,
        failingSince,
        checkedAt,
        nextAttemptAt: next(Math.max(asked, backoffMs(failures, random), MIN_POLL_INTERVAL_MINUTES * MINUTE_MS)),
      };
    }
    case 'failed': {
      const failures = source.consecutiveFailures + 1;
      return {
        ...source,
        consecutiveFailures: failures,
        lastStatus: outcome.status,
        lastError: outcome.error.slice(0, 300),
        failingSince,
        checkedAt,
        nextAttemptAt: next(backoffMs(failures, random)),
      };
    }
  }
}

/** The fields whose change must be written; a poll that changes none of them writes nothing. */
const STORED_HEALTH: ReadonlyArray<keyof FeedSource> = [
  'etag', 'lastModified', 'consecutiveFailures', 'lastError', 'intervalHours', 'newestItemAt', 'itemsPerWeek',
  'contentHash', 'lastChangedAt', 'lastNewStoryAt', 'failingSince', 'disabled', 'disabledReason', 'fallbackInUse',
];

/** Whether a poll changed anything that must be stored (a healthy feed answering 304 usually did not). */
export function healthChanged(before: FeedSource, after: FeedSource): boolean {
  return STORED_HEALTH.some((field) => before[field] !== after[field]);
}
