/**
 * Step 11, record feed state: each source's health and schedule after this cycle (validators,
 * failures, backoff, interval — domain/news-watch/feed-health.ts), handed to the writer with the
 * company's stories so new validators are never saved before the items they cover.
 *
 * A healthy feed on its schedule whose poll changed nothing (a 304, or the same items again)
 * writes nothing: when it is next due follows from its interval. A feed leased on its own (new,
 * failing) always writes, since its lease moved its next attempt.
 */
import { afterPoll, healthChanged, type PollObservation, type PollOutcome } from '../../../domain/news-watch/feed-health.js';
import { activityOf, pollLane } from '../../../domain/news-watch/poll-schedule.js';
import type { FeedSource } from '../../../domain/feed-source.js';
import type { SourceRead } from './parse.js';
import type { FeedStateWrite } from './store.js';

/** What the cycle learned beyond each read: which feeds brought new stories, and how fallbacks changed. */
export interface CycleObservations {
  /** Feeds (read ids) whose items became copies new to a story. */
  broughtNewStories?: ReadonlySet<string>;
  /** Changes to apply on top of the health rule (a fallback put in use or stood down). */
  adjust?: (after: FeedSource) => FeedSource;
}

/** Each source's state after the cycle, and whether it must be written. */
export function nextStates(reads: readonly SourceRead[], now: Date, random: () => number, seen: CycleObservations = {}): Array<FeedStateWrite & { changed: boolean }> {
  return reads.map((read) => {
    const observation: PollObservation = {
      ...(read.outcome.kind === 'fetched' ? { activity: activityOf(read.items, now) } : {}),
      broughtNewStories: seen.broughtNewStories?.has(read.source.id) ?? false,
    };
    const health = afterPoll(read.source, read.outcome, now, random(), observation);
    const state = seen.adjust ? seen.adjust(health) : health;
    const changed = pollLane(read.source) !== 'scheduled' || pollLane(state) !== 'scheduled' || healthChanged(read.source, state);
    return { state, coversFetchedItems: read.outcome.kind === 'fetched', changed };
  });
}

/** The states to write: those that changed. */
export function feedStates(reads: readonly SourceRead[], now: Date, random: () => number, seen: CycleObservations = {}): FeedStateWrite[] {
  return nextStates(reads, now, random, seen)
    .filter((s) => s.changed)
    .map(({ state, coversFetchedItems }) => ({ state, coversFetchedItems }));
}

/**
 * The states when the company's items could not be stored: a source that fetched items counts as
 * failed and keeps its old validators, so the next cycle fetches the same items again.
 */
export function statesAfterStoreFailure(reads: readonly SourceRead[], now: Date, random: () => number): FeedStateWrite[] {
  const failed: PollOutcome = { kind: 'failed', error: 'storing its items failed' };
  return feedStates(
    reads.map((read) => (read.outcome.kind === 'fetched' ? { ...read, outcome: failed } : read)),
    now,
    random,
  );
}
