/**
 * The composition root on AWS: at a Lambda's cold start, validate the environment the stack set
 * (a missing or bad value fails the start with one clear line) and build the same services
 * local mode and the command line use.
 */
import { SqsPollQueue } from '../adapters/sqs/poll-queue.js';
import type { PollQueue } from '../app/poll/poll-message.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { createServices, type Services } from './services.js';

export type { Services };

/** The services for one function; `service` names it in every log line. */
export function coldStart(service: string): Services {
  return createServices(loadConfig(process.env), { service });
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
