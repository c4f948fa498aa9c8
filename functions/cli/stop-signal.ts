import { stopOnAbort, type RunDeadline } from '../app/run-deadline.js';

/**
 * Runs a job that stops in time: on SIGTERM (or Ctrl-C) the job is told to take no new work,
 * finishes or gives back what it holds, and its summary is still printed. A second signal ends the
 * process at once.
 */
export async function runUntilStopped<T>(job: (deadline: RunDeadline) => Promise<T>): Promise<T> {
  const stopping = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    stopping.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    return await job(stopOnAbort(stopping.signal));
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
