/**
 * The composition root: builds every adapter from a validated Config once. Lambda handlers,
 * the command line and local mode all start here, so they run the same use cases on the same ports.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { createRepositories, type Repositories } from '../adapters/dynamodb/index.js';
import { createFeedUrlValidator } from '../adapters/http/feed-url-validator.js';
import { createLogger, type Logger } from '../adapters/logger.js';
import { SesMailer } from '../adapters/ses/mailer.js';
import type { Config } from '../config/env.js';
import type { CompanySourcesSync, FeedUrlValidator } from './companies/ports.js';
import type { Clock, LinkSigner, Mailer } from './ports.js';
import { createCompanySourcesSync } from './poll/company-sources.js';
import { HmacLinkSigner } from './signed-links.js';
import { SuppressingMailer } from './suppressing-mailer.js';

export interface Services {
  config: Config;
  db: DynamoDBDocumentClient;
  repos: Repositories;
  mailer: Mailer;
  links: LinkSigner;
  clock: Clock;
  logger: Logger;
  /** The fetcher's own address rules, applied to feed URLs when a user adds them. */
  feedUrls: FeedUrlValidator;
  /** Keeps the news watch's sources in step with watched companies. */
  companySources: CompanySourcesSync;
}

export const systemClock: Clock = { now: () => new Date() };

export function createServices(
  config: Config,
  options: { service: string; logToStderr?: boolean; clock?: Clock; mailer?: Mailer } = { service: 'app' },
): Services {
  const db = createDocumentClient(config);
  const repos = createRepositories(db, config.tableName);
  const logger = createLogger({ service: options.service, level: config.logLevel, toStderr: options.logToStderr });
  return {
    config,
    db,
    repos,
    // Every mail path (confirmation, sign-in, alerts, digests) skips bounced and complaining addresses.
    mailer: new SuppressingMailer(options.mailer ?? new SesMailer(config), repos.suppressions, logger),
    links: new HmacLinkSigner(repos.secrets),
    clock: options.clock ?? systemClock,
    logger,
    feedUrls: createFeedUrlValidator({ allowHosts: config.allowHosts }),
    companySources: createCompanySourcesSync({ repos, config }),
  };
}
