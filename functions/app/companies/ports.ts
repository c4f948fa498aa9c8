import type { WatchedCompany } from '../../domain/company.js';

/**
 * Checks a feed URL a user wants watched against the fetcher's own address rules (http(s) only,
 * public addresses after DNS resolution). Throws ValidationError with a readable reason.
 */
export interface FeedUrlValidator {
  validate(url: string): Promise<void>;
}

/**
 * Keeps the news watch in step with watched companies: which feed sources exist for a company
 * and that this subscriber is one of their watchers.
 */
export interface CompanySourcesSync {
  /** Creates or updates the company's sources and watcher links; returns it with `sourceIds` set. */
  sync(company: WatchedCompany, now: Date): Promise<WatchedCompany>;
  /** Removes the subscriber's watcher links for the company (sources nobody watches stop being polled). */
  remove(company: WatchedCompany): Promise<void>;
}
