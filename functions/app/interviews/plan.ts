/**
 * GET /v1/plan: today's actions for every interview that still needs something, with drafts —
 * the same engine (planFollowUps) the digest uses, so the API and the mail never disagree.
 */
import type { FollowUpAction, InterviewStatus, StoredInterview } from '../../domain/interview.js';
import { planFollowUps } from '../../domain/follow-up/index.js';
import type { Clock, InterviewRepository } from '../ports.js';

export interface PlanDependencies {
  repos: { interviews: InterviewRepository };
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

export function planForInterview(interview: StoredInterview, now: Date): InterviewPlan {
  const plan = planFollowUps(interview, now);
  return {
    interviewId: interview.id,
    company: interview.company,
    role: interview.role,
    interviewer: interview.interviewer,
    status: plan.status,
    actions: plan.actions,
  };
}

/** Open interviews and those with something left to say (the one move-on notice); soonest first. */
export async function planForSubscriber(deps: PlanDependencies, subscriberId: string): Promise<SubscriberPlan> {
  const now = deps.clock.now();
  const interviews = await deps.repos.interviews.list(subscriberId);
  const plans = interviews
    .map((i) => planForInterview(i, now))
    .filter((p) => p.status === 'open' || p.actions.length > 0)
    .sort((a, b) => firstDue(a).localeCompare(firstDue(b)) || a.company.localeCompare(b.company));
  return { generatedAt: now.toISOString(), interviews: plans };
}

const firstDue = (p: InterviewPlan) => p.actions.map((a) => a.dueOn).sort()[0] ?? '9999-12-31';
