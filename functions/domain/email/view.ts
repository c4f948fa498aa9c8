/**
 * What an email says, said once. The digest, the congratulations alert and the account mails are
 * each built as an {@link EmailView}; the two renderers in functions/mail turn any view into the
 * plain-text and the HTML part of one multipart/alternative message, so a change of content is
 * made in one place and both parts always agree.
 *
 * A view is plain data: words (dates already formatted), links, and the structure the reader
 * sees. It carries no markup and no styling, and nothing in it is escaped: the HTML renderer
 * escapes every value, and both renderers drop a link that is not http(s) or mailto.
 */
import type { KeyDateState } from '../follow-up/timeline.js';

/** One email: its subject, an optional heading, sections of blocks, and the small print. */
export interface EmailView {
  subject: string;
  /** The line a mail client shows after the subject in the inbox (the HTML part's hidden preheader). */
  preview?: string;
  /** The heading at the top, e.g. "Your afterview digest for" + "Monday 7 December". */
  title?: EmailTitle;
  sections: EmailSection[];
  /** Why the reader gets this mail, and the ways out of it (unsubscribe, settings). */
  footer?: EmailFooter;
}

export interface EmailTitle {
  /** Small words before the heading ("Your afterview digest for"). */
  lead?: string;
  text: string;
}

export interface EmailSection {
  /** "Today", "Coming up", "Good news"… ; none for a mail about one thing. */
  heading?: string;
  blocks: EmailBlock[];
}

export interface EmailFooter {
  text: string;
  links: EmailLink[];
}

/** A one-click link: a button or a link in HTML, "label: url" on its own line in plain text. */
export interface EmailLink {
  label: string;
  url: string;
  /** The one thing to do here (a filled button). */
  primary?: boolean;
  /**
   * Left out of the plain-text part: a prefilled mailto: is hundreds of characters of
   * percent-encoding there, and the draft it carries is printed right above it to copy.
   */
  htmlOnly?: boolean;
}

/** Words within a paragraph: plain, stressed, or a link (the link's label in plain text, then its URL). */
export type Inline = string | { strong: string } | { link: EmailLink };

/** `plain`: body text; `quiet`: secondary (an explanation, the channel to use); `fine`: small print. */
export type Tone = 'plain' | 'quiet' | 'fine';

export interface Paragraph {
  kind: 'paragraph';
  text: string | Inline[];
  tone?: Tone;
}

/** A highlighted word of advice (the keep-looking nudge). */
export interface Callout {
  kind: 'callout';
  text: string;
}

/** A row of one-click links: `buttons` for actions, `quiet` for the small ones (stop watching…). */
export interface LinkRow {
  kind: 'links';
  links: EmailLink[];
  style?: 'buttons' | 'quiet';
}

/** A drafted note the candidate sends themselves: shown to read and copy, never sent for them. */
export interface DraftBlock {
  kind: 'draft';
  /** The interviewer's address, when the note goes by email and the address is known. */
  to?: string;
  subject: string;
  body: string;
  /**
   * A short line above the note about what it draws on — e.g. the good news folded into a
   * thank-you note, with a link to the story. Any producer may set it; renderers need no change.
   */
  about?: Inline[];
}

/** One milestone of an interview's timeline (interview → thank-you → decision → follow-up). */
export interface TimelineStep {
  label: string;
  /** Already formatted ("30 Nov"); null when unknown. */
  date: string | null;
  /** Drawn with the shared marks (TIMELINE_MARKS in domain/follow-up/timeline.ts). */
  state: KeyDateState;
}

/** The story a mail is about, shown large and quoted (the alert). */
export interface StoryBlock {
  kind: 'story';
  title: string;
  url: string | null;
  /** Where and when it was reported: "Reported by Reuters on 3 Nov 2026". */
  byline: string;
  summary?: string;
}

/** How soon an action is due, which decides its colour. */
export type Urgency = 'overdue' | 'due' | 'later';

/** Something to do: what, when, how, why, the note to send and the one-click links. */
export interface ActionBlock {
  kind: 'action';
  title: string;
  when: { text: string; urgency: Urgency };
  /** How to send it: "by email", "on LinkedIn". */
  channel: string;
  why: string;
  draft?: DraftBlock;
  links: EmailLink[];
}

/** Something to know rather than do (references are not an offer; time to move on). */
export interface NoticeBlock {
  kind: 'notice';
  title: string;
  text: string;
  links: EmailLink[];
}

/** One short line per item: the open interviews with nothing to do this week. */
export interface StatusListBlock {
  kind: 'status-list';
  items: Array<{ title: string; details: string[]; text: string }>;
}

/** What a group is about: an interview (with its timeline) or a news headline. */
export type GroupHead =
  | { kind: 'interview'; title: string; details: string[]; timeline: TimelineStep[] }
  | { kind: 'headline'; source: string; title: string; url: string | null; publisher: string | null };

/** Blocks about one thing — one interview, one story — shown together (one card in HTML). */
export interface GroupBlock {
  kind: 'group';
  head: GroupHead;
  blocks: EmailBlock[];
}

export type EmailBlock =
  | Paragraph
  | Callout
  | LinkRow
  | DraftBlock
  | StoryBlock
  | ActionBlock
  | NoticeBlock
  | StatusListBlock
  | GroupBlock;
