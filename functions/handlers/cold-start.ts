/**
 * What every Lambda handler shares: at cold start, validate the environment the stack set (a
 * missing or bad value fails the start with one clear line) and build the same services local
 * mode and the command line use; and read the input EventBridge Scheduler sends.
 */
import { z } from 'zod';
import { ValidationError } from '../app/errors.js';
import type { Clock } from '../app/ports.js';
import { createServices, type Services } from '../app/services.js';
import { ConfigError, loadConfig } from '../config/env.js';

/** The services for one function; `service` names it in every log line. */
export function coldStart(service: string): Services {
  return createServices(loadConfig(process.env), { service });
}

/** A setting this function cannot run without (the stack sets it; a missing one is a deployment bug). */
export function required<T>(value: T | undefined, name: string, service: string): T {
  if (value === undefined) throw new ConfigError(`bad configuration: ${name} must be set for ${service}`);
  return value;
}

const ScheduledRun = z.object({ scheduledTime: z.iso.datetime({ offset: true }).optional() }).loose();

/**
 * The instant a scheduled run stands for: the schedule's own time (the stack passes
 * `<aws.scheduler.scheduled-time>`), so a retried run sees the same "now"; the clock when the
 * function is invoked by hand without one.
 */
export function scheduledInstant(event: unknown, clock: Clock): Date {
  const parsed = ScheduledRun.safeParse(event ?? {});
  if (!parsed.success) throw new ValidationError('scheduled run: scheduledTime must be an ISO 8601 date-time');
  return parsed.data.scheduledTime ? new Date(parsed.data.scheduledTime) : clock.now();
}
