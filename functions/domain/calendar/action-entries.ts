/**
 * What a follow-up action looks like in a calendar: "Follow up: Data Analyst at Acme Robotics" on
 * the day it is due, with the reason and the drafted note in the description.
 */
import { cleanText, formatDay } from '../follow-up/index.js';
import type { FollowUpAction } from '../interview.js';
import type { CalendarEntry } from './ics-writer.js';

export const ACTION_SUMMARY: Record<FollowUpAction['type'], string> = {
  'send-thank-you': 'Send a thank-you note',
  'check-in': 'Optional check-in',
  'follow-up': 'Follow up',
  'move-on': 'Move on',
  'references-not-offer': 'References requested',
};

/** How the description names the interviewer after the action: a note goes *to* someone, a follow-up is *with* them. */
const TOWARD: Record<FollowUpAction['type'], string> = {
  'send-thank-you': 'to',
  'check-in': 'with',
  'follow-up': 'with',
  'move-on': 'after waiting on',
  'references-not-offer': 'by',
};

/** The interview as a calendar entry names it. */
export interface CalendarInterview {
  id: string;
  company: string;
  role: string;
  interviewer: { name: string };
}

/** The calendar entry for an action on one interview: "Follow up: Data Analyst at Acme Robotics". */
export function calendarEntryForAction(interview: CalendarInterview, action: FollowUpAction, stamp: Date, url?: string): CalendarEntry {
  const company = cleanText(interview.company, 80);
  const role = cleanText(interview.role, 80);
  const description = [
    `${ACTION_SUMMARY[action.type]} ${TOWARD[action.type]} ${cleanText(interview.interviewer.name, 80)} about the ${role} role at ${company} (due ${formatDay(action.dueOn, 'long')}).`,
    action.why,
    ...(action.draft ? ['', `Subject: ${action.draft.subject}`, '', action.draft.body] : []),
  ].join('\n');
  return {
    uid: `${interview.id}-${action.type}-${action.dueOn}@afterview`,
    date: action.dueOn,
    summary: `${ACTION_SUMMARY[action.type]}: ${role} at ${company}`,
    description,
    url,
    stamp,
  };
}
