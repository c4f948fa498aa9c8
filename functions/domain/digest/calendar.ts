/**
 * "Add to calendar" for a dated action: one all-day VEVENT (RFC 5545) with escaped text, CRLF line
 * endings and lines folded at 75 octets. Pure; the API serves the result as text/calendar.
 */
import { addDays, cleanText, formatDay, type CalendarDate } from '../follow-up/index.js';
import type { FollowUpAction } from '../interview.js';

/** One all-day calendar entry. */
export interface CalendarEntry {
  /** Globally unique and stable, so re-importing updates rather than duplicates (e.g. "<interview>-follow-up-2026-12-03@afterview"). */
  uid: string;
  /** The local date of the all-day event. */
  date: CalendarDate;
  summary: string;
  description?: string;
  /** An http(s) link shown with the event. */
  url?: string;
  /** When the file is generated (DTSTAMP). */
  stamp: Date;
}

const PRODID = '-//afterview//follow-up reminders//EN';

/** TEXT value escaping (RFC 5545 §3.3.11); other control characters are dropped. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

const utf8 = new TextEncoder();

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = utf8.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const icsDate = (date: CalendarDate) => date.replace(/-/g, '');
const icsStamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The .ics text for one all-day entry. */
export function buildIcs(entry: CalendarEntry): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(cleanText(entry.uid, 250))}`,
    `DTSTAMP:${icsStamp(entry.stamp)}`,
    `DTSTART;VALUE=DATE:${icsDate(entry.date)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(entry.date, 1))}`,
    `SUMMARY:${escapeIcsText(cleanText(entry.summary, 250))}`,
    ...(entry.description ? [`DESCRIPTION:${escapeIcsText(entry.description)}`] : []),
    ...(entry.url && /^https?:\/\/[^\s]+$/i.test(entry.url) ? [`URL:${entry.url}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}

const SUMMARY: Record<FollowUpAction['type'], string> = {
  'send-thank-you': 'Send a thank-you note',
  'check-in': 'Optional check-in',
  'follow-up': 'Follow up',
  'move-on': 'Move on',
  'references-not-offer': 'References requested',
};

/** The calendar entry for an action on one interview: "Follow up: Data Analyst at Acme Robotics". */
export function calendarEntryForAction(
  interview: { id: string; company: string; role: string; interviewer: { name: string } },
  action: FollowUpAction,
  stamp: Date,
  url?: string,
): CalendarEntry {
  const company = cleanText(interview.company, 80);
  const role = cleanText(interview.role, 80);
  const description = [
    `${SUMMARY[action.type]} with ${cleanText(interview.interviewer.name, 80)} about the ${role} role at ${company} (due ${formatDay(action.dueOn, 'long')}).`,
    action.why,
    ...(action.draft ? ['', `Subject: ${action.draft.subject}`, '', action.draft.body] : []),
  ].join('\n');
  return {
    uid: `${interview.id}-${action.type}-${action.dueOn}@afterview`,
    date: action.dueOn,
    summary: `${SUMMARY[action.type]}: ${role} at ${company}`,
    description,
    url,
    stamp,
  };
}
