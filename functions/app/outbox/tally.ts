/**
 * What a run did with the outbox: the `outbox` field of the job summaries, and the metrics the
 * Lambda handlers publish from it (names in config/metric-names.ts, alarms in lib/constructs/operations.ts).
 */
import { OUTBOX_METRICS } from '../../config/metric-names.js';

/** Why a run stopped sending before its work was done. */
export type StopReason = 'deadline' | 'mail-service';

/** What a run did with the outbox (the summaries' `outbox` field and the published metrics). */
export interface OutboxTally {
  /** Leases this run took (each one go at sending a message). */
  leased: number;
  /** Of those, messages whose earlier lease had run out unsent: work a dead or stopped run left. */
  expired: number;
  sent: number;
  /** Calls to the mail service, and how many of them were retries after a transient fault. */
  attempts: number;
  retried: number;
  /** Messages this run leaves pending for a later one (faults, time, or not reached). */
  pending: number;
  /** Of those, messages recorded more than two hours ago. */
  stalePending: number;
  /** Ended unsent: too late to be useful (a digest whose local day has passed). */
  dropped: number;
  /** Ended unsent: the mail service refused them for good. */
  refused: number;
  /** Ended unsent: the address bounced or complained. */
  suppressed: number;
  /** Ended unsent: nothing to send any more. */
  skipped: number;
  /** Why the run stopped sending early, if it did. */
  stopped: StopReason | null;
}

export function emptyTally(): OutboxTally {
  return {
    leased: 0,
    expired: 0,
    sent: 0,
    attempts: 0,
    retried: 0,
    pending: 0,
    stalePending: 0,
    dropped: 0,
    refused: 0,
    suppressed: 0,
    skipped: 0,
    stopped: null,
  };
}

/** Open messages older than this are reported (and alarmed on) as stale. */
export const STALE_PENDING_MS = 2 * 3600_000;

/** The tally's figures the alarms read, as metric figures (config/metric-names.ts). */
export function outboxFigures(tally: OutboxTally): Array<{ name: string; count: number }> {
  return (Object.keys(OUTBOX_METRICS) as Array<keyof typeof OUTBOX_METRICS>).map((field) => ({ name: OUTBOX_METRICS[field], count: tally[field] }));
}
