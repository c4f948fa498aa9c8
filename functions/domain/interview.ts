import { z } from 'zod';
import { COMPANY_NAME_MAX_CHARS } from './company.js';
import { LIMITS } from './quotas.js';
import { isIanaTimeZone } from './time-zone.js';

/** The media an employer may use; every suggestion names one (R7). */
export const Channel = z.enum(['email', 'phone', 'letter', 'in-person', 'linkedin', 'video']);
export type Channel = z.infer<typeof Channel>;

export const InterviewFormat = z.enum(['in-person', 'video', 'phone']);
export type InterviewFormat = z.infer<typeof InterviewFormat>;

export const ContactPolicy = z.enum(['ok', 'no-contact']);
export type ContactPolicy = z.infer<typeof ContactPolicy>;

/** What the candidate records about an interview after it happened. */
export const InterviewEventType = z.enum([
  'thank-you-sent',
  'check-in-sent',
  'follow-up-sent',
  'congrats-sent',
  'heard-back',
  'references-requested',
  'offer',
  'rejected',
  'withdrawn',
]);
export type InterviewEventType = z.infer<typeof InterviewEventType>;

/** A local calendar date, YYYY-MM-DD. */
export const LocalDate = z.iso.date({ message: 'must be a date like 2026-11-30' });
/** An instant with an explicit offset, e.g. 2026-11-02T15:00:00Z. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time like 2026-11-02T15:00:00Z' });

export const TimeZone = z
  .string()
  .refine(isIanaTimeZone, { message: 'must be an IANA time zone like Europe/Paris' });

/**
 * An optional field for which `null` means "not given", as if the key were left out: the invite
 * import answers null where an invite does not say, and a client may send that answer back as is.
 */
export function nullMeansNotGiven<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === null ? undefined : value), schema);
}

export const InterviewEvent = z
  .object({
    type: InterviewEventType,
    at: Instant,
    decisionExpectedBy: LocalDate.nullable().optional(),
  })
  .strict();
export type InterviewEvent = z.infer<typeof InterviewEvent>;

export const Interviewer = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    email: nullMeansNotGiven(z.email().max(320).optional()),
  })
  .strict();
export type Interviewer = z.infer<typeof Interviewer>;

/** The interview fields a user sets (the API resource minus `events`). */
export const InterviewFields = z
  .object({
    // It names a watched company (watched from then on): the same limit as adding one.
    company: z.string().trim().min(1, 'must not be empty').max(COMPANY_NAME_MAX_CHARS),
    role: z.string().trim().min(1, 'must not be empty').max(200),
    interviewer: Interviewer,
    interviewedAt: Instant,
    // null = not given for the optional fields (see nullMeansNotGiven); for the decision date it also means "none".
    format: nullMeansNotGiven(InterviewFormat.optional()),
    decisionExpectedBy: LocalDate.nullable().optional(),
    contactPolicy: nullMeansNotGiven(ContactPolicy.default('ok')),
    lastEmployerChannel: nullMeansNotGiven(Channel.default('email')),
    timeZone: nullMeansNotGiven(TimeZone.default('UTC')),
  })
  .strict();

/** An interview as CONTRACTS.md §1 describes it: the input of `plan`. */
export const Interview = InterviewFields.extend({
  events: z.array(InterviewEvent).max(LIMITS.eventsPerInterview, `at most ${LIMITS.eventsPerInterview} events per interview`).default([]),
}).strict();
export type Interview = z.infer<typeof Interview>;
export type InterviewInput = z.input<typeof Interview>;

export const ActionType = z.enum(['send-thank-you', 'check-in', 'follow-up', 'move-on', 'references-not-offer']);
export type ActionType = z.infer<typeof ActionType>;

export const Draft = z.object({ subject: z.string(), body: z.string() }).strict();
export type Draft = z.infer<typeof Draft>;

/** One thing the candidate should do (or know) about an interview. */
export const FollowUpAction = z
  .object({
    type: ActionType,
    dueOn: LocalDate,
    overdue: z.boolean(),
    channel: Channel,
    draft: Draft.optional(),
    why: z.string(),
  })
  .strict();
export type FollowUpAction = z.infer<typeof FollowUpAction>;

export const InterviewStatus = z.enum(['open', 'moved-on', 'closed']);
export type InterviewStatus = z.infer<typeof InterviewStatus>;

export const FollowUpPlan = z.object({ status: InterviewStatus, actions: z.array(FollowUpAction) }).strict();
export type FollowUpPlan = z.infer<typeof FollowUpPlan>;

/** An interview as stored for one subscriber. */
export interface StoredInterview extends Interview {
  id: string;
  subscriberId: string;
  /** The watched company this interview is with. */
  companyId: string;
  createdAt: string;
  updatedAt: string;
  /** When the digest told the candidate, once, that it is time to move on (R5). */
  movedOnNoticeAt?: string;
  /** When a congratulations note was last suggested for this interview (R8's 14-day spacing). */
  lastCongratsSuggestedAt?: string;
  /**
   * The story (`<companyKey>#<storyId>`) whose alert took that slot, when an alert took it: the
   * same alert sent again after a crash may take it again.
   */
  lastCongratsStoryKey?: string;
}
