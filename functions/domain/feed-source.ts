/**
 * Where news about a company comes from: the news search feed, a feed a user added, or the
 * second news search used while the first keeps failing (DESIGN.md §2 "Sources").
 */
export type SourceKind = 'news-search' | 'custom' | 'news-search-fallback';

/** One feed polled on behalf of every subscriber watching its company, with its health and schedule. */
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
  /** When a poll last changed what is stored about the feed (an unchanged 304 writes nothing). */
  checkedAt?: string;
  /**
   * Not polled before this instant (backoff, Retry-After, a running lease) while the feed is new
   * or failing; for a healthy feed on its schedule, its next due hour (for people: the schedule decides).
   */
  nextAttemptAt: string;
  /** Disabled sources (410 Gone, nobody watches them, a fallback no longer needed) are not polled. */
  disabled: boolean;
  disabledReason?: string;
  /** Hours between polls while healthy, from how often it has new items (absent until first read). */
  intervalHours?: number;
  /** The newest item date the feed listed when last read. */
  newestItemAt?: string;
  /** How many of its items were dated in the week before it was last read. */
  itemsPerWeek?: number;
  /** A fingerprint of the items last read, to notice change in feeds without dates or validators. */
  contentHash?: string;
  /** When the feed last answered (200 or 304) as of the last write; an unchanged 304 on schedule does not move it (see app/news/source-health.ts). */
  lastReadAt?: string;
  /** When a read last found the items changed. */
  lastChangedAt?: string;
  /** When the feed last brought a story new to it. */
  lastNewStoryAt?: string;
  /** Since when it has been failing (absent while healthy). */
  failingSince?: string;
  /** A fallback's primary: the news search it stands in for (its items count as the primary's). */
  fallbackFor?: string;
  /** A news search's fallback in use (its id) until the search recovers. */
  fallbackInUse?: string;
}
