/**
 * What an interview's dates must agree with before they are stored, in words a person can act on
 * (the API prefixes the field, the web form its label). Pure: `now` comes in as an argument.
 */
import { DAY_MS } from './durations.js';
import { dateIn, formatDay } from './follow-up/dates.js';

/**
 * How far ahead of now an event may be dated. Events record what happened; a day covers a clock
 * that runs a little fast and a person who records tonight's call with tomorrow's date in their zone.
 */
export const EVENT_AHEAD_LIMIT_MS = DAY_MS;

/** Why an event dated `at` cannot be recorded at `now`, or null when it can. */
export function eventTimeProblem(at: string, now: Date): string | null {
  const when = Date.parse(at);
  if (Number.isNaN(when) || when - now.getTime() <= EVENT_AHEAD_LIMIT_MS) return null;
  return `${at} is more than a day in the future; record what happened once it has happened`;
}

/** The local day of `instant` in `zone`, or null when either cannot be read (their own checks refuse those). */
function localDayOf(instant: string, zone: string): string | null {
  try {
    return dateIn(instant, zone);
  } catch {
    return null;
  }
}

/**
 * Why a decision date cannot go with an interview, or null when it can. A decision expected before
 * the interview day says nothing about when to follow up (the plan would treat it as no date at all),
 * so it is almost certainly a typo (a wrong month or year). The interview day itself is allowed:
 * some employers decide the same day.
 */
export function decisionDateProblem(interview: { interviewedAt: string; timeZone: string }, decisionExpectedBy: string | null | undefined): string | null {
  if (!decisionExpectedBy) return null;
  const interviewDay = localDayOf(interview.interviewedAt, interview.timeZone);
  if (interviewDay === null || decisionExpectedBy >= interviewDay) return null;
  return `${formatDay(decisionExpectedBy, 'year')} is before the interview (${formatDay(interviewDay, 'year')}); the decision date must be on or after the interview day`;
}

/** Events that answer or follow the interview: none of them can happen before its day. */
const AFTER_THE_INTERVIEW = new Set(['thank-you-sent', 'check-in-sent', 'follow-up-sent', 'congrats-sent', 'heard-back', 'references-requested', 'offer']);

/**
 * Why an event of `type` dated `at` cannot go with the interview, or null when it can: a thank-you,
 * a follow-up or their answer dated before the interview's day (in its zone) is a typo, and it would
 * silently end the plan's suggestions. Withdrawing or a rejection may come before the day.
 */
export function eventBeforeInterviewProblem(interview: { interviewedAt: string; timeZone: string }, type: string, at: string): string | null {
  if (!AFTER_THE_INTERVIEW.has(type)) return null;
  const interviewDay = localDayOf(interview.interviewedAt, interview.timeZone);
  const eventDay = localDayOf(at, interview.timeZone);
  if (interviewDay === null || eventDay === null || eventDay >= interviewDay) return null;
  return `${formatDay(eventDay, 'year')} is before the interview (${formatDay(interviewDay, 'year')}); a "${type}" can only be recorded on or after the interview day`;
}
