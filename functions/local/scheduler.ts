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
 * (croner's `protect`), and a failing run is logged without stopping the schedule. Stopping the
 * scheduler (Ctrl-C, SIGTERM) tells running jobs to stop, and resolves once they have.
 */
export function startScheduler(
  jobs: ScheduledJob[],
  logger: Logger,
  options: { runAtStartAfterMs?: number } = {},
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
  const crons = jobs.map((job) => new Cron(job.pattern, { protect: true, timezone: 'UTC', name: job.name }, () => runSafely(job)));
  const timers =
    options.runAtStartAfterMs === undefined ? [] : jobs.map((job) => setTimeout(() => void runSafely(job), options.runAtStartAfterMs));
  return async () => {
    stopping.abort();
    for (const c of crons) c.stop();
    for (const t of timers) clearTimeout(t);
    await Promise.all([...running]);
  };
}
