/**
 * Every port the use cases may ask for, as one bundle: what a composition root
 * (functions/wiring/) builds for a runtime, and what the HTTP layer, the jobs and the command
 * line hand to use cases (each use case declares the part it needs, so tests pass in less).
 */
import type { Config } from '../config/env.js';
import type { CompanySourcesSync, FeedUrlValidator } from './companies/ports.js';
import type { Clock, FeedFetcher, LinkSigner, Logger, Mailer, ReadinessReport, Repositories } from './ports.js';

export interface Services {
  config: Config;
  repos: Repositories;
  mailer: Mailer;
  links: LinkSigner;
  clock: Clock;
  logger: Logger;
  /** The fetcher's own address rules, applied to feed URLs when a user adds them. */
  feedUrls: FeedUrlValidator;
  /** Keeps the news watch's sources in step with watched companies. */
  companySources: CompanySourcesSync;
  /** The safe feed fetcher, with the deployment's allowed hosts bound in. */
  fetchFeed: FeedFetcher;
  /** Whether the table (and, in local mode, the mail catcher) answers. */
  readiness(): Promise<ReadinessReport>;
}
