import { runDigestJob } from '../app/digest/digest-job.js';
import { pollDepsFrom, runPollCycle } from '../app/poll/index.js';
import type { RunDeadline } from '../app/run-deadline.js';
import type { Services } from '../app/services.js';
import type { ScheduledJob } from './scheduler.js';

/** One poll cycle now, as the hourly schedule runs it (also the demo's). */
export const runPollNow = (services: Services, now: Date, deadline?: RunDeadline) => runPollCycle(pollDepsFrom(services), now, deadline);

/** One digest run now (digests due, and mail left pending), as the hourly schedule runs it (also the demo's). */
export const runDigestNow = (services: Services, now: Date, deadline?: RunDeadline) => runDigestJob(services, now, deadline);

/**
 * The jobs local mode runs on the same cadence as the AWS schedules: the news poll and the digest
 * every hour (the digest a few minutes later, so the morning's news is in it).
 */
export function localJobs(services: Services): ScheduledJob[] {
  return [
    { name: 'poll', pattern: '0 * * * *', run: (now, deadline) => runPollNow(services, now, deadline) },
    { name: 'digest', pattern: '5 * * * *', run: (now, deadline) => runDigestNow(services, now, deadline) },
  ];
}
