/**
 * What the poll cycle uses, in one place so every step can name it: what alerting needs, plus the
 * feeds, the news store and the classifier. Tests hand in fakes for any part.
 */
import type { AlertDeps } from '../alerts/send-alerts.js';
import type { CompanyRepository, FeedFetcher, NewsRepository, SourceRepository } from '../ports.js';
import type { ClassifyHeadline } from './collaborators.js';

export interface PollDeps extends Omit<AlertDeps, 'repos' | 'config'> {
  repos: AlertDeps['repos'] & {
    sources: Pick<SourceRepository, 'get' | 'listDue' | 'saveMany' | 'lease'>;
    news: Pick<NewsRepository, 'putMany' | 'update' | 'listSince'>;
    companies: Pick<CompanyRepository, 'listWatchers'>;
  };
  config: AlertDeps['config'];
  classify: ClassifyHeadline;
  /** The safe feed fetcher (Services.fetchFeed). */
  fetchFeed: FeedFetcher;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Requests in flight to one host (default 6, what a browser allows itself). */
  perHostConcurrency?: number;
  /** Jitter source for backoff (default Math.random). */
  random?: () => number;
}
