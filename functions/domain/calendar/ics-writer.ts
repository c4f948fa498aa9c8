/**
 * The product's one iCalendar writer (RFC 5545), for the "add to calendar" file a digest links to
 * and for the subscriber's calendar feed: all-day entries, built and serialised with ical.js (which
 * escapes TEXT values and folds lines), after text is made safe to put there. Pure.
 */
import ICAL from 'ical.js';
import { addDays, cleanText, type CalendarDate } from '../follow-up/index.js';

/** One all-day calendar entry. */
export interface CalendarEntry {
  /** Globally unique and stable, so a calendar updates the entry rather than adding a second one. */
  uid: string;
  /** The local date of the all-day event. */
  date: CalendarDate;
  summary: string;
  description?: string;
  /** An http(s) link shown with the event. */
  url?: string;
  /** When the file is generated (DTSTAMP). */
  stamp: Date;
  /** Revision of this entry (SEQUENCE): grows whenever what it says may have changed. */
  sequence?: number;
  /** When what the entry is made from last changed (LAST-MODIFIED). */
  lastModified?: Date;
}

/** What the calendar as a whole says about itself (a feed names itself and asks to be refreshed). */
export interface CalendarHeader {
  /** The name a calendar app shows for a subscribed feed (X-WR-CALNAME, NAME). */
  name?: string;
  /** The subscriber's zone, for apps that show it (X-WR-TIMEZONE); all-day dates need none. */
  timeZone?: string;
  /** How often a subscribing app should fetch again, in hours (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshHours?: number;
}

const PRODID = '-//afterview//follow-up reminders//EN';

/**
 * Text made safe for a TEXT value: one kind of line break, no other control or invisible characters.
 * (ical.js escapes \n, "," and ";" but passes a bare CR through, which would start a new line.)
 */
function plain(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\p{Cf}\u2028\u2029]/gu, '');
}

const isWebLink = (url: string | undefined): url is string => Boolean(url && /^https?:\/\/[^\s]+$/i.test(url));

const utc = (at: Date) => ICAL.Time.fromJSDate(at, true);

function eventFor(entry: CalendarEntry): InstanceType<typeof ICAL.Component> {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', cleanText(entry.uid, 250));
  event.addPropertyWithValue('dtstamp', utc(entry.stamp));
  event.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(entry.date));
  event.addPropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(entry.date, 1)));
  if (entry.sequence !== undefined) event.addPropertyWithValue('sequence', Math.max(0, Math.trunc(entry.sequence)));
  if (entry.lastModified) event.addPropertyWithValue('last-modified', utc(entry.lastModified));
  event.addPropertyWithValue('summary', cleanText(entry.summary, 250));
  if (entry.description) event.addPropertyWithValue('description', plain(entry.description));
  if (isWebLink(entry.url)) event.addPropertyWithValue('url', entry.url);
  // A reminder to do something, not time taken: calendars show the day as free.
  event.addPropertyWithValue('transp', 'TRANSPARENT');
  return event;
}

/** The .ics text for `entries` (CRLF line endings, lines within 75 octets). */
export function writeCalendar(entries: readonly CalendarEntry[], header: CalendarHeader = {}): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  if (header.name) {
    calendar.addPropertyWithValue('name', cleanText(header.name, 100));
    calendar.addPropertyWithValue('x-wr-calname', cleanText(header.name, 100));
  }
  if (header.timeZone) calendar.addPropertyWithValue('x-wr-timezone', header.timeZone);
  if (header.refreshHours) {
    const every = ICAL.Duration.fromSeconds(header.refreshHours * 3600);
    // ical.js writes the VALUE=DURATION that RFC 7986 requires here.
    calendar.addPropertyWithValue('refresh-interval', every);
    calendar.addPropertyWithValue('x-published-ttl', every.toString());
  }
  for (const entry of entries) calendar.addSubcomponent(eventFor(entry));
  // ical.js folds after `foldLength` octets and then adds the continuation's leading space; 74 keeps
  // every physical line within RFC 5545's 75.
  ICAL.foldLength = 74;
  return `${calendar.toString()}\r\n`;
}

/** The .ics text for one all-day entry (the "add to calendar" link in a digest). */
export function buildIcs(entry: CalendarEntry): string {
  return writeCalendar([entry]);
}
