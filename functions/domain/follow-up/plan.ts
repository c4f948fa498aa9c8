/**
 * `planFollowUps`: what the candidate should do about one interview, today and in the coming week
 * (CONTRACTS.md §1 `plan`). Each action says why, in words a person can check against the advice.
 */
import type { ActionType, Channel, Draft, FollowUpAction, FollowUpPlan, Interview } from '../interview.js';
import { assessInterview, type FollowUpAssessment } from './assess.js';
import { addDays, daysBetween, formatDay, type CalendarDate } from './dates.js';
import type { ThankYouNews } from '../notes/thank-you-news.js';
import { writeDraft, type DraftKind } from './drafts.js';
import { CHANNEL_ADVICE, FOLLOW_UP_RULES as RULES, OVERDUE_AFTER_DAYS } from './rules.js';

const ACTION_ORDER: readonly ActionType[] = ['send-thank-you', 'check-in', 'follow-up', 'references-not-offer', 'move-on'];

/** What the thank-you's "why" adds when good news is folded into its draft (R8). */
export const NEWS_IN_THANK_YOU = 'The company has good news too: the draft ends its first paragraph with one line about it, so you need not write twice.';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const short = (d: CalendarDate) => formatDay(d, 'short');

export interface PlanOptions {
  /**
   * Good news about the company while the thank-you is due (R8): the thank-you's draft carries one
   * sentence naming it, and its "why" says so. The caller chooses the story (fresh, good, seen by
   * this subscriber); nothing changes for the other actions.
   */
  news?: ThankYouNews | null;
}

/**
 * The follow-up plan for `interview` at `now` (rules R1–R11, DESIGN.md §1): its status and the
 * actions due today, overdue, or due within the next 7 days, each dated in the interview's time zone.
 * Pure: the same interview, instant and options always give the same plan.
 */
export function planFollowUps(interview: Interview, now: Date, options: PlanOptions = {}): FollowUpPlan {
  const a = assessInterview(interview, now);
  const channel: Channel = interview.lastEmployerChannel ?? 'email';
  if (a.status === 'closed') return { status: 'closed', actions: [] };
  if (a.status === 'moved-on' && a.moveOn) {
    return { status: 'moved-on', actions: [action(a, 'move-on', a.moveOn.on, channel, moveOnWhy(a.moveOn))] };
  }

  const lastListed = addDays(a.today, RULES.lookAheadDays);
  const actions: FollowUpAction[] = [];
  const outreach = (kind: DraftKind, dueOn: CalendarDate, why: string) => {
    const late = kind === 'send-thank-you' && isOverdue(a, kind, dueOn);
    const context = {
      kind,
      interviewerName: interview.interviewer.name,
      role: interview.role,
      company: interview.company,
      format: interview.format,
      interviewDate: a.interviewDate,
      timeline: a.timeline,
      late,
    };
    let draft = writeDraft(context);
    let newsWhy = '';
    if (kind === 'send-thank-you' && options.news) {
      // The sentence is left out when even its short form would make the note too long.
      const folded = writeDraft({ ...context, news: options.news });
      if (folded.body !== draft.body) [draft, newsWhy] = [folded, ` ${NEWS_IN_THANK_YOU}`];
    }
    actions.push(action(a, kind, dueOn, channel, `${why}${newsWhy} ${CHANNEL_ADVICE[channel]}`, draft));
  };

  // R6: under no-contact nothing below is suggested; notices still are.
  if (a.contactAllowed) {
    if (a.thankYou.pending && a.thankYou.dueOn <= lastListed) {
      outreach('send-thank-you', a.thankYou.dueOn, thankYouWhy(a, interview));
    }
    const checkIn = a.checkIn;
    if (checkIn && !checkIn.sentOn && !checkIn.skipped && checkIn.dueOn <= lastListed) {
      outreach('check-in', checkIn.dueOn, checkInWhy(a));
    }
    // R4: one follow-up per timeline; once it is recorded, only moving on (R5) or a reply (R11) follows.
    if (!a.followUp.sentOn && a.followUp.dueOn <= lastListed) {
      outreach('follow-up', a.followUp.dueOn, followUpWhy(a));
    }
  }

  const referencesOn = a.referencesRequestedOn;
  if (referencesOn && daysBetween(referencesOn, a.today) < RULES.referencesNotice.shownForDays) {
    actions.push(
      action(a, 'references-not-offer', referencesOn, channel,
        'Being asked for references is a good sign: employers ask all their strong finalists. But it is not an offer, so keep applying until you have one in writing.'),
    );
  }

  actions.sort((x, y) => (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : ACTION_ORDER.indexOf(x.type) - ACTION_ORDER.indexOf(y.type)));
  return { status: 'open', actions };
}

function isOverdue(a: FollowUpAssessment, type: ActionType, dueOn: CalendarDate): boolean {
  const overdueAfter = OVERDUE_AFTER_DAYS[type];
  return overdueAfter !== null && daysBetween(dueOn, a.today) > overdueAfter;
}

function action(a: FollowUpAssessment, type: ActionType, dueOn: CalendarDate, channel: Channel, why: string, draft?: Draft): FollowUpAction {
  // Key order follows CONTRACTS.md so the JSON reads the same as the documented example.
  return { type, dueOn, overdue: isOverdue(a, type, dueOn), channel, ...(draft ? { draft } : {}), why };
}

function thankYouWhy(a: FollowUpAssessment, interview: Interview): string {
  const since = daysBetween(a.interviewDate, a.today);
  const base =
    a.today > a.thankYou.lateAfter
      ? `Your interview was ${days(since)} ago and no thank-you note is recorded. Late is better than never: a short, warm note still helps.`
      : `A short thank-you note the day after the interview keeps the conversation fresh; send it by ${short(a.thankYou.lateAfter)} at the latest.`;
  // R7: after meeting in person, a handwritten card makes a stronger impression.
  const handwritten =
    interview.format === 'in-person' ? ' After an in-person interview a handwritten card is a lovely option too: post it the same day.' : '';
  return base + handwritten;
}

function checkInWhy(a: FollowUpAssessment): string {
  const t = a.timeline;
  const from = t.origin === 'interview' ? 'the interview' : 'their last message';
  return `They expect to decide by ${short(t.decisionBy!)}, ${days(t.horizonDays!)} after ${from}. For a wait that long, a light check-in about a week in keeps you in mind. It is optional and asks for nothing.`;
}

function followUpWhy(a: FollowUpAssessment): string {
  const t = a.timeline;
  const one = 'Send just one, citing their timeline and asking where they are in the process.';
  if (a.followUp.basis === 'decision-date' && t.decisionBy) {
    const later = daysBetween(t.decisionBy, a.followUp.dueOn);
    const lead =
      t.origin === 'interview'
        ? `They expected to decide by ${short(t.decisionBy)}`
        : t.decisionSource === 'stated'
          ? `When they were last in touch on ${short(t.startedOn)}, they expected to decide by ${short(t.decisionBy)}`
          : `They expected to decide by ${short(t.decisionBy)} and gave no new date when they were last in touch on ${short(t.startedOn)}`;
    return `${lead}; a short follow-up ${days(later)} later is appropriate. ${one}`;
  }
  const wait = daysBetween(a.followUp.countedFrom, a.followUp.dueOn);
  if (t.origin !== 'interview') {
    return `They were last in touch on ${short(t.startedOn)} without a date for their decision; about ${days(wait)} later is a good time for one short follow-up. ${one}`;
  }
  if (a.thankYou.sentOn) {
    return `No decision date was given; about ${days(wait)} after your thank-you note is a good time for one short follow-up. ${one}`;
  }
  return `No decision date was given and no thank-you note is recorded; about ${days(daysBetween(a.interviewDate, a.followUp.dueOn))} after the interview is a good time for one short follow-up, and it thanks them too. ${one}`;
}

function moveOnWhy(moveOn: NonNullable<FollowUpAssessment['moveOn']>): string {
  const last =
    moveOn.after === 'follow-up'
      ? `Your follow-up on ${short(moveOn.lastContactOn)} has had no answer for a week.`
      : `Two notes have gone unanswered, the last on ${short(moveOn.lastContactOn)}.`;
  return `${last} Two unanswered contacts are enough; more will not change the outcome. It is time to put your energy into other openings, and the silence says nothing about you. If they do get back in touch, record it and this interview opens again.`;
}
