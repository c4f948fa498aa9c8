/**
 * How a good-news story without a note explains itself, in the digest and on the web's Today page
 * alike: either the note already went out in an alert, or why there is none — in plain words.
 */
import { formatDayOf } from '../follow-up/index.js';
import type { GoodNewsItem, NoNoteReason } from './types.js';

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

/**
 * The line shown instead of a note, or null when the item offers one. `timeZone` places the
 * alert's send date on the subscriber's calendar.
 */
export function goodNewsNoNoteLine(
  item: Pick<GoodNewsItem, 'noteAlreadySentAt' | 'noNoteReason'>,
  timeZone: string,
): string {
  if (item.noteAlreadySentAt) {
    const day = formatDayOf(item.noteAlreadySentAt, timeZone);
    return day ? `The congratulations note for this went to you by email on ${day}.` : 'The congratulations note for this already went to you by email.';
  }
  return item.noNoteReason
    ? `For your information only: no note for this one, as ${NO_NOTE_REASON[item.noNoteReason]}.`
    : 'For your information only: no note for this one.';
}
