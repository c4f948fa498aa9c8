/**
 * Interviews a subscriber tracks: add (the company is watched too, if it was not), change,
 * remove, and record what happened. Events are appended atomically so two quick clicks both count.
 */
import { randomUUID } from 'node:crypto';
import type { Interview, InterviewEvent, InterviewEventType, StoredInterview } from '../../domain/interview.js';
import { decisionDateProblem, eventBeforeInterviewProblem, eventTimeProblem } from '../../domain/interview-checks.js';
import { findOrWatchCompany, type CompanyDependencies } from '../companies/watched-companies.js';
import { LIMIT_REACHED, LIMITS } from '../../domain/quotas.js';
import { ConflictError, NotFoundError, QuotaExceededError, ValidationError } from '../errors.js';
import type { InterviewRepository } from '../ports.js';
import { giveBackQuota, withinQuota } from '../quotas.js';

/** The schema's own limit on events per interview. */
export const MAX_EVENTS = LIMITS.eventsPerInterview;

export interface InterviewDependencies extends CompanyDependencies {
  repos: CompanyDependencies['repos'] & { interviews: InterviewRepository };
}

/** The interview fields a person sets (CONTRACTS.md's interview minus `events`), defaults applied. */
export type InterviewFields = Omit<Interview, 'events'>;

/** What the API shows of an interview. */
export interface InterviewView extends Interview {
  id: string;
  companyId: string;
  createdAt: string;
  updatedAt: string;
}

export function interviewView(i: StoredInterview): InterviewView {
  return {
    id: i.id,
    companyId: i.companyId,
    company: i.company,
    role: i.role,
    interviewer: i.interviewer,
    interviewedAt: i.interviewedAt,
    ...(i.format ? { format: i.format } : {}),
    ...(i.decisionExpectedBy !== undefined ? { decisionExpectedBy: i.decisionExpectedBy } : {}),
    contactPolicy: i.contactPolicy,
    lastEmployerChannel: i.lastEmployerChannel,
    timeZone: i.timeZone,
    events: i.events,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

export async function listInterviews(deps: InterviewDependencies, subscriberId: string): Promise<StoredInterview[]> {
  const interviews = await deps.repos.interviews.list(subscriberId);
  return interviews.sort((a, b) => b.interviewedAt.localeCompare(a.interviewedAt));
}

export async function getInterview(deps: InterviewDependencies, subscriberId: string, interviewId: string): Promise<StoredInterview> {
  const interview = await deps.repos.interviews.get(subscriberId, interviewId);
  if (!interview) throw new NotFoundError('interview');
  return interview;
}

/** Refuses a decision date the interview's own day has already passed (a typo the plan would read as "no date"). */
function assertDecisionDate(interview: Pick<InterviewFields, 'interviewedAt' | 'timeZone'>, decisionExpectedBy: string | null | undefined): void {
  const problem = decisionDateProblem(interview, decisionExpectedBy);
  if (problem) throw new ValidationError(`decisionExpectedBy: ${problem}`);
}

export async function addInterview(deps: InterviewDependencies, subscriberId: string, fields: InterviewFields): Promise<StoredInterview> {
  assertDecisionDate(fields, fields.decisionExpectedBy);
  const company = await findOrWatchCompany(deps, subscriberId, fields.company);
  const now = deps.clock.now().toISOString();
  const interview: StoredInterview = {
    ...fields,
    events: [],
    id: randomUUID(),
    subscriberId,
    companyId: company.id,
    createdAt: now,
    updatedAt: now,
  };
  const countStored = async () => (await deps.repos.interviews.list(subscriberId)).length;
  await withinQuota(deps, subscriberId, 'interviews', countStored, () => deps.repos.interviews.put(interview));
  return interview;
}

export async function updateInterview(
  deps: InterviewDependencies,
  subscriberId: string,
  interviewId: string,
  patch: Partial<InterviewFields>,
): Promise<StoredInterview> {
  const current = await getInterview(deps, subscriberId, interviewId);
  // A field sent as null ("not given") parses to undefined: it must not erase what is stored.
  patch = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  // Only a change to one of the dates is checked, so an interview stored before the rule can still be edited.
  if (patch.interviewedAt !== undefined || patch.timeZone !== undefined || patch.decisionExpectedBy !== undefined) {
    assertDecisionDate({ ...current, ...patch }, patch.decisionExpectedBy !== undefined ? patch.decisionExpectedBy : current.decisionExpectedBy);
  }
  const company =
    patch.company !== undefined && patch.company !== current.company ? await findOrWatchCompany(deps, subscriberId, patch.company) : null;
  const next: StoredInterview = {
    ...current,
    ...patch,
    ...(company ? { companyId: company.id, company: patch.company! } : {}),
    updatedAt: laterThan(current.updatedAt, deps.clock.now()),
  };
  if (!(await deps.repos.interviews.replace(next, current.updatedAt))) {
    throw new ConflictError('the interview changed while this update was being made (an event was recorded?); fetch it and try again');
  }
  return next;
}

/** updatedAt must move for optimistic checks to work, even when two writes share a millisecond. */
function laterThan(previous: string, now: Date): string {
  const prev = Date.parse(previous);
  return new Date(Number.isNaN(prev) || now.getTime() > prev ? now.getTime() : prev + 1).toISOString();
}

export async function removeInterview(deps: InterviewDependencies, subscriberId: string, interviewId: string): Promise<void> {
  if (!(await deps.repos.interviews.delete(subscriberId, interviewId))) throw new NotFoundError('interview');
  await giveBackQuota(deps, subscriberId, 'interviews');
}

/** What happened, as POST /v1/interviews/{id}/events and the emailed action links say it. */
export interface EventInput {
  type: InterviewEventType;
  at?: string;
  decisionExpectedBy?: string | null;
}

export async function recordEvent(
  deps: InterviewDependencies,
  subscriberId: string,
  interviewId: string,
  input: EventInput,
): Promise<StoredInterview> {
  if (input.decisionExpectedBy !== undefined && input.type !== 'heard-back') {
    throw new ValidationError('decisionExpectedBy: only a "heard-back" event can carry a new decision date');
  }
  const now = deps.clock.now();
  const timeProblem = input.at === undefined ? null : eventTimeProblem(input.at, now);
  if (timeProblem) throw new ValidationError(`at: ${timeProblem}`);
  // A new decision date, and an event's own date, are checked against the interview's day, which only a read can tell.
  if (input.decisionExpectedBy || input.at !== undefined) {
    const interview = await getInterview(deps, subscriberId, interviewId);
    if (input.decisionExpectedBy) assertDecisionDate(interview, input.decisionExpectedBy);
    const beforeProblem = input.at === undefined ? null : eventBeforeInterviewProblem(interview, input.type, input.at);
    if (beforeProblem) throw new ValidationError(`at: ${beforeProblem}`);
  }
  const event: InterviewEvent = {
    type: input.type,
    at: input.at ?? now.toISOString(),
    ...(input.decisionExpectedBy !== undefined ? { decisionExpectedBy: input.decisionExpectedBy } : {}),
  };
  const updated = await deps.repos.interviews.appendEvent(subscriberId, interviewId, event, now, MAX_EVENTS);
  if (updated) return updated;
  // Tell "no such interview" from "full" only after the write refused.
  await getInterview(deps, subscriberId, interviewId);
  throw new QuotaExceededError(LIMIT_REACHED.events);
}
