import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';

export { Logger };

/**
 * Powertools' logger with every line on stderr: on the command line stdout carries only the
 * command's JSON. Built on the extension points Powertools offers subclasses (`printLog`,
 * `createLogger` for child loggers, `getJsonReplacer`), so the line is the one Powertools writes.
 */
class StderrLogger extends Logger {
  protected override printLog(_logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    process.stderr.write(`${JSON.stringify(log.getAttributes(), this.getJsonReplacer())}\n`);
  }

  protected override createLogger(options?: ConstructorOptions): StderrLogger {
    return new StderrLogger(options);
  }
}

/**
 * The one structured JSON logger (Powertools). Context keys are ids — company, feed, subscriber id —
 * never an email address or a token. On Lambda the handler adds the invocation's context to it
 * (request id, cold start); on the command line it writes to stderr so stdout stays JSON.
 */
export function createLogger(options: { service: string; level?: string; toStderr?: boolean }): Logger {
  const settings: ConstructorOptions = {
    serviceName: `afterview-${options.service}`,
    logLevel: (options.level ?? 'INFO') as 'INFO',
  };
  return options.toStderr ? new StderrLogger(settings) : new Logger(settings);
}
