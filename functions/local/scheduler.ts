import { Cron } from 'croner';
import type { Logger } from '../app/ports.js';

/** A job local mode runs on its cadence, as EventBridge Scheduler does on AWS. */
export interface ScheduledJob {
  name: string;
  /** Cron pattern (minute hour day month weekday), evaluated in UTC. */
  pattern: string;
  run(now: Date): Promise<unknown>;
}

/**
 * Runs each job on its pattern; a run never overlaps the previous one of the same job
 * (croner's `protect`), and a failing run is logged without stopping the schedule.
 */
export function startScheduler(jobs: ScheduledJob[], logger: Logger, options: { runAtStartAfterMs?: number } = {}): () => void {
  const runSafely = async (job: ScheduledJob) => {
    const started = Date.now();
    try {
      const summary = await job.run(new Date());
      logger.info('job finished', { job: job.name, ms: Date.now() - started, summary: summary as Record<string, unknown> });
    } catch (err) {
      logger.error('job failed', { job: job.name, error: err instanceof Error ? err.message : String(err) });
    }
  };
  const crons = jobs.map((job) => new Cron(job.pattern, { protect: true, timezone: 'UTC', name: job.name }, () => runSafely(job)));
  const timers =
    options.runAtStartAfterMs === undefined ? [] : jobs.map((job) => setTimeout(() => void runSafely(job), options.runAtStartAfterMs));
  return () => {
    for (const c of crons) c.stop();
    for (const t of timers) clearTimeout(t);
  };
}
