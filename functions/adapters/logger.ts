import { Console } from 'node:console';
import { Logger } from '@aws-lambda-powertools/logger';

export type { Logger };

/**
 * The one structured JSON logger (Powertools). Context keys are ids — company, feed, subscriber id —
 * never an email address or a token. On the command line logs go to stderr so stdout stays JSON.
 */
export function createLogger(options: { service: string; level?: string; toStderr?: boolean }): Logger {
  const logger = new Logger({
    serviceName: `afterview-${options.service}`,
    logLevel: (options.level ?? 'INFO') as 'INFO',
  });
  if (options.toStderr) {
    (logger as unknown as { console: Console }).console = new Console({ stdout: process.stderr, stderr: process.stderr });
  }
  return logger;
}
