/**
 * HTML forms → the domain's inputs. Form fields are strings; these turn them into the same
 * shapes the API accepts and validate them with the same zod schemas, returning messages a person
 * can act on ("Interview date: must be a date like 2026-11-30") instead of throwing.
 */
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { CompanyFields, FEED_URL_MESSAGE } from '../domain/company.js';
import { InterviewEventType, InterviewFields, LocalDate } from '../domain/interview.js';
import { decisionDateProblem } from '../domain/interview-checks.js';
import { SubscriberSettings } from '../domain/subscriber.js';
import type { StoredInterview } from '../domain/interview.js';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };
export type FormValues = Record<string, string>;

function messages(issues: readonly z.core.$ZodIssue[], labels: Record<string, string>): string[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    const label = labels[path] ?? labels[String(i.path[0])] ?? path;
    return label ? `${label}: ${i.message}` : i.message;
  });
}

const text = (form: FormValues, key: string) => (form[key] ?? '').trim();
const list = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean);

const INTERVIEW_LABELS: Record<string, string> = {
  company: 'Company',
  role: 'Role',
  'interviewer.name': 'Interviewer’s name',
  'interviewer.email': 'Interviewer’s email',
  interviewer: 'Interviewer',
  interviewedAt: 'Interview date and time',
  format: 'Format',
  decisionExpectedBy: 'Decision expected by',
  contactPolicy: 'Contact',
  lastEmployerChannel: 'Their last message came by',
  timeZone: 'Time zone',
};

/** The interview form's fields (names as in the HTML). */
export function interviewFormValues(i: StoredInterview): FormValues {
  const local = DateTime.fromISO(i.interviewedAt, { zone: i.timeZone });
  return {
    company: i.company,
    role: i.role,
    interviewerName: i.interviewer.name,
    interviewerEmail: i.interviewer.email ?? '',
    date: local.toISODate() ?? '',
    time: local.toFormat('HH:mm'),
    format: i.format ?? '',
    decisionExpectedBy: i.decisionExpectedBy ?? '',
    noContact: i.contactPolicy === 'no-contact' ? 'on' : '',
    lastEmployerChannel: i.lastEmployerChannel,
    timeZone: i.timeZone,
  };
}

export function parseInterviewForm(form: FormValues): FormResult<z.infer<typeof InterviewFields>> {
  const errors: string[] = [];
  const zone = text(form, 'timeZone') || 'UTC';
  const date = text(form, 'date');
  const time = text(form, 'time') || '09:00';
  let interviewedAt = '';
  if (!date) errors.push('Interview date: please enter the day of the interview');
  else if (!/^\d{2}:\d{2}$/.test(time)) errors.push('Interview time: must be a time like 14:30');
  else {
    const local = DateTime.fromISO(`${date}T${time}`, { zone });
    if (!local.isValid) errors.push('Interview date: must be a date like 2026-11-30');
    else interviewedAt = local.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
  }
  const email = text(form, 'interviewerEmail');
  const candidate = {
    company: text(form, 'company'),
    role: text(form, 'role'),
    interviewer: { name: text(form, 'interviewerName'), ...(email ? { email } : {}) },
    interviewedAt,
    ...(text(form, 'format') ? { format: text(form, 'format') } : {}),
    decisionExpectedBy: text(form, 'decisionExpectedBy') || null,
    contactPolicy: form.noContact ? 'no-contact' : 'ok',
    lastEmployerChannel: text(form, 'lastEmployerChannel') || 'email',
    timeZone: zone,
  };
  const parsed = InterviewFields.safeParse(candidate);
  if (!parsed.success) errors.push(...messages(parsed.error.issues, INTERVIEW_LABELS).filter((m) => !(interviewedAt === '' && m.startsWith('Interview date'))));
  else {
    const problem = decisionDateProblem(parsed.data, parsed.data.decisionExpectedBy);
    if (problem) errors.push(`${INTERVIEW_LABELS.decisionExpectedBy}: ${problem}`);
  }
  return errors.length > 0 || !parsed.success ? { ok: false, errors } : { ok: true, value: parsed.data };
}

const COMPANY_LABELS: Record<string, string> = { name: 'Name', aliases: 'Other names', exclude: 'Ignore news mentioning', feeds: 'Extra feeds' };

export function parseCompanyForm(form: FormValues): FormResult<z.infer<typeof CompanyFields>> {
  // One feed URL per line; the line numbers (blank lines counted) name a bad one.
  const feeds = text(form, 'feeds')
    .split(/\r?\n/)
    .map((url, index) => ({ url: url.trim(), line: index + 1 }))
    .filter((feed) => feed.url);
  const parsed = CompanyFields.safeParse({
    name: text(form, 'name'),
    aliases: list(text(form, 'aliases'), /[,\n]/),
    exclude: list(text(form, 'exclude'), /[,\n]/),
    feeds: feeds.map((feed) => feed.url),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const [field, index] = issue.path;
    if (field !== 'feeds' || typeof index !== 'number') return messages([issue], COMPANY_LABELS)[0]!;
    const message = issue.message === FEED_URL_MESSAGE ? `${FEED_URL_MESSAGE} like https://example.com/news/rss` : issue.message;
    return `${COMPANY_LABELS.feeds}, line ${feeds[index]?.line ?? index + 1}: ${message}`;
  });
  return { ok: false, errors: [...new Set(errors)] };
}

const SETTINGS_LABELS: Record<string, string> = {
  timeZone: 'Time zone',
  digestHour: 'Digest hour',
  alerts: 'Good news',
  dailyEvenIfEmpty: 'Daily digest',
};

export function parseSettingsForm(form: FormValues): FormResult<z.infer<typeof SubscriberSettings>> {
  const hour = text(form, 'digestHour');
  const parsed = SubscriberSettings.safeParse({
    timeZone: text(form, 'timeZone'),
    digestHour: /^\d{1,2}$/.test(hour) ? Number(hour) : hour,
    alerts: text(form, 'alerts'),
    dailyEvenIfEmpty: form.dailyEvenIfEmpty === 'on',
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: messages(parsed.error.issues, SETTINGS_LABELS) };
}

export interface EventForm {
  type: z.infer<typeof InterviewEventType>;
  decisionExpectedBy?: string | null;
}

/** The label of the interview page's "New decision date" field, for messages about it. */
export const NEW_DECISION_LABEL = 'New decision date';

export function parseEventForm(form: FormValues): FormResult<EventForm> {
  const type = InterviewEventType.safeParse(text(form, 'type'));
  if (!type.success) return { ok: false, errors: ['That is not something afterview can record.'] };
  const decision = text(form, 'decisionExpectedBy');
  if (type.data !== 'heard-back' || !decision) return { ok: true, value: { type: type.data } };
  const date = LocalDate.safeParse(decision);
  if (!date.success) return { ok: false, errors: [`${NEW_DECISION_LABEL}: must be a date like 2026-11-30`] };
  return { ok: true, value: { type: type.data, decisionExpectedBy: date.data } };
}
