/** The digest: one subscriber's daily email from plain data (DESIGN.md §3), as an email view. */
export { digestView, type DigestView } from './compose.js';
export { keepLookingAdvice, KEEP_LOOKING, type KeepLookingAdvice } from './keep-looking.js';
export { interviewStanding } from './standing.js';
export { ACTION_TITLE, CHANNEL_WORDS, GOOD_NEWS_NOTE_LEAD, SENT_EVENT, sentEventFor, type OutreachType, type SentEvent } from './words.js';
export { mailtoLink } from '../email/mailto.js';
export { safeHref } from '../email/links.js';
export type {
  ComposedDigest,
  DigestEventLink,
  DigestInput,
  DigestInterview,
  DigestLinks,
  GoodNewsItem,
  KeepLookingStats,
  MaybePromise,
  NoNoteReason,
} from './types.js';
export { goodNewsNoNoteLine, NO_NOTE_REASON, thankYouPlaceOf, type ThankYouPlace } from './good-news.js';
