/**
 * Step 3, fetch: one conditional GET per leased source (its stored ETag / Last-Modified), through
 * the cycle's fetch slots (bounded in total and per host). A fetch never throws: what went wrong
 * is the attempt's result, so one bad feed never stops the others.
 */
import type { FeedSource } from '../../../domain/feed-source.js';
import { AppError } from '../../errors.js';
import type { FetchResult } from '../../ports.js';
import type { PollCycle } from '../cycle.js';

/** What asking a feed produced: the fetcher's answer and how long it took, or why there was none. */
export type FetchAttempt =
  | { source: FeedSource; answered: FetchResult; answeredInMs: number }
  | { source: FeedSource; error: string; status?: number };

/** The host a feed is fetched from (per-host politeness). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

export async function fetchSource(cycle: Pick<PollCycle, 'deps' | 'limiter'>, source: FeedSource): Promise<FetchAttempt> {
  const { deps } = cycle;
  try {
    // Timed from when the request starts, not from when it waited for a slot.
    return await cycle.limiter.run(hostOf(source.url), async () => {
      const started = performance.now();
      const answered = await deps.fetchFeed(source.url, { validators: { etag: source.etag, lastModified: source.lastModified } });
      return { source, answered, answeredInMs: Math.round(performance.now() - started) };
    });
  } catch (err) {
    // The feed's health is shown to people: an unexpected error's own text stays in the log.
    const error = err instanceof AppError ? err.message : 'the feed could not be fetched because of an unexpected error; it will be tried again';
    deps.logger?.warn('feed fetch failed', { sourceId: source.id, companyKey: source.companyKey, error: err instanceof Error ? err.message : String(err) });
    return { source, error, status: (err as { status?: number }).status };
  }
}
