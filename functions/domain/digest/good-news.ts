/**
 * How a good-news story without a note explains itself, in the digest and on the web's Today page
 * alike: the news is in a thank-you note still due, or the note already went out in an alert, or
 * why there is none — in plain words.
 */
import { dateIn, formatDay, formatDayOf, type CalendarDate } from '../follow-up/index.js';
import type { DigestInterview, GoodNewsItem, NoNoteReason } from './types.js';

/** The human reason a story comes without a note. */
export const NO_NOTE_REASON: Record<NoNoteReason, string> = {
  'no-contact': 'they asked not to be contacted',
  'moved-on': 'you have moved on from this one',
  closed: 'this interview is closed',
  'thank-you-first': 'your thank-you note comes first',
  'too-soon': 'it is too soon after your last contact',
  'old-news': 'the story is too old to write about',
  'no-interview': 'you have no interview with them on record',
};

/** When the thank-you that carries a story is due, and the day it is in that interview's time zone. */
export interface ThankYouPlace {
  dueOn: CalendarDate;
  today: CalendarDate;
}

/**
 * Where the thank-you carrying `item` stands: the soonest due of its interviews' thank-you actions
 * in `interviews` (their plans), or undefined when none of them is there.
 */
export function thankYouPlaceOf(item: Pick<GoodNewsItem, 'inThankYouOf'>, interviews: readonly DigestInterview[], now: Date): ThankYouPlace | undefined {
  const ids = new Set(item.inThankYouOf ?? []);
  return interviews
    .filter((e) => ids.has(e.interview.id))
    .flatMap((e) =>
      e.plan.actions.filter((a) => a.type === 'send-thank-you').map((a) => ({ dueOn: a.dueOn, today: dateIn(now, e.interview.timeZone) })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
}

/**
 * The line shown instead of a note, or null when the item offers one. `timeZone` places the
 * alert's send date on the subscriber's calendar; `thankYou` says where the thank-you carrying the
 * news is (shown above with its draft when due, or still to come).
 */
export function goodNewsNoNoteLine(
  item: Pick<GoodNewsItem, 'noteAlreadySentAt' | 'noNoteReason' | 'inThankYouOf'>,
  timeZone: string,
  thankYou?: ThankYouPlace,
): string {
  if (item.inThankYouOf?.length) {
    return thankYou && thankYou.dueOn > thankYou.today
      ? `No separate note: your thank-you note, due ${formatDay(thankYou.dueOn)}, will mention this news.`
      : 'No separate note: your thank-you note above mentions this news.';
  }
  if (item.noteAlreadySentAt) {
    const day = formatDayOf(item.noteAlreadySentAt, timeZone);
    return day ? `The congratulations note for this went to you by email on ${day}.` : 'The congratulations note for this already went to you by email.';
  }
  return item.noNoteReason
    ? `For your information only: no note for this one, as ${NO_NOTE_REASON[item.noNoteReason]}.`
    : 'For your information only: no note for this one.';
}
