/**
 * The small picture of one interview the digest draws (interview → thank-you → decision date →
 * follow-up): the same facts the plan is made from, as dated milestones.
 */
import type { Interview } from '../interview.js';
import { assessInterview } from './assess.js';
import { addDays, type CalendarDate } from './dates.js';
import { OVERDUE_AFTER_DAYS } from './rules.js';

export type KeyDateKind = 'interview' | 'thank-you' | 'reply' | 'check-in' | 'decision' | 'follow-up' | 'move-on' | 'outcome';

/**
 * `done`: it happened. `due`: to do today, or past its day but not yet late. `overdue`: late.
 * `upcoming`: later. `passed`: a date that went by (e.g. the decision date). `unknown`: no date given.
 */
export type KeyDateState = 'done' | 'due' | 'overdue' | 'upcoming' | 'passed' | 'unknown';

/** How each state is drawn wherever a timeline is shown (digest, web app): one symbol, one word. */
export const TIMELINE_MARKS: Readonly<Record<KeyDateState, { symbol: string; word: string }>> = {
  done: { symbol: '✓', word: 'done' },
  due: { symbol: '●', word: 'due' },
  overdue: { symbol: '!', word: 'overdue' },
  upcoming: { symbol: '○', word: 'coming up' },
  passed: { symbol: '•', word: 'passed' },
  unknown: { symbol: '?', word: 'no date given' },
};

/** One milestone on an interview's timeline. */
export interface KeyDate {
  kind: KeyDateKind;
  /** Short label for the picture, e.g. "Thank-you", "Decision", "Follow-up". */
  label: string;
  /** The local date in the interview's time zone; null when unknown (no decision date given). */
  date: CalendarDate | null;
  state: KeyDateState;
}

function stateOf(date: CalendarDate, today: CalendarDate, overdueAfterDays: number | null): KeyDateState {
  if (date > today) return 'upcoming';
  return overdueAfterDays !== null && addDays(date, overdueAfterDays) < today ? 'overdue' : 'due';
}

/**
 * The milestones of `interview` as of `now`, in order. Outreach milestones (thank-you, check-in,
 * follow-up) appear under no-contact only if the candidate recorded them anyway.
 */
export function nextKeyDates(interview: Interview, now: Date): KeyDate[] {
  const a = assessInterview(interview, now);
  const open = a.status === 'open';
  const dates: KeyDate[] = [
    { kind: 'interview', label: 'Interview', date: a.interviewDate, state: a.interviewDate <= a.today ? 'done' : 'upcoming' },
  ];

  if (a.thankYou.sentOn) dates.push({ kind: 'thank-you', label: 'Thank-you', date: a.thankYou.sentOn, state: 'done' });
  else if (a.thankYou.pending && open) {
    const state = a.today > a.thankYou.lateAfter ? 'overdue' : a.thankYou.dueOn > a.today ? 'upcoming' : 'due';
    dates.push({ kind: 'thank-you', label: 'Thank-you', date: a.thankYou.dueOn, state });
  }

  if (a.timeline.origin !== 'interview') {
    const label = a.timeline.origin === 'references-requested' ? 'References asked' : 'They replied';
    dates.push({ kind: 'reply', label, date: a.timeline.startedOn, state: 'done' });
  }

  const checkIn = a.checkIn;
  if (checkIn?.sentOn) dates.push({ kind: 'check-in', label: 'Check-in', date: checkIn.sentOn, state: 'done' });
  else if (checkIn && !checkIn.skipped && open && a.contactAllowed) {
    dates.push({ kind: 'check-in', label: 'Check-in (optional)', date: checkIn.dueOn, state: stateOf(checkIn.dueOn, a.today, null) });
  }

  const decision = a.timeline.decisionBy;
  dates.push(
    decision
      ? { kind: 'decision', label: 'Decision', date: decision, state: decision < a.today ? 'passed' : decision === a.today ? 'due' : 'upcoming' }
      : { kind: 'decision', label: 'Decision date not given', date: null, state: 'unknown' },
  );

  if (a.followUp.sentOn) dates.push({ kind: 'follow-up', label: 'Follow-up', date: a.followUp.sentOn, state: 'done' });
  else if (a.contactAllowed && open) {
    dates.push({ kind: 'follow-up', label: 'Follow-up', date: a.followUp.dueOn, state: stateOf(a.followUp.dueOn, a.today, OVERDUE_AFTER_DAYS['follow-up']) });
  }

  if (a.closedBy) {
    const label = { offer: 'Offer', rejected: 'Not selected', withdrawn: 'Withdrawn' }[a.closedBy.type];
    dates.push({ kind: 'outcome', label, date: a.closedBy.on, state: 'done' });
  } else if (a.moveOn) {
    dates.push(
      a.moveOn.reached
        ? { kind: 'move-on', label: 'Moved on', date: a.moveOn.on, state: 'done' }
        : { kind: 'move-on', label: 'Move on if no reply', date: a.moveOn.on, state: 'upcoming' },
    );
  }
  return dates;
}
