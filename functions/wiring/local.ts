/**
 * The composition root for this machine: local mode (`npm start`, the demo) and the command
 * line's jobs (`poll --once`, `digest --once`), which find the stack through the same
 * environment variables — local mode's servers by default, or a deployed table.
 */
import { join } from 'node:path';
import { createDocumentClient } from '../adapters/dynamodb/client.js';
import { readOrCreateOwnerOnlyFile } from '../adapters/files/owner-only-file.js';
import { ensureTable } from '../adapters/dynamodb/table.js';
import { createSafeFetcher } from '../adapters/http/safe-fetch.js';
import { ServiceUnavailableError } from '../app/errors.js';
import type { FeedFetcher } from '../app/ports.js';
import type { Services } from '../app/services.js';
import { assertDeploymentSettings, loadConfig, type Config } from '../config/env.js';
import { createServices, linkKeysFor, type ServiceOptions } from './services.js';

export { createServices, linkKeysFor, type Services };

/**
 * Local mode's services: the table is created when missing, the link-signing key file on first
 * start (so a problem with the data folder shows at once), and readiness checks the mail catcher too.
 */
export async function createLocalServices(config: Config, options: ServiceOptions): Promise<Services> {
  await prepareTable(config);
  await linkKeysFor(config, options.service).load();
  return createServices(config, { mailCatcherUrl: config.sesEndpoint, ...options });
}

/**
 * The demo's API token: the same on every run on one data folder, kept in a file only the owner
 * may read (a token in clear never goes into the table).
 */
export function demoApiToken(config: Pick<Config, 'dataDir'>, create: () => string): Promise<string> {
  return readOrCreateOwnerOnlyFile(join(config.dataDir, 'demo-api-token'), () => `${create()}\n`).then((text) => text.trim());
}

/** Creates the table when it does not exist yet (local mode, tests, benchmarks; on AWS the stack owns it). */
export function prepareTable(config: Config): Promise<'created' | 'existing'> {
  return ensureTable(createDocumentClient(config), config.tableName);
}

/** The safe fetcher alone, for commands that only read a feed. */
export function feedFetcherFor(config: Pick<Config, 'allowHosts'>): FeedFetcher {
  return createSafeFetcher({ allowHosts: config.allowHosts });
}

/**
 * The services of the stack the environment points at (local mode by default), checked to be
 * reachable so a job fails with one clear line instead of a retry storm and a stack trace.
 */
export async function connectToStack(env: NodeJS.ProcessEnv, service: string): Promise<Services> {
  const config = loadConfig(env);
  // The jobs read the table and send mail: against a deployment, both must be named.
  assertDeploymentSettings(config, ['table', 'mail'], service);
  const services = createServices(config, { service, logToStderr: true });
  const { problems } = await services.readiness();
  if (problems.some((p) => p.part === 'table')) {
    throw new ServiceUnavailableError(
      config.runtime === 'local'
        ? `cannot reach the local DynamoDB at ${config.dynamodbEndpoint} (table ${config.tableName}) — is \`npm start\` running?`
        : `cannot reach the table ${config.tableName} in ${config.region}`,
    );
  }
  return services;
}
