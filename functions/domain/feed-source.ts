/** Where news about a company comes from: the news search feed, or a feed a user added. */
export type SourceKind = 'news-search' | 'custom';

/** One feed polled on behalf of every subscriber watching its company, with its health. */
export interface FeedSource {
  id: string;
  url: string;
  kind: SourceKind;
  companyKey: string;
  /** The company name the feed was built for (the classifier's entity). */
  companyName: string;
  etag?: string;
  lastModified?: string;
  consecutiveFailures: number;
  lastError?: string;
  lastStatus?: number;
  checkedAt?: string;
  /** Not polled before this instant (minimum interval, backoff, Retry-After). */
  nextAttemptAt: string;
  /** Disabled sources (410 Gone, or nobody watches them) are no longer polled. */
  disabled: boolean;
  disabledReason?: string;
}
