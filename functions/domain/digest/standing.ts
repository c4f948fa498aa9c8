/**
 * Where an open interview stands when there is nothing to do about it this week, in one short
 * line: what they said and the next date ("waiting for their decision by 21 Dec; follow up on
 * 27 Dec if you hear nothing"). The digest and the web app's Today page list one per such
 * interview, so the candidate sees every open interview and that each is in hand.
 *
 * Only words: every fact and date comes from the follow-up engine's assessment (the same one the
 * plan and the timeline are made from), so the line cannot disagree with what the rules will do.
 */
import { assessInterview, formatDay, type FollowUpAssessment } from '../follow-up/index.js';
import type { Interview } from '../interview.js';

const day = (date: string) => formatDay(date);

const OUTCOME_WORDS = { offer: 'offer received', rejected: 'not selected', withdrawn: 'you withdrew' } as const;

/** What they said last: their decision date (ahead or passed), or that none was given. */
function waiting(a: FollowUpAssessment): string {
  const t = a.timeline;
  const reply =
    t.origin === 'heard-back' ? `they replied on ${day(t.startedOn)}` : t.origin === 'references-requested' ? `they asked for references on ${day(t.startedOn)}` : null;
  if (!t.decisionBy) return reply ? `${reply} without a decision date` : 'waiting to hear back (no decision date given)';
  const decision = t.decisionBy >= a.today ? `waiting for their decision by ${day(t.decisionBy)}` : `their decision date (${day(t.decisionBy)}) has passed`;
  return reply ? `${reply}; ${decision}` : decision;
}

/** The line for `interview` at `now` (lower case: it follows the interview's name). */
export function interviewStanding(interview: Interview, now: Date): string {
  const a = assessInterview(interview, now);
  if (a.closedBy) return `closed: ${OUTCOME_WORDS[a.closedBy.type]} on ${day(a.closedBy.on)}`;
  if (a.status === 'moved-on' && a.moveOn) return `you moved on from this one on ${day(a.moveOn.on)}`;
  // R6: under no-contact the candidate waits for them, whatever the dates say.
  if (!a.contactAllowed) {
    const decision = a.timeline.decisionBy && a.timeline.decisionBy >= a.today ? `; they expect to decide by ${day(a.timeline.decisionBy)}` : '';
    const ahead = a.interviewDate > a.today ? `interview on ${day(a.interviewDate)}; ` : '';
    return `${ahead}they asked for no contact, so nothing is needed until they reach out${decision}`;
  }
  if (a.interviewDate > a.today) return `interview on ${day(a.interviewDate)}; your thank-you note is due on ${day(a.thankYou.dueOn)}`;
  // R4 and R5: the one follow-up went out; the next date is when to let it go.
  if (a.followUp.sentOn) {
    const until = a.moveOn ? `; if you hear nothing by ${day(a.moveOn.on)}, it is time to move on` : '';
    return `you followed up on ${day(a.followUp.sentOn)}${until}`;
  }
  return `${waiting(a)}; follow up on ${day(a.followUp.dueOn)} if you hear nothing`;
}
