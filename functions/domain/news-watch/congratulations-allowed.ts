/**
 * Whether an interview may get a congratulations suggestion now (R6, R8, DESIGN.md §1): not under
 * no-contact, not moved on or closed, not within 3 days after any other contact, and at most one
 * per 14 days (the last suggestion, or a congratulations note the candidate recorded).
 */
import { assessInterview } from '../follow-up/index.js';
import type { Interview, InterviewEventType } from '../interview.js';
import { DAY_MS } from '../durations.js';

export const CONGRATS_SPACING_DAYS = 14;
export const QUIET_DAYS_AFTER_CONTACT = 3;

const CONTACT_EVENTS: ReadonlySet<InterviewEventType> = new Set([
  'thank-you-sent',
  'check-in-sent',
  'follow-up-sent',
  'heard-back',
  'references-requested',
]);

/** Why no congratulations is allowed now, in the product's terms. */
export type CongratsBlock = 'no-contact' | 'closed' | 'moved-on' | 'thank-you-first' | 'too-soon';

export type CongratsVerdict = { allowed: true } | { allowed: false; block: CongratsBlock; reason: string };

export function congratulationsAllowed(interview: Interview & { lastCongratsSuggestedAt?: string }, now: Date): CongratsVerdict {
  if (interview.contactPolicy === 'no-contact') return { allowed: false, block: 'no-contact', reason: 'the employer asked for no contact (R6)' };
  const assessment = assessInterview(interview, now);
  if (assessment.status === 'closed') return { allowed: false, block: 'closed', reason: 'the interview is closed (R11)' };
  if (assessment.status === 'moved-on') return { allowed: false, block: 'moved-on', reason: 'the candidate has moved on (R5)' };
  // A congratulations before the thank-you would be the wrong first note (R1 comes first).
  if (assessment.thankYou.pending) {
    return { allowed: false, block: 'thank-you-first', reason: 'the thank-you note is still to be sent (R1)' };
  }
  const at = now.getTime();
  const past = interview.events.filter((e) => Date.parse(e.at) <= at);
  // The interview itself is contact too: right after it, the thank-you is the note to send.
  const contacts = [Date.parse(interview.interviewedAt), ...past.filter((e) => CONTACT_EVENTS.has(e.type)).map((e) => Date.parse(e.at))];
  if (contacts.some((t) => t <= at && at - t < QUIET_DAYS_AFTER_CONTACT * DAY_MS)) {
    return { allowed: false, block: 'too-soon', reason: `there was other contact in the last ${QUIET_DAYS_AFTER_CONTACT} days (R8)` };
  }
  const congrats = [
    ...past.filter((e) => e.type === 'congrats-sent').map((e) => Date.parse(e.at)),
    ...(interview.lastCongratsSuggestedAt ? [Date.parse(interview.lastCongratsSuggestedAt)] : []),
  ];
  if (congrats.some((t) => at - t < CONGRATS_SPACING_DAYS * DAY_MS)) {
    return { allowed: false, block: 'too-soon', reason: `a congratulations note was suggested in the last ${CONGRATS_SPACING_DAYS} days (R8)` };
  }
  return { allowed: true };
}


/**
 * What an alert about good news may offer for one interview:
 * - `congratulations`: a congratulations note (R8 allows one now);
 * - `thank-you`: while the thank-you is still due, the thank-you itself with one sentence about the
 *   news folded in (R8's last sentence, R1) — at most once per interview: only while no suggestion
 *   took the interview's slot since the interview;
 * - nothing, with the reason.
 *
 * `storyKey` names the story the alert is about (`<companyKey>#<storyId>`): a slot that an alert
 * about this same story took (a run that died before sending it, whose alert is sent again now)
 * does not count against it.
 */
export type AlertOffer = { offer: 'congratulations' | 'thank-you' } | { offer: null; block: CongratsBlock; reason: string };

export function alertOffer(
  interview: Interview & { lastCongratsSuggestedAt?: string; lastCongratsStoryKey?: string },
  now: Date,
  storyKey: string,
): AlertOffer {
  const ownSlot = interview.lastCongratsStoryKey === storyKey;
  const slotAt = ownSlot ? undefined : interview.lastCongratsSuggestedAt;
  const verdict = congratulationsAllowed({ ...interview, lastCongratsSuggestedAt: slotAt }, now);
  if (verdict.allowed) return { offer: 'congratulations' };
  if (verdict.block !== 'thank-you-first') return { offer: null, block: verdict.block, reason: verdict.reason };
  if (slotAt && Date.parse(slotAt) >= Date.parse(interview.interviewedAt)) {
    return { offer: null, block: 'too-soon', reason: 'an alert already offered the thank-you with news (one per interview)' };
  }
  return { offer: 'thank-you' };
}

/**
 * The slot an alert takes for an offer (R8): free when the last suggestion is at or before the
 * returned instant — 14 days back for a congratulations, and for a thank-you with news also no
 * later than the interview (one per interview).
 */
export function slotFreeIfBefore(offer: 'congratulations' | 'thank-you', interview: Pick<Interview, 'interviewedAt'>, now: Date): Date {
  const spacing = now.getTime() - CONGRATS_SPACING_DAYS * DAY_MS;
  return new Date(offer === 'thank-you' ? Math.min(spacing, Date.parse(interview.interviewedAt) - 1) : spacing);
}
