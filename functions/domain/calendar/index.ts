/**
 * The plan in the candidate's calendar: one iCalendar writer (ical.js) for the digest's "add to
 * calendar" file and for the subscriber's calendar feed, and the entries both are made of.
 */
export { buildIcs, writeCalendar, type CalendarEntry, type CalendarHeader } from './ics-writer.js';
export { calendarEntryForAction, ACTION_SUMMARY, type CalendarInterview } from './action-entries.js';
export { calendarFeedEntries, feedEntriesFor, sequenceFor, type FeedInterview, type FeedLinks } from './feed.js';
