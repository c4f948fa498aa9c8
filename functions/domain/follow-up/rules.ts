/**
 * The numbers behind rules R1–R11 (DESIGN.md §1), kept as data so they read like the advice they
 * encode and can be tuned in one place.
 */
import type { ActionType, Channel } from '../interview.js';

/**
 * R2: how long after the stated decision date to wait before the follow-up, by decision horizon
 * (days from the interview — or from the employer's last reply — to that date). The first row whose
 * `horizonUpTo` covers the horizon applies. "Tomorrow" gives a day's grace, a month or more a week.
 */
export const GRACE_BY_HORIZON: ReadonlyArray<{ horizonUpTo: number; graceDays: number }> = [
  { horizonUpTo: 1, graceDays: 1 },
  { horizonUpTo: 3, graceDays: 2 },
  { horizonUpTo: 7, graceDays: 3 },
  { horizonUpTo: 14, graceDays: 4 },
  { horizonUpTo: 20, graceDays: 5 },
  { horizonUpTo: 27, graceDays: 6 },
  { horizonUpTo: Number.POSITIVE_INFINITY, graceDays: 7 },
];

/** Days of grace after the stated decision date for a given horizon (R2). */
export function graceDaysFor(horizonDays: number): number {
  const row = GRACE_BY_HORIZON.find((r) => horizonDays <= r.horizonUpTo);
  return row ? row.graceDays : 7;
}

/** The timing rules, one entry per rule they belong to. */
export const FOLLOW_UP_RULES = {
  /** R1: the thank-you is due the day after the interview and late after a week. */
  thankYou: { dueAfterInterviewDays: 1, lateAfterInterviewDays: 7 },
  /** R2: with no decision date, follow up this long after the thank-you (or the employer's last reply). */
  followUp: {
    noDateWaitDays: 10,
    /** Never the day the clock started, nor before the day after it: "tomorrow" → two days after. */
    minDaysAfterStart: 2,
    /** Never on the same day as the candidate's previous note. */
    minDaysAfterLastNote: 1,
  },
  /** R3: an optional light check-in about a week in, only for long timelines. */
  checkIn: {
    minHorizonDays: 21,
    afterStartDays: 7,
    /** At least this long after the candidate's previous note (e.g. a late thank-you). */
    minDaysAfterLastNote: 5,
    /** A congratulations note this recently already kept the candidate visible. */
    skipIfCongratsWithinDays: 7,
    /** Not worth it when the follow-up is this close anyway. */
    minDaysBeforeFollowUp: 7,
    /** Optional, so it is offered for a few days and then dropped rather than nagging. */
    offeredForDays: 4,
  },
  /** R5: how long an unanswered follow-up (or second unanswered contact) waits before moving on. */
  moveOn: { waitDays: 7, unansweredContactsEnough: 2 },
  /** R9: how many days (from the request) the references notice is shown. */
  referencesNotice: { shownForDays: 3 },
  /** Actions are listed when due today, overdue, or due within this many days. */
  lookAheadDays: 7,
} as const;

/**
 * When an action counts as overdue: this many days after its `dueOn` (null: never — optional
 * suggestions and notices are not chores). R1 makes the thank-you late only after a week.
 */
export const OVERDUE_AFTER_DAYS: Readonly<Record<ActionType, number | null>> = {
  'send-thank-you': FOLLOW_UP_RULES.thankYou.lateAfterInterviewDays - FOLLOW_UP_RULES.thankYou.dueAfterInterviewDays,
  'check-in': null,
  'follow-up': 0,
  'move-on': null,
  'references-not-offer': null,
};

/** R7: how each channel is named in a suggestion. */
export const CHANNEL_ADVICE: Readonly<Record<Channel, string>> = {
  email: 'Send it by email, the way they last reached you.',
  phone: 'They last reached you by phone, so a short call fits; the note below doubles as what to say.',
  letter: 'They last wrote to you by letter, so a posted note fits.',
  'in-person': 'They last spoke with you in person; a short note by hand or by email both fit.',
  linkedin: 'Send it as a LinkedIn message, the way they last reached you.',
  video: 'They last spoke with you by video; a short written message on the same platform fits.',
};

/** Outreach: the actions that mean contacting the employer (never under no-contact, R6). */
export const OUTREACH_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>(['send-thank-you', 'check-in', 'follow-up']);
