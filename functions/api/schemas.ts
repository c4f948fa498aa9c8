/**
 * The API's request and response schemas. The same zod objects validate requests (every body
 * `.strict()`) and produce the OpenAPI document, so the two cannot drift apart.
 */
import { z } from '@hono/zod-openapi';
import { CompanyFields } from '../domain/company.js';
import {
  Channel,
  ContactPolicy,
  FollowUpAction,
  InterviewEvent,
  InterviewEventType,
  InterviewFields,
  InterviewStatus,
  Instant,
  InterviewFormat,
  LocalDate,
  nullMeansNotGiven,
  TimeZone,
} from '../domain/interview.js';
import { AlertMode, SubscriberSettings, SubscriberStatus } from '../domain/subscriber.js';

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_error' }),
      message: z.string().openapi({ example: 'interviewer.name: must not be empty' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: '7d0c1a5e-3f7b-4c55-9c1e-0a9f4f1f2b6d' }),
});

export const LinkTokenQuery = z.object({
  token: z
    .string({ error: 'the link has no token; open the whole link, as the email or Settings gives it' })
    .min(1, 'the link has no token; open the whole link, as the email or Settings gives it')
    .max(4096)
    .openapi({ param: { name: 'token', in: 'query' }, description: 'The token from the emailed link.' }),
});

// ── subscriptions and sign-in ─────────────────────────────────────────────────
export const Email = z.email({ message: 'must be an email address like you@example.com' }).max(320);

export const SubscriptionRequest = z
  .object({ email: Email, timeZone: TimeZone.optional() })
  .strict()
  .openapi('SubscriptionRequest', { example: { email: 'you@example.com', timeZone: 'Europe/Paris' } });

export const SignInRequest = z.object({ email: Email }).strict().openapi('SignInRequest');

export const TokenForm = z
  .object({ token: z.string().min(1, 'must not be empty').max(200) })
  .strict()
  .openapi('LinkToken');

export const Accepted = z
  .object({ accepted: z.literal(true), message: z.string() })
  .openapi('Accepted', { example: { accepted: true, message: 'If the address can receive mail from us, a link is on its way.' } });

export const ApiTokenResponse = z
  .object({
    apiToken: z.string().openapi({ description: 'Shown once: only a hash is kept. Send it as "Authorization: Bearer <token>".' }),
  })
  .openapi('ApiToken');

// ── companies ─────────────────────────────────────────────────────────────────
export const CompanyInput = CompanyFields.openapi('CompanyInput', {
  example: { name: 'Acme Robotics', aliases: ['Acme'], exclude: ['Acme Anvils'], feeds: ['https://acme.example/press/rss'] },
});

const { name: companyName, aliases, exclude, feeds } = CompanyFields.shape;
/** Patches list only what changes: no defaults, or an omitted list would be emptied. */
export const CompanyPatch = z
  .object({ name: companyName, aliases: aliases.unwrap(), exclude: exclude.unwrap(), feeds: feeds.unwrap() })
  .partial()
  .strict()
  .openapi('CompanyPatch');

export const SourceStatus = z
  .object({
    kind: z.enum(['news-search', 'feed', 'fallback-news-search']).openapi({ description: 'The company’s news search, a feed you added, or the second news search used while the first keeps failing.' }),
    url: z.string(),
    health: z.enum(['ok', 'failing', 'paused', 'gone', 'unwatched', 'waiting']).openapi({ description: '`paused`: failed so often it is tried weekly; `gone`: the feed answered 410; `waiting`: not read yet.' }),
    lastReadAt: z.string().nullable().openapi({ description: 'When it last answered.' }),
    lastNewStoryAt: z.string().nullable().openapi({ description: 'When it last brought a story new to it.' }),
    failingSince: z.string().nullable().openapi({ description: 'Since when it fails (null while healthy).' }),
  })
  .openapi('SourceStatus');

export const Company = z
  .object({
    id: z.string(),
    name: z.string(),
    key: z.string().openapi({ description: 'Where the company’s shared news is kept; same for every spelling of the name.' }),
    aliases: z.array(z.string()),
    exclude: z.array(z.string()),
    feeds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    sources: z.array(SourceStatus).optional().openapi({ description: 'Where its news is read from, and whether each source is being read.' }),
  })
  .openapi('Company');

export const CompanyList = z.object({ companies: z.array(Company) }).openapi('CompanyList');

// ── interviews ────────────────────────────────────────────────────────────────
export const InterviewInput = InterviewFields.openapi('InterviewInput', {
  description:
    'Optional fields may be left out or sent as null ("not given", as POST /v1/interviews/import answers them): ' +
    'contactPolicy then is "ok", lastEmployerChannel "email", timeZone "UTC"; decisionExpectedBy null means they gave no date.',
  example: {
    company: 'Acme Robotics',
    role: 'Data Analyst',
    interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
    interviewedAt: '2026-11-02T15:00:00Z',
    format: 'in-person',
    decisionExpectedBy: '2026-11-30',
    contactPolicy: 'ok',
    lastEmployerChannel: 'email',
    timeZone: 'America/New_York',
  },
});

const NULL_IS_NOT_GIVEN = 'null or left out: not given';
const interviewShape = InterviewFields.shape;
/** A change lists only what changes; null for an optional field is "not given" too, so it stays as it is. */
export const InterviewPatch = z
  .object({
    company: interviewShape.company,
    role: interviewShape.role,
    interviewer: interviewShape.interviewer,
    interviewedAt: interviewShape.interviewedAt,
    format: nullMeansNotGiven(InterviewFormat.optional()).openapi({ description: `${NULL_IS_NOT_GIVEN} (unchanged)` }),
    decisionExpectedBy: LocalDate.nullable().openapi({ description: 'null: they gave no date' }),
    contactPolicy: nullMeansNotGiven(ContactPolicy.optional()).openapi({ description: `${NULL_IS_NOT_GIVEN} (unchanged)` }),
    lastEmployerChannel: nullMeansNotGiven(Channel.optional()).openapi({ description: `${NULL_IS_NOT_GIVEN} (unchanged)` }),
    timeZone: nullMeansNotGiven(TimeZone.optional()).openapi({ description: `${NULL_IS_NOT_GIVEN} (unchanged)` }),
  })
  .partial()
  .strict()
  .openapi('InterviewPatch');

export const EventInput = z
  .object({
    type: InterviewEventType,
    at: Instant.optional().openapi({ description: 'When it happened; now if omitted.' }),
    decisionExpectedBy: LocalDate.nullable()
      .optional()
      .openapi({ description: 'Only with "heard-back": the new date they gave for their decision.' }),
  })
  .strict()
  .openapi('EventInput', { example: { type: 'heard-back', decisionExpectedBy: '2026-12-10' } });

export const Interview = z
  .object({
    id: z.string(),
    companyId: z.string(),
    company: z.string(),
    role: z.string(),
    interviewer: z.object({ name: z.string(), email: z.string().optional() }),
    interviewedAt: z.string(),
    format: z.string().optional(),
    decisionExpectedBy: z.string().nullable().optional(),
    contactPolicy: ContactPolicy,
    lastEmployerChannel: Channel,
    timeZone: z.string(),
    events: z.array(InterviewEvent),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Interview');

export const InterviewList = z.object({ interviews: z.array(Interview) }).openapi('InterviewList');

export const InterviewPlan = z
  .object({
    interviewId: z.string(),
    company: z.string(),
    role: z.string(),
    interviewer: z.object({ name: z.string(), email: z.string().optional() }),
    status: InterviewStatus,
    actions: z.array(FollowUpAction.openapi('FollowUpAction')),
  })
  .openapi('InterviewPlan');

export const Plan = z
  .object({ generatedAt: z.string(), interviews: z.array(InterviewPlan) })
  .openapi('Plan');

// ── me ────────────────────────────────────────────────────────────────────────
export const SettingsPatch = SubscriberSettings.partial()
  .strict()
  .openapi('SettingsPatch', { example: { timeZone: 'America/Chicago', digestHour: 7, alerts: 'digest', dailyEvenIfEmpty: false } });

export const Account = z
  .object({
    email: z.string(),
    status: SubscriberStatus,
    timeZone: z.string(),
    digestHour: z.number().int(),
    alerts: AlertMode,
    dailyEvenIfEmpty: z.boolean(),
    createdAt: z.string(),
    confirmedAt: z.string().optional(),
    nextDigestAt: z.string().optional().openapi({ description: 'When the next digest is due (UTC); only while confirmed.' }),
    calendarUrl: z.string().openapi({
      description: 'Your calendar feed (GET /v1/calendar.ics?token=…): subscribe to it from your calendar app. POST /v1/me/calendar-url replaces it.',
    }),
  })
  .openapi('Account');

export const AccountExport = z.record(z.string(), z.unknown()).openapi('AccountExport', {
  description:
    'Everything stored about you, each kind under one camelCase key: account, companies, interviews, feedback, alertsSent, digestsSent, ' +
    'mail (every account mail and digest recorded), tokens (when each API token was made and last used; never the token) and quotas.',
});

// ── API tokens ────────────────────────────────────────────────────────────────
export const ApiTokenInfo = z
  .object({
    id: z.string().openapi({ description: 'Names the token in DELETE /v1/tokens/{id}; it is not the token and cannot be used as one.' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: 'To within an hour; null when never used.' }),
    current: z.boolean().openapi({ description: 'True for the token this request was made with.' }),
  })
  .openapi('ApiTokenInfo');

export const ApiTokenList = z.object({ tokens: z.array(ApiTokenInfo) }).openapi('ApiTokenList');
