/**
 * Runs that stop in time: a job is told how long it has left, and stops taking new work early
 * enough to finish or give back what it holds. On Lambda the time left is the invocation's; on
 * this machine a run ends when it is asked to (SIGTERM), with no fixed limit before that.
 */

/** How much time a run has left. */
export interface RunDeadline {
  /** Milliseconds before the run is cut off: Infinity without a limit, 0 once it was asked to stop. */
  remainingMs(): number;
}

export const NO_DEADLINE: RunDeadline = { remainingMs: () => Infinity };

/** A Lambda invocation's deadline (the handler passes its context). */
export function lambdaDeadline(context: { getRemainingTimeInMillis(): number }): RunDeadline {
  return { remainingMs: () => context.getRemainingTimeInMillis() };
}

/** A fixed budget from now (e.g. what an HTTP request may spend on sending mail). */
export function deadlineIn(ms: number, now: () => number = Date.now): RunDeadline {
  const end = now() + ms;
  return { remainingMs: () => Math.max(0, end - now()) };
}

/** `base`, cut short the moment `signal` aborts (a stop request). */
export function stopOnAbort(signal: AbortSignal, base: RunDeadline = NO_DEADLINE): RunDeadline {
  return { remainingMs: () => (signal.aborted ? 0 : base.remainingMs()) };
}
