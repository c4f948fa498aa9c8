/**
 * The digest composer's input and output: plain typed objects, so the digest job (and tests) can
 * build them from anything. The composer reads no clock, store or network of its own.
 */
import type { Draft, FollowUpAction, FollowUpPlan, InterviewEventType, StoredInterview } from '../interview.js';
import type { SubscriberSettings } from '../subscriber.js';

/** A link may be signed on the fly (`LinkSigner.sign` is async) or already known. */
export type MaybePromise<T> = T | Promise<T>;

/** One open interview and the plan `planFollowUps(interview, now)` made for it. */
export interface DigestInterview {
  interview: StoredInterview;
  plan: FollowUpPlan;
}

/** A story from the last day about a company the subscriber watches (DESIGN.md §2). */
export interface GoodNewsItem {
  /** The subscriber's watched-company id (for the "stop watching" link). */
  companyId: string;
  companyName: string;
  storyId: string;
  title: string;
  publisher: string | null;
  /** The story's link; only http(s) links are rendered. */
  link: string | null;
  publishedAt: string | null;
  /** The classifier's event, e.g. "award", "contract", "expansion". */
  event: string | null;
  /** The classifier thinks this merits a congratulations note. */
  congratulate: boolean;
  /** The subscriber's interviews this story concerns. */
  interviewIds: string[];
  /**
   * Shown without a note: the interviews ask for no contact (R6), or have moved on or closed (R8),
   * or the news is in a thank-you note still due ({@link inThankYouOf}). The composer also treats
   * an item as such when none of its interviews in the input is open with contact allowed.
   */
  forInformationOnly: boolean;
  /** Why there is no note, in the product's terms, when the gatherer knows (see {@link NoNoteReason}). */
  noNoteReason?: NoNoteReason;
  /**
   * When the congratulations note for this story already went to the subscriber in an instant
   * alert email (ISO time). Such an item offers no second note and says where the first one went,
   * instead of reading as "for your information only".
   */
  noteAlreadySentAt?: string;
  /**
   * The interviews whose thank-you draft carries this story (R8 with R1: while the thank-you is
   * due, the news goes into it rather than into a note of its own). Without a note, the item says so.
   */
  inThankYouOf?: string[];
  /** The congratulations note to offer (functions/domain/notes), when `congratulate` and contact is allowed. */
  note?: Draft;
}

/**
 * Why a good-news story comes without a note: the employer asked for no contact (R6), the
 * interview has moved on or is closed (R5, R11), it is too soon after other contact or another
 * congratulations (R8), the story is too old or undated to write about, or there is no interview
 * with the company to write about.
 */
export type NoNoteReason = 'no-contact' | 'moved-on' | 'closed' | 'thank-you-first' | 'too-soon' | 'old-news' | 'no-interview';

/** R10: how the wider search is going. */
export interface KeepLookingStats {
  /** Interviews with status open. */
  openInterviews: number;
  /** Days since the most recent interview was logged (created); null when none ever was. */
  daysSinceLastInterviewLogged: number | null;
}

/** Interview events a digest link can record (GET shows a confirmation page; POST records it). */
export type DigestEventLink = Extract<InterviewEventType, 'thank-you-sent' | 'check-in-sent' | 'follow-up-sent' | 'congrats-sent' | 'heard-back'>;

/**
 * How the composer gets URLs. Each is called only for what the digest shows; signing is the
 * caller's business (signed, expiring, single-purpose tokens — functions/app/signed-links.ts).
 */
export interface DigestLinks {
  /** One-click "I sent it" / "They replied" for an interview. */
  interviewEvent(interviewId: string, event: DigestEventLink): MaybePromise<string>;
  /** Stop watching a company's news. */
  stopWatching(companyId: string): MaybePromise<string>;
  /** RFC 8058 one-click unsubscribe page (also used for the List-Unsubscribe header by the job). */
  unsubscribe(): MaybePromise<string>;
  /** An .ics for a dated action (see domain/calendar/), or null to leave the link out. */
  calendar(interviewId: string, action: FollowUpAction): MaybePromise<string | null>;
  /** "Not relevant" for a story (optional). */
  notRelevant?(companyId: string, storyId: string): MaybePromise<string>;
  /** Where the subscriber changes their settings (optional). */
  settings?(): MaybePromise<string>;
}

/** Everything one subscriber's digest is made from. */
export interface DigestInput {
  /** The subscriber's settings: the heading's date is in their time zone. */
  settings: Pick<SubscriberSettings, 'timeZone'> & Partial<SubscriberSettings>;
  now: Date;
  /** The subscriber's interviews with their plans; closed ones are ignored. */
  interviews: DigestInterview[];
  /** Good news from the last day for watched companies. */
  goodNews: GoodNewsItem[];
  keepLooking: KeepLookingStats;
  links: DigestLinks;
}

/** One composed digest email. */
export interface ComposedDigest {
  subject: string;
  text: string;
  html: string;
  /**
   * Something to act on or know today: an outreach action due or overdue, a moved-on or references
   * notice, or good news. Upcoming dates and the keep-looking section alone are not; the job skips
   * such days unless the subscriber asked for daily mail regardless (`dailyEvenIfEmpty`).
   */
  hasSomethingToSay: boolean;
  /** Interviews whose moved-on notice this digest gives: mark them once it is sent (R5 says so once). */
  movedOnNoticeFor: string[];
  /** The subscriber's local date the digest is for (YYYY-MM-DD). */
  localDate: string;
}
