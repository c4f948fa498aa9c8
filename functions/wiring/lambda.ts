/**
 * The composition root on AWS: at a Lambda's cold start, validate the environment the stack set
 * (a missing or bad value fails the start with one clear line) and build the same services
 * local mode and the command line use, plus what every invocation reports: its context in each
 * log line and its counts as CloudWatch metrics.
 */
import type { Context } from 'aws-lambda';
import { createLogger } from '../adapters/logger.js';
import { createMetrics, type Figure } from '../adapters/metrics.js';
import { SqsPollQueue } from '../adapters/sqs/poll-queue.js';
import type { PollQueue } from '../app/poll/poll-message.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { createServices, type Services } from './services.js';

export type { Services };

/** What an invocation may report besides its logs. */
export interface InvocationMetrics {
  /** Adds the named fields of a summary as counts, published when the invocation ends. */
  count<K extends string>(summary: Readonly<Record<K, number>>, names: readonly K[]): void;
  /** Adds figures named elsewhere (the outbox's, config/metric-names.ts), under `service` when given. */
  record(figures: readonly Figure[], options?: { service?: string }): void;
}

export interface LambdaServices extends Services {
  /**
   * Runs one invocation: every log line it writes carries the request id, the function and the
   * cold-start flag, and the counts it made are published when it ends — also when it fails.
   */
  invocation<T>(context: Context, work: (metrics: InvocationMetrics) => Promise<T>): Promise<T>;
}

/** The services for one function; `service` names it in every log line and metric. */
export function coldStart(service: string): LambdaServices {
  const config = loadConfig(process.env);
  const logger = createLogger({ service, level: config.logLevel });
  const metrics = createMetrics({ service, logger });
  return {
    // Functions that sign or verify links read the keys once, while the cold start runs.
    ...createServices(config, { service, logger, prefetchLinkKeys: config.linkKeySecret !== undefined }),
    async invocation(context, work) {
      logger.addContext(context);
      try {
        return await work(metrics);
      } finally {
        metrics.publish();
      }
    },
  };
}

/** A setting this function cannot run without (the stack sets it; a missing one is a deployment bug). */
export function required<T>(value: T | undefined, name: string, service: string): T {
  if (value === undefined) throw new ConfigError(`bad configuration: ${name} must be set for ${service}`);
  return value;
}

/** The poll fan-out queue the planner writes to. */
export function pollQueueFor(services: Services, service: string): PollQueue {
  return new SqsPollQueue(required(services.config.pollQueueUrl, 'AFTERVIEW_POLL_QUEUE_URL', service), services.config);
}
