/**
 * R10: every digest says how the wider search is going, and nudges when the pipeline is thin —
 * one good interview is no reason to stop looking.
 */
import type { KeepLookingStats } from './types.js';

/** When the digest nudges: fewer open interviews than this, or no new one logged for this long. */
export const KEEP_LOOKING = { thinPipelineBelow: 3, quietAfterDays: 7 } as const;

export interface KeepLookingAdvice {
  /** Plain facts: open interviews, days since the last one was logged. */
  facts: string[];
  /** A nudge when the pipeline is thin or quiet; null when it looks healthy. */
  nudge: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function keepLookingAdvice(stats: KeepLookingStats): KeepLookingAdvice {
  const open = Math.max(0, Math.floor(stats.openInterviews));
  const since = stats.daysSinceLastInterviewLogged;
  const facts = [
    open === 0 ? 'You have no open interviews right now.' : `You have ${plural(open, 'open interview')}.`,
    since === null
      ? 'No interview has been logged yet.'
      : since <= 0
        ? 'You logged a new interview today.'
        : since === 1
          ? 'You logged a new interview yesterday.'
          : `Your last new interview was logged ${plural(since, 'day')} ago.`,
  ];
  const thin = open < KEEP_LOOKING.thinPipelineBelow;
  const quiet = since === null || since >= KEEP_LOOKING.quietAfterDays;
  let nudge: string | null = null;
  if (thin && quiet) {
    nudge = 'Your pipeline is thin and quiet. A few new applications this week mean no single answer has to carry everything.';
  } else if (thin) {
    nudge = 'With fewer than three open interviews, now is a good time to apply for a couple more roles, however well the last one went.';
  } else if (quiet) {
    nudge = 'No new interview in over a week. Treat the search like a job: set aside time for a few applications this week.';
  }
  return { facts, nudge };
}
