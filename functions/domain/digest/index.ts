/** The digest composer: one subscriber's daily email from plain data (DESIGN.md §3). */
export { composeDigest } from './compose.js';
export { keepLookingAdvice, KEEP_LOOKING, type KeepLookingAdvice } from './keep-looking.js';
export { mailtoLink } from './mailto.js';
export { escapeHtml, safeHref } from './html.js';
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
export { goodNewsNoNoteLine, NO_NOTE_REASON } from './good-news.js';
