/**
 * GET /v1/plan: today's actions for every interview that still needs something, with drafts —
 * the same engine (planFollowUps) and the same choice of good news for a thank-you still due
 * (app/news/thank-you-news.ts) as the digest, so the API and the mail never disagree.
 */
import type { FollowUpAction, InterviewStatus, StoredInterview } from '../../domain/interview.js';
import { notRelevantOnDemand } from '../news/not-relevant.js';
import { planInterviewsWithNews, planWithNews, thankYouStillDue, type PlannedInterview } from '../news/thank-you-news.js';
import type { Clock, CompanyRepository, FeedbackRepository, InterviewRepository, NewsRepository } from '../ports.js';

export interface PlanDependencies {
  repos: {
    interviews: Pick<InterviewRepository, 'list'>;
    companies: Pick<CompanyRepository, 'list'>;
    news: Pick<NewsRepository, 'listSince'>;
    feedback: Pick<FeedbackRepository, 'list'>;
  };
  clock: Clock;
}

export interface InterviewPlan {
  interviewId: string;
  company: string;
  role: string;
  interviewer: { name: string; email?: string };
  status: InterviewStatus;
  actions: FollowUpAction[];
}

export interface SubscriberPlan {
  generatedAt: string;
  interviews: InterviewPlan[];
}

function interviewPlan({ interview, plan }: PlannedInterview): InterviewPlan {
  return {
    interviewId: interview.id,
    company: interview.company,
    role: interview.role,
    interviewer: interview.interviewer,
    status: plan.status,
    actions: plan.actions,
  };
}

/** The interview's plan without looking at news (status, dates; the thank-you without the company's news). */
export function planForInterview(interview: StoredInterview, now: Date): InterviewPlan {
  return interviewPlan(planWithNews(interview, now, null));
}

/** Every interview of the subscriber planned at `now`, each thank-you still due with its good news folded in. */
export async function plannedInterviews(
  deps: Pick<PlanDependencies, 'repos'>,
  subscriberId: string,
  now: Date,
  only?: StoredInterview,
): Promise<PlannedInterview[]> {
  const interviews = only ? [only] : await deps.repos.interviews.list(subscriberId);
  // Most plans have no thank-you due: then neither the companies nor their news are read.
  const companies = interviews.some((i) => thankYouStillDue(i, now)) ? await deps.repos.companies.list(subscriberId) : [];
  return planInterviewsWithNews(deps, { companies, interviews, notRelevant: notRelevantOnDemand(deps, subscriberId) }, now);
}

/** One interview's plan, as GET /v1/plan and the digest give it. */
export async function planForOneInterview(
  deps: PlanDependencies,
  subscriberId: string,
  interview: StoredInterview,
  now: Date = deps.clock.now(),
): Promise<InterviewPlan> {
  const [planned] = await plannedInterviews(deps, subscriberId, now, interview);
  return interviewPlan(planned!);
}

/** Open interviews and those with something left to say (the one move-on notice); soonest first. */
export async function planForSubscriber(deps: PlanDependencies, subscriberId: string): Promise<SubscriberPlan> {
  const now = deps.clock.now();
  const plans = (await plannedInterviews(deps, subscriberId, now))
    .map(interviewPlan)
    .filter((p) => p.status === 'open' || p.actions.length > 0)
    .sort((a, b) => firstDue(a).localeCompare(firstDue(b)) || a.company.localeCompare(b.company));
  return { generatedAt: now.toISOString(), interviews: plans };
}

const firstDue = (p: InterviewPlan) => p.actions.map((a) => a.dueOn).sort()[0] ?? '9999-12-31';
