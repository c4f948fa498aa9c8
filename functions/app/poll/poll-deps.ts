/**
 * What the poll cycle uses, in one place so every step can name it: what alerting needs, plus the
 * feeds, the news store, the slot plans and the classifier. Tests hand in fakes for any part.
 */
import type { Config } from '../../config/env.js';
import type { AlertDeps } from '../alerts/send-alerts.js';
import type { CompanyRepository, FeedFetcher, NewsRepository, PollPlanRepository, SourceRepository } from '../ports.js';
import type { OutboxSender } from '../outbox/outbox-sender.js';
import type { ClassifyHeadline } from './collaborators.js';

export interface PollDeps extends Omit<AlertDeps, 'repos' | 'config'> {
  repos: AlertDeps['repos'] & {
    sources: Pick<SourceRepository, 'get' | 'getMany' | 'listDue' | 'listScheduled' | 'saveMany' | 'save' | 'lease' | 'upsertWatched'>;
    news: Pick<NewsRepository, 'putMany' | 'update' | 'listSince'>;
    companies: Pick<CompanyRepository, 'listWatchers'>;
    pollPlans: PollPlanRepository;
  };
  config: AlertDeps['config'] & Pick<Config, 'fallbackNewsBaseUrl'>;
  classify: ClassifyHeadline;
  /** The safe feed fetcher (Services.fetchFeed). */
  fetchFeed: FeedFetcher;
  /** Requests in flight at once (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Requests in flight to one host (default DEFAULT_PER_HOST_CONCURRENCY). */
  perHostConcurrency?: number;
  /** Jitter source for backoff (default Math.random). */
  random?: () => number;
  /**
   * The sender the cycle's alerts go through. A Lambda invocation polls several queue messages at
   * once and hands them one sender, so that between them one mail is in flight at a time and one
   * send rate is kept (its writes are then not in the cycles' `tableWrites`, and its tally is the
   * invocation's). Default: a sender of the cycle's own.
   */
  sender?: OutboxSender;
}
