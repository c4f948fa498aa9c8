/**
 * The calendar feed's entries, written by the one iCalendar writer and read back with ical.js:
 * all-day events on the local dates the plan gives (also in the week the clocks change), stable
 * UIDs with a SEQUENCE that grows as the interview changes, drafts in the descriptions.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFeedEntries, writeCalendar, type FeedInterview } from '../../functions/domain/calendar/index.js';
import { NEWS_IN_THANK_YOU } from '../../functions/domain/follow-up/plan.js';

const TODAY_URL = 'https://afterview.example/';

const interview = (overrides: Partial<FeedInterview> = {}): FeedInterview => ({
  id: 'int-ny',
  company: 'Acme Robotics',
  role: 'Data Analyst',
  interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
  // Friday 30 October, 22:30 in New York: already Saturday in UTC. The clocks go back on Sunday 1 November.
  interviewedAt: '2026-10-31T02:30:00Z',
  timeZone: 'America/New_York',
  decisionExpectedBy: '2026-11-02',
  contactPolicy: 'ok',
  lastEmployerChannel: 'email',
  format: 'video',
  events: [],
  updatedAt: '2026-10-20T10:00:00.000Z',
  ...overrides,
});

/** Saturday 24 October 2026, 22:30 UTC = Sunday 25 October, 00:30 in Paris, hours before the clocks go back there. */
const paris = interview({
  id: 'int-paris',
  company: 'Globex',
  role: 'Product Designer',
  interviewer: { name: 'Priya Raman' },
  interviewedAt: '2026-10-24T22:30:00Z',
  timeZone: 'Europe/Paris',
  decisionExpectedBy: null,
});

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  description: string;
  sequence: number;
  url: string;
}

/** The feed as a calendar app reads it: parsed back with the same library. */
function readBack(ics: string): { calendar: InstanceType<typeof ICAL.Component>; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
    const end = v.getFirstPropertyValue('dtend') as InstanceType<typeof ICAL.Time>;
    expect(v.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      start: start.toString(),
      end: end.toString(),
      allDay: start.isDate && end.isDate,
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description')),
      sequence: Number(v.getFirstPropertyValue('sequence')),
      url: String(v.getFirstPropertyValue('url')),
    };
  });
  return { calendar, events };
}

const feed = (interviews: FeedInterview[], now: string) =>
  readBack(writeCalendar(calendarFeedEntries(interviews, new Date(now), { today: TODAY_URL }), { name: 'afterview', timeZone: 'America/New_York', refreshHours: 6 }));

describe('calendar feed', () => {
  it('is iCalendar a calendar app can read: a named calendar of all-day events', () => {
    const { calendar, events } = feed([interview(), paris], '2026-10-25T08:00:00Z');
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('afterview');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.allDay).toBe(true);
  });

  it('puts the week the clocks change on the right local days, in New York and in Paris', () => {
    const { events } = feed([interview(), paris], '2026-10-25T08:00:00Z');
    const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
    // New York: interview Fri 30 Oct (late evening) → thank-you Sat 31 Oct, decision Mon 2 Nov,
    // follow-up two days later (R2), across the change to standard time on 1 Nov.
    expect(byUid['int-ny-thank-you@afterview']).toMatchObject({ start: '2026-10-31', end: '2026-11-01' });
    expect(byUid['int-ny-decision@afterview']).toMatchObject({ start: '2026-11-02', end: '2026-11-03' });
    expect(byUid['int-ny-follow-up@afterview']).toMatchObject({ start: '2026-11-04', end: '2026-11-05' });
    // Paris: interview just after midnight on Sun 25 Oct (still Sat in UTC) → thank-you Mon 26 Oct;
    // no decision date → one follow-up ten days after the thank-you was due.
    expect(byUid['int-paris-thank-you@afterview']).toMatchObject({ start: '2026-10-26', end: '2026-10-27' });
    expect(byUid['int-paris-follow-up@afterview']).toMatchObject({ start: '2026-11-05' });
    expect(byUid['int-paris-decision@afterview']).toBeUndefined();
    // Soonest first.
    expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort());
  });

  it('carries the drafted note and a link back to the Today page', () => {
    const { events } = feed([interview()], '2026-10-25T08:00:00Z');
    const thankYou = events.find((e) => e.uid === 'int-ny-thank-you@afterview')!;
    expect(thankYou.summary).toBe('Send a thank-you note: Data Analyst at Acme Robotics');
    expect(thankYou.description).toMatch(/Subject: .+/);
    expect(thankYou.description).toMatch(/^Send a thank-you note to Dana Lee about the Data Analyst role at Acme Robotics \(due /);
    expect(thankYou.description).toContain(`Today’s plan in afterview: ${TODAY_URL}`);
    expect(thankYou.url).toBe(TODAY_URL);
    const decision = events.find((e) => e.uid === 'int-ny-decision@afterview')!;
    expect(decision.summary).toBe('Decision expected: Data Analyst at Acme Robotics');
    expect(decision.description).toContain('one short follow-up on 4 November');
  });

  it("folds the company's good news into a thank-you still due, as the digest does; other entries stay as they were", () => {
    const now = new Date('2026-10-31T12:00:00Z');
    const news = new Map([['int-ny', { title: 'Acme Robotics wins Webby for best mobile app', event: 'award' }]]);
    const withNews = calendarFeedEntries([interview()], now, { today: TODAY_URL }, news);
    const without = calendarFeedEntries([interview()], now, { today: TODAY_URL });
    const thankYou = (entries: typeof without) => entries.find((e) => e.uid === 'int-ny-thank-you@afterview')!.description;
    expect(thankYou(without)).not.toMatch(/Webby/);
    expect(thankYou(withNews)).toContain('the Webby for best mobile app');
    expect(thankYou(withNews)).toContain(NEWS_IN_THANK_YOU);
    const others = (entries: typeof without) => entries.filter((e) => !e.uid.includes('thank-you')).map((e) => e.description);
    expect(others(withNews)).toEqual(others(without));
  });

  it('keeps UIDs as the plan changes, moves the dates, and raises SEQUENCE', () => {
    const before = feed([interview()], '2026-11-01T15:00:00Z').events;
    // They replied on 2 Nov with a new date; the candidate recorded the thank-you.
    const changed = interview({
      events: [
        { type: 'thank-you-sent', at: '2026-10-31T14:00:00Z' },
        { type: 'heard-back', at: '2026-11-02T15:00:00Z', decisionExpectedBy: '2026-11-30' },
      ],
      updatedAt: '2026-11-02T15:00:01.000Z',
    });
    const after = feed([changed], '2026-11-02T16:00:00Z').events;
    const uids = (events: ParsedEvent[]) => events.map((e) => e.uid).sort();
    expect(uids(before)).toEqual(['int-ny-decision@afterview', 'int-ny-follow-up@afterview', 'int-ny-thank-you@afterview']);
    // The thank-you is done, so it leaves the calendar; the check-in appears for the longer wait.
    expect(uids(after)).toEqual(['int-ny-check-in@afterview', 'int-ny-decision@afterview', 'int-ny-follow-up@afterview']);
    const followUp = (events: ParsedEvent[]) => events.find((e) => e.uid === 'int-ny-follow-up@afterview')!;
    expect(followUp(before).start).toBe('2026-11-04');
    expect(followUp(after).start).toBe('2026-12-07');
    expect(after.find((e) => e.uid === 'int-ny-check-in@afterview')!.start).toBe('2026-11-09');
    expect(followUp(after).sequence).toBeGreaterThan(followUp(before).sequence);
    // An unchanged interview gives the same entries on every fetch, whatever the hour.
    const again = feed([interview()], '2026-11-01T19:00:00Z').events;
    expect(again.map(({ uid, start, summary, description, sequence }) => ({ uid, start, summary, description, sequence }))).toEqual(
      before.map(({ uid, start, summary, description, sequence }) => ({ uid, start, summary, description, sequence })),
    );
  });

  it('lists nothing for closed interviews, and no outreach under no-contact (R6)', () => {
    const closed = interview({ events: [{ type: 'rejected', at: '2026-11-01T10:00:00Z' }] });
    expect(feed([closed], '2026-11-01T15:00:00Z').events).toEqual([]);
    const quiet = feed([interview({ contactPolicy: 'no-contact' })], '2026-10-25T08:00:00Z').events;
    expect(quiet.map((e) => e.uid)).toEqual(['int-ny-decision@afterview']);
  });
});
