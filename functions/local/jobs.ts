import type { Services } from '../app/services.js';
import type { ScheduledJob } from './scheduler.js';

/** The jobs local mode runs on the same cadence as the AWS schedules. */
export function localJobs(_services: Services): ScheduledJob[] {
  return [];
}
