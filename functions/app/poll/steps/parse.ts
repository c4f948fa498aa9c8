/**
 * Step 4, parse: a fetched body becomes the feed's news items — only its newest FEED_MAX_ITEMS,
 * cut from the text before parsing, so a 20,000-item feed costs what a 200-item one does — and
 * every other answer becomes the outcome the feed's health is judged on (304, 410, 429/503,
 * failure). A body that is not a readable feed is a failure of that feed alone.
 */
import type { FeedSource } from '../../../domain/feed-source.js';
import { newestItems } from '../../../domain/feed/newest-items.js';
import { FeedParseError, parseFeed } from '../../../domain/feed/parse-feed.js';
import type { PollOutcome } from '../../../domain/news-watch/feed-health.js';
import type { NewsItem } from '../../../domain/news.js';
import type { Logger } from '../../ports.js';
import type { FetchAttempt } from './fetch.js';

/** One source after this cycle asked it: how it went, and the items it served. */
export interface SourceRead {
  source: FeedSource;
  outcome: PollOutcome;
  items: NewsItem[];
}

export async function readAttempt(attempt: FetchAttempt, logger?: Pick<Logger, 'warn' | 'info'>): Promise<SourceRead> {
  const { source } = attempt;
  if (!('answered' in attempt)) return { source, outcome: { kind: 'failed', error: attempt.error, status: attempt.status }, items: [] };
  const answer = attempt.answered;
  switch (answer.kind) {
    case 'not-modified':
      return { source, outcome: { kind: 'not-modified', etag: answer.etag, lastModified: answer.lastModified, answeredInMs: attempt.answeredInMs }, items: [] };
    case 'gone':
      logger?.warn('feed is gone (410): disabling it', { sourceId: source.id, companyKey: source.companyKey });
      return { source, outcome: { kind: 'gone' }, items: [] };
    case 'retry-later':
      logger?.warn('feed asked to come back later', { sourceId: source.id, status: answer.status, retryAfter: answer.retryAfter?.toISOString() });
      return { source, outcome: { kind: 'retry-later', status: answer.status, retryAfter: answer.retryAfter }, items: [] };
    case 'ok':
      try {
        const newest = newestItems(answer.text);
        if (newest.dropped > 0) logger?.info('long feed: reading its newest items only', { sourceId: source.id, skipped: newest.dropped });
        const feed = await parseFeed(newest.text, { baseUrl: answer.url });
        const outcome: PollOutcome = { kind: 'fetched', status: answer.status, etag: answer.etag, lastModified: answer.lastModified, answeredInMs: attempt.answeredInMs };
        return { source, outcome, items: feed.items };
      } catch (err) {
        const error = err instanceof FeedParseError ? err.message : 'not a readable RSS/Atom feed';
        logger?.warn('feed could not be parsed', { sourceId: source.id, error: err instanceof Error ? err.message : String(err) });
        return { source, outcome: { kind: 'failed', error, status: answer.status }, items: [] };
      }
  }
}
