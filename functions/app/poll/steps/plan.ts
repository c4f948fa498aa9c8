/**
 * Step 1, plan: which sources are due now. Healthy sources are due in the hourly slots of their
 * schedule (domain/news-watch/poll-schedule.ts) — unless this slot already changed them, or they
 * were asked less than the minimum interval ago; new and failing sources are due at their next
 * attempt. A company's sources are polled together, so their items are deduplicated together.
 */
import { MINUTE_MS } from '../../../domain/durations.js';
import type { FeedSource } from '../../../domain/feed-source.js';
import { MIN_POLL_INTERVAL_MINUTES } from '../../../domain/news-watch/feed-health.js';
import { batchOf, pollLane, slotOf, slotStart } from '../../../domain/news-watch/poll-schedule.js';
import type { SourceRepository } from '../../ports.js';

/** What is due in a cycle. */
export interface DuePlan {
  /** The hourly slot the cycle runs in. */
  slot: number;
  /** Healthy sources due in the slot: leased by batch. */
  scheduled: FeedSource[];
  /** New and failing sources whose next attempt has come: leased one by one. */
  instant: FeedSource[];
}

/** A new or failing source whose next attempt has come (enabled). */
export function isDue(source: FeedSource, now: Date): boolean {
  return !source.disabled && pollLane(source) === 'instant' && Date.parse(source.nextAttemptAt) <= now.getTime();
}

/** A scheduled source that nothing in this slot (or the last minutes) has asked yet. */
export function notYetAsked(source: FeedSource, slot: number, now: Date): boolean {
  if (!source.checkedAt) return true;
  const checked = Date.parse(source.checkedAt);
  return checked < slotStart(slot).getTime() && now.getTime() - checked >= MIN_POLL_INTERVAL_MINUTES * MINUTE_MS;
}

export async function planDueSources(sources: Pick<SourceRepository, 'listDue' | 'listScheduled'>, now: Date): Promise<DuePlan> {
  const slot = slotOf(now);
  const [instant, scheduled] = await Promise.all([sources.listDue(now), sources.listScheduled(slot)]);
  return {
    slot,
    scheduled: scheduled.filter((s) => pollLane(s) === 'scheduled' && notYetAsked(s, slot, now)),
    instant: instant.filter((s) => isDue(s, now)),
  };
}

/** The sources grouped by company, in the order the companies first appear. */
export function groupByCompany(sources: readonly FeedSource[]): FeedSource[][] {
  const byCompany = new Map<string, FeedSource[]>();
  for (const source of sources) {
    const group = byCompany.get(source.companyKey);
    if (group) group.push(source);
    else byCompany.set(source.companyKey, [source]);
  }
  return [...byCompany.values()];
}

/** Scheduled sources by batch (a company's sources are always in the same one). */
export function byBatch(sources: readonly FeedSource[], batches: number): Map<number, FeedSource[]> {
  const grouped = new Map<number, FeedSource[]>();
  for (const source of sources) {
    const index = batchOf(source.companyKey, batches);
    const list = grouped.get(index);
    if (list) list.push(source);
    else grouped.set(index, [source]);
  }
  return grouped;
}
