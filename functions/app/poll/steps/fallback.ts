/**
 * A second news search while the first keeps failing (DESIGN.md §2: Google News is known to
 * throttle or block cloud addresses). When a company's news search fails FALLBACK_AFTER_FAILURES
 * times in a row (blocked, 429, 5xx, unreachable), its fallback — Bing News's RSS search for the
 * same query, a source of kind `news-search-fallback` — is put in use and read at once, in the
 * same cycle; from then on it is polled like any feed, its items counted as the primary's (same
 * watchers, same copies, deduplicated with everything else). The primary keeps being retried on
 * its backoff, and the first time it answers again the fallback stands down.
 */
import type { FeedSource } from '../../../domain/feed-source.js';
import { FALLBACK_AFTER_FAILURES } from '../../../domain/news-watch/feed-health.js';
import { pollLane } from '../../../domain/news-watch/poll-schedule.js';
import { fallbackSource } from '../../../domain/news-watch/sources.js';
import type { PollCycle } from '../cycle.js';
import { leaseSources } from './lease.js';
import type { SourceRead } from './parse.js';

const failed = (read: SourceRead) => read.outcome.kind === 'failed' || read.outcome.kind === 'retry-later';
const answered = (read: SourceRead) => read.outcome.kind === 'fetched' || read.outcome.kind === 'not-modified';

/** The news searches that have now failed often enough to need their fallback, and do not have it yet. */
export function needingFallback(reads: readonly SourceRead[]): FeedSource[] {
  return reads
    .filter((r) => r.source.kind === 'news-search' && !r.source.fallbackInUse && failed(r) && r.source.consecutiveFailures + 1 >= FALLBACK_AFTER_FAILURES)
    .map((r) => r.source);
}

/** The fallbacks to stand down: their news search answered again. */
export function recovered(reads: readonly SourceRead[]): Array<{ primary: string; fallback: string }> {
  return reads.filter((r) => r.source.fallbackInUse && answered(r)).map((r) => ({ primary: r.source.id, fallback: r.source.fallbackInUse! }));
}

export interface FallbackOutcome {
  /** Reads of fallbacks put in use now. */
  reads: SourceRead[];
  /** Primary id → fallback id put in use this cycle. */
  inUse: Map<string, string>;
}

/**
 * Puts in use the fallback of each news search that needs one (creating or reviving it), and
 * reads it now when it is free to be asked.
 */
export async function startFallbacks(
  cycle: Pick<PollCycle, 'deps' | 'now' | 'elapsedMs'>,
  reads: readonly SourceRead[],
  read: (source: FeedSource) => Promise<SourceRead>,
): Promise<FallbackOutcome> {
  const inUse = new Map<string, string>();
  const extra: SourceRead[] = [];
  for (const primary of needingFallback(reads)) {
    const spec = fallbackSource(primary, cycle.deps.config.fallbackNewsBaseUrl);
    if (!spec) continue;
    const state = await cycle.deps.repos.sources.upsertWatched(spec, cycle.now);
    if (state.disabled) continue;
    inUse.set(primary.id, state.id);
    cycle.deps.logger?.warn('news search keeps failing: using its fallback', { sourceId: primary.id, fallbackId: state.id, companyKey: primary.companyKey });
    const alreadyRead = reads.some((r) => r.source.id === state.id);
    if (alreadyRead || pollLane(state) !== 'instant' || Date.parse(state.nextAttemptAt) > cycle.now.getTime()) continue;
    const { leased } = await leaseSources(cycle, [state]);
    for (const source of leased) extra.push(await read(source));
  }
  return { reads: extra, inUse };
}

/** A fallback stood down: not polled until its news search needs it again. */
export function stoodDown(fallback: FeedSource): FeedSource {
  return { ...fallback, disabled: true, disabledReason: 'primary-recovered' };
}
