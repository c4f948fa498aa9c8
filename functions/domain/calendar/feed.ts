/**
 * The subscriber's calendar feed: every action still ahead of them (thank-you, check-in,
 * follow-up) and every decision date still to come, as all-day entries on the days the plan gives
 * them, each with its reason, its drafted note and a link to the Today page.
 *
 * Calendars that subscribe fetch the feed again and again, so an entry must be recognisable from
 * one fetch to the next: its UID names the interview and the kind of entry (never the date, which
 * moves when the plan does), and its SEQUENCE grows whenever the interview changes. What an entry
 * says depends only on the interview and its own day — the plan as it will stand that day — so an
 * unchanged interview gives the same entry on every fetch.
 */
import { DateTime } from 'luxon';
import { cleanText, formatDay, nextKeyDates, planFollowUps, type CalendarDate, type KeyDateKind } from '../follow-up/index.js';
import type { ActionType, FollowUpAction, Interview } from '../interview.js';
import { calendarEntryForAction, type CalendarInterview } from './action-entries.js';
import type { CalendarEntry } from './ics-writer.js';
import type { ThankYouNews } from '../notes/thank-you-news.js';

/** An interview as the feed needs it: the rules' input, its id and when it last changed. */
export type FeedInterview = Interview & CalendarInterview & { updatedAt: string };

export interface FeedLinks {
  /** The Today page, where each action can be done and recorded. */
  today: string;
}

const ACTION_FOR: Partial<Record<KeyDateKind, ActionType>> = {
  'thank-you': 'send-thank-you',
  'check-in': 'check-in',
  'follow-up': 'follow-up',
};

/** SEQUENCE counts seconds from here, so it fits RFC 5545's 32-bit INTEGER until 2092. */
const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1);

/** The entry's revision: moves forward with every change to the interview. */
export function sequenceFor(updatedAt: string): number {
  const at = Date.parse(updatedAt);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((at - SEQUENCE_EPOCH_MS) / 1000));
}

/** Noon of `date` in `zone`: an instant squarely inside that local day, whatever the clocks do. */
const middayOf = (date: CalendarDate, zone: string) => DateTime.fromISO(`${date}T12:00:00`, { zone }).toJSDate();

/**
 * The action of `type` as the plan gives it on `date` (null when the plan no longer has it then);
 * a thank-you with the company's good news folded in, as the digest and Today offer it.
 */
function actionOn(interview: Interview, type: ActionType, date: CalendarDate, news: ThankYouNews | undefined): FollowUpAction | null {
  const options = news && type === 'send-thank-you' ? { news } : undefined;
  return planFollowUps(interview, middayOf(date, interview.timeZone), options).actions.find((a) => a.type === type && a.dueOn === date) ?? null;
}

/** The calendar entries of one interview at `now`, in date order; `news` is folded into its thank-you. */
export function feedEntriesFor(interview: FeedInterview, now: Date, links: FeedLinks, news?: ThankYouNews): CalendarEntry[] {
  // Closed (R11) and moved-on (R5) interviews have nothing left to put in a calendar.
  if (planFollowUps(interview, now).status !== 'open') return [];
  const keyDates = nextKeyDates(interview, now);
  const sequence = sequenceFor(interview.updatedAt);
  const lastModified = new Date(interview.updatedAt);
  const todayLine = `Today’s plan in afterview: ${links.today}`;
  const entries: CalendarEntry[] = [];

  for (const key of keyDates) {
    if (!key.date || !['due', 'overdue', 'upcoming'].includes(key.state)) continue;
    const type = ACTION_FOR[key.kind];
    if (type) {
      const action = actionOn(interview, type, key.date, news);
      if (!action) continue;
      const entry = calendarEntryForAction(interview, action, now, links.today);
      entries.push({ ...entry, uid: `${interview.id}-${key.kind}@afterview`, description: `${entry.description}\n\n${todayLine}`, sequence, lastModified });
    } else if (key.kind === 'decision') {
      const followUp = keyDates.find((k) => k.kind === 'follow-up' && k.date && k.state !== 'done');
      const company = cleanText(interview.company, 80);
      const role = cleanText(interview.role, 80);
      entries.push({
        uid: `${interview.id}-decision@afterview`,
        date: key.date,
        summary: `Decision expected: ${role} at ${company}`,
        description: [
          `${company} expected to decide about the ${role} role by ${formatDay(key.date, 'long')}.`,
          followUp?.date
            ? `If you have not heard by then, afterview suggests one short follow-up on ${formatDay(followUp.date, 'long')}.`
            : 'If you hear from them, record it in afterview and the plan follows.',
          '',
          todayLine,
        ].join('\n'),
        url: links.today,
        stamp: now,
        sequence,
        lastModified,
      });
    }
  }
  return entries;
}

/**
 * Every interview's entries, soonest first; closed and moved-on interviews have none. `news` holds,
 * by interview id, the good news to fold into a thank-you still due (the digest's choice).
 */
export function calendarFeedEntries(
  interviews: readonly FeedInterview[],
  now: Date,
  links: FeedLinks,
  news: ReadonlyMap<string, ThankYouNews> = new Map(),
): CalendarEntry[] {
  return interviews
    .flatMap((interview) => feedEntriesFor(interview, now, links, news.get(interview.id)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}
