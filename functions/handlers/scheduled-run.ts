/** The input EventBridge Scheduler sends the hourly jobs. */
import { z } from 'zod';
import { ValidationError } from '../app/errors.js';
import type { Clock } from '../app/ports.js';

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
