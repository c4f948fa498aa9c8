import { ServiceUnavailableError } from '../app/errors.js';
import { checkReadiness } from '../app/readiness.js';
import { createServices, type Services } from '../app/services.js';
import { loadConfig } from '../config/env.js';
import type { CliIo } from './command.js';


/**
 * The services of the stack the environment points at (local mode by default), checked to be
 * reachable so a job fails with one clear line instead of a retry storm and a stack trace.
 */
export async function connectToStack(io: CliIo, service: string): Promise<Services> {
  const config = loadConfig(io.env);
  const services = createServices(config, { service, logToStderr: true });
  const { ok } = await checkReadiness(services.db, config.tableName);
  if (!ok) {
    throw new ServiceUnavailableError(
      config.runtime === 'local'
        ? `cannot reach the local DynamoDB at ${config.dynamodbEndpoint} (table ${config.tableName}) — is \`npm start\` running?`
        : `cannot reach the table ${config.tableName} in ${config.region}`,
    );
  }
  return services;
}
