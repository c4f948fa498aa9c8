/**
 * The words for actions that the digest and the web app's pages share, so a candidate reads the
 * same title for the same action in their inbox and in the browser.
 */
import type { ActionType, Channel, InterviewEventType } from '../interview.js';

export const ACTION_TITLE: Readonly<Record<ActionType, string>> = {
  'send-thank-you': 'Send your thank-you note',
  'check-in': 'Optional: a light check-in',
  'follow-up': 'Follow up, once',
  'move-on': 'Time to let this one go',
  'references-not-offer': 'References requested: a good sign, not an offer',
};

/**
 * Above the note offered for a good-news story, in the digest and on the Today page. Not
 * "congratulations": for a step before a listing (an IPO filed or priced) the note wishes the
 * company luck instead.
 */
export const GOOD_NEWS_NOTE_LEAD = 'A short note could be welcome';

/** The outreach actions (R6: never under no-contact) and the event that records each as done. */
export type OutreachType = 'send-thank-you' | 'check-in' | 'follow-up';
export type SentEvent = Extract<InterviewEventType, 'thank-you-sent' | 'check-in-sent' | 'follow-up-sent'>;
export const SENT_EVENT: Readonly<Record<OutreachType, SentEvent>> = {
  'send-thank-you': 'thank-you-sent',
  'check-in': 'check-in-sent',
  'follow-up': 'follow-up-sent',
};

/** The event that records `type` as done; none for a notice (references, moving on). */
export const sentEventFor = (type: ActionType): SentEvent | undefined => (SENT_EVENT as Partial<Record<ActionType, SentEvent>>)[type];

/** How to send it, after "Send it …" or next to the due date (R7). */
export const CHANNEL_WORDS: Readonly<Record<Channel, string>> = {
  email: 'by email',
  phone: 'by phone',
  letter: 'by letter',
  'in-person': 'in person or by a handwritten note',
  linkedin: 'on LinkedIn',
  video: 'by message',
};
