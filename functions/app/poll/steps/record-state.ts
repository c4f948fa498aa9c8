/**
 * Step 11, record feed state: each source's health after this cycle (validators, failures,
 * backoff, next attempt — domain/news-watch/feed-health.ts), handed to the writer with the
 * company's stories so new validators are never saved before the items they cover.
 */
import { afterPoll, type PollOutcome } from '../../../domain/news-watch/feed-health.js';
import type { SourceRead } from './parse.js';
import type { FeedStateWrite } from './store.js';

export function feedStates(reads: readonly SourceRead[], now: Date, random: () => number): FeedStateWrite[] {
  return reads.map((read) => ({ state: afterPoll(read.source, read.outcome, now, random()), coversFetchedItems: read.outcome.kind === 'fetched' }));
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
