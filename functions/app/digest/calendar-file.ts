/**
 * "Add to calendar" links in digests: a signed link names one dated action of one interview; the
 * file is built when it is fetched, from the interview as it is now. Reading it changes nothing.
 */
import { ActionType, LocalDate, type FollowUpAction } from '../../domain/interview.js';
import { NotFoundError } from '../errors.js';
import { plannedInterviews, type PlanDependencies } from '../interviews/plan.js';
import type { Clock, InterviewRepository, LinkSigner } from '../ports.js';

export interface CalendarDeps {
  repos: { interviews: Pick<InterviewRepository, 'get'> } & PlanDependencies['repos'];
  links: LinkSigner;
  clock: Clock;
}

/** The .ics text for a calendar link, or NotFoundError when the link is not valid any more. */
export async function calendarFileForLink(deps: CalendarDeps, token: string): Promise<{ filename: string; ics: string }> {
  const now = deps.clock.now();
  const payload = await deps.links.verify(token, now);
  const type = ActionType.safeParse(payload?.data.type);
  const dueOn = LocalDate.safeParse(payload?.data.dueOn);
  if (!payload || payload.purpose !== 'calendar' || !type.success || !dueOn.success || !payload.data.interviewId) {
    throw new NotFoundError('calendar entry');
  }
  const interview = await deps.repos.interviews.get(payload.subscriberId, payload.data.interviewId);
  if (!interview) throw new NotFoundError('calendar entry');
  // The action as the plan sees it today (its draft and reason, as the digest has them), or as the link named it.
  const [planned] = await plannedInterviews(deps, payload.subscriberId, now, interview);
  const current = planned!.plan.actions.find((a) => a.type === type.data);
  const action: FollowUpAction = current ?? {
    type: type.data,
    dueOn: dueOn.data,
    overdue: false,
    channel: interview.lastEmployerChannel,
    why: '',
  };
  // Loaded on first use, like the calendar feed: most cold starts never write a calendar.
  const { buildIcs, calendarEntryForAction } = await import('../../domain/calendar/index.js');
  return {
    filename: `afterview-${action.type}-${action.dueOn}.ics`,
    ics: buildIcs(calendarEntryForAction(interview, action, now)),
  };
}
