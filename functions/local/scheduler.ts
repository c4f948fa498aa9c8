import { Cron } from 'croner';
import type { Logger } from '../app/ports.js';
import { stopOnAbort, type RunDeadline } from '../app/run-deadline.js';

/** A job local mode runs on its cadence, as EventBridge Scheduler does on AWS. */
export interface ScheduledJob {
  name: string;
  /** Cron pattern (minute hour day month weekday), evaluated in UTC. */
  pattern: string;
  /** `deadline` ends when local mode stops: the job then stops taking new work and gives back what it holds. */
  run(now: Date, deadline: RunDeadline): Promise<unknown>;
}

/**
 * Runs each job on its pattern; a run never overlaps the previous one of the same job
 * (croner's `protect`), and a failing run is logged without stopping the schedule. Jobs run at
 * start go one after another, in the order given. Stopping the
 * scheduler (Ctrl-C, SIGTERM) tells running jobs to stop, and resolves once they have.
 */
export function startScheduler(
  jobs: ScheduledJob[],
  logger: Logger,
  options: {
    runAtStartAfterMs?: number;
    /** Nothing is scheduled until this settles (the demo's own poll and digest must not be raced). */
    startAfter?: Promise<unknown>;
  } = {},
): () => Promise<void> {
  const stopping = new AbortController();
  const deadline = stopOnAbort(stopping.signal);
  const running = new Set<Promise<void>>();
  const runSafely = (job: ScheduledJob): Promise<void> => {
    if (stopping.signal.aborted) return Promise.resolve();
    const run = (async () => {
      const started = Date.now();
      try {
        const summary = await job.run(new Date(), deadline);
        logger.info('job finished', { job: job.name, ms: Date.now() - started, summary: summary as Record<string, unknown> });
      } catch (err) {
        logger.error('job failed', { job: job.name, error: err instanceof Error ? err.message : String(err) });
      }
    })();
    running.add(run);
    void run.finally(() => running.delete(run));
    return run;
  };
  const crons: Cron[] = [];
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const schedule = () => {
    if (stopping.signal.aborted) return;
    crons.push(...jobs.map((job) => new Cron(job.pattern, { protect: true, timezone: 'UTC', name: job.name }, () => runSafely(job))));
    if (options.runAtStartAfterMs !== undefined) {
      // One after another, in the order given: the digest run at start reads what the poll run at start stored.
      const inTurn = () => jobs.reduce<Promise<void>>((previous, job) => previous.then(() => runSafely(job)), Promise.resolve());
      timers.push(setTimeout(() => void inTurn(), options.runAtStartAfterMs));
    }
  };
  if (options.startAfter) void options.startAfter.then(schedule, schedule);
  else schedule();
  return async () => {
    stopping.abort();
    for (const c of crons) c.stop();
    for (const t of timers) clearTimeout(t);
    await Promise.all([...running]);
  };
}
