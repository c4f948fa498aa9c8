/**
 * The composition root's common part: builds every adapter from a validated Config once and
 * hands them out as the app's ports. The runtimes (functions/wiring/lambda.ts for AWS,
 * functions/wiring/local.ts for local mode and the command line) start here, so they run the
 * same use cases on the same ports. Nothing outside functions/wiring/ constructs an adapter.
 */
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { createRepositories } from '../adapters/dynamodb/index.js';
import { checkReadiness } from '../adapters/dynamodb/readiness.js';
import { createFeedUrlValidator } from '../adapters/http/feed-url-validator.js';
import { createSafeFetcher } from '../adapters/http/safe-fetch.js';
import { createLogger } from '../adapters/logger.js';
import { SesMailer } from '../adapters/ses/mailer.js';
import { LinkKeyFile } from '../adapters/link-keys/key-file.js';
import { SecretsManagerLinkKeys } from '../adapters/link-keys/secrets-manager.js';
import type { Clock, LinkKeySource, Logger, Mailer } from '../app/ports.js';
import { createCompanySourcesSync } from '../app/poll/company-sources.js';
import type { Services } from '../app/services.js';
import { HmacLinkSigner } from '../app/signed-links.js';
import { SuppressingMailer } from '../app/suppressing-mailer.js';
import { assertDeploymentSettings, ConfigError, type Config } from '../config/env.js';

export type { Services };

export const systemClock: Clock = { now: () => new Date() };

export interface ServiceOptions {
  /** Names the runtime in every log line ("api", "poll-company", "local", …). */
  service: string;
  /** Logs to stderr (the command line, whose stdout is JSON). */
  logToStderr?: boolean;
  /** The runtime's own logger instead of a new one (Lambda adds each invocation's context to it). */
  logger?: Logger;
  clock?: Clock;
  /** Another mail transport (tests); suppression still applies. */
  mailer?: Mailer;
  /** Also check this local mail catcher in readiness (local mode). */
  mailCatcherUrl?: string;
  /** Read the link-signing keys now, in the background (a Lambda's cold start), not at the first link. */
  prefetchLinkKeys?: boolean;
}

/** Where the link-signing keys live, with the way to rotate them: never in the table. */
export type LinkKeyStore = LinkKeySource & { rotate(): Promise<number> };

/**
 * Local mode: a file only the owner may read in the data folder. AWS: the Secrets Manager secret
 * the stack names in AFTERVIEW_LINK_KEY_SECRET (set only for the functions that sign or verify
 * links; any other that tried would fail with this one line).
 */
export function linkKeysFor(config: Config, service: string): LinkKeyStore {
  if (config.runtime === 'local') return new LinkKeyFile(config.dataDir);
  if (config.linkKeySecret) return new SecretsManagerLinkKeys(config.linkKeySecret, config);
  const missing = () => Promise.reject(new ConfigError(`bad configuration: AFTERVIEW_LINK_KEY_SECRET must be set for ${service} to sign or check email links`));
  return { load: missing, rotate: missing };
}

export function createServices(config: Config, options: ServiceOptions = { service: 'app' }): Services {
  // Every part reads the table. (The stack sets the sender only for the functions that send mail.)
  assertDeploymentSettings(config, ['table'], options.service);
  const db = createDocumentClient(config);
  const repos = createRepositories(db, config.tableName);
  const logger = options.logger ?? createLogger({ service: options.service, level: config.logLevel, toStderr: options.logToStderr });
  const links = new HmacLinkSigner(linkKeysFor(config, options.service));
  // A failed early read is only logged: the first link tries again, and fails visibly if it must.
  if (options.prefetchLinkKeys) links.warmUp().catch((err: unknown) => logger.warn('link-signing keys not read at start', { error: err instanceof Error ? err.message : String(err) }));
  return {
    config,
    repos,
    // Every mail path (confirmation, sign-in, alerts, digests) skips bounced and complaining addresses.
    mailer: new SuppressingMailer(options.mailer ?? new SesMailer(config), repos.suppressions, logger),
    links,
    clock: options.clock ?? systemClock,
    logger,
    feedUrls: createFeedUrlValidator({ allowHosts: config.allowHosts }),
    companySources: createCompanySourcesSync({ repos, config }),
    fetchFeed: createSafeFetcher({ allowHosts: config.allowHosts }),
    readiness: () => checkReadiness(db, config.tableName, options.mailCatcherUrl),
  };
}
