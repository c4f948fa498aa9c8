/**
 * Reading invites as calendars really write them: a table of hand-written .ics files in the shapes
 * Google Calendar, Outlook/Teams, Zoom, Apple Calendar and Calendly produce
 * (test/fixtures/invites/), each with the interview fields it must give and the warnings it must
 * raise; then the refusals, one clear sentence each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ianaZoneFor, readInvite, UnusableInviteError, type ImportedInterview, type InviteContext } from '../../functions/domain/calendar-invite/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'invites');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The candidate: the subscriber's own address and zone. "Now" is a few days before most interviews. */
const CONTEXT: InviteContext = {
  now: new Date('2026-10-30T12:00:00Z'),
  candidateEmail: 'Sam.Rivera@gmail.com',
  candidateTimeZone: 'America/New_York',
};

type Expected = Omit<ImportedInterview, 'decisionExpectedBy' | 'contactPolicy' | 'lastEmployerChannel'>;

interface Row {
  shape: string;
  file: string;
  context?: Partial<InviteContext>;
  expected: Expected;
  /** A fragment of each warning, in order; [] means none at all. */
  warnings: string[];
}

const TABLE: Row[] = [
  {
    shape: 'Google Calendar invitation: UTC time, Meet link, organizer at the company',
    file: 'google-meet-utc.ics',
    expected: {
      company: 'Acme Robotics',
      role: 'Data Analyst',
      interviewer: { name: 'Dana Lee', email: 'dana.lee@acmerobotics.example' },
      interviewedAt: '2026-11-02T20:00:00Z',
      timeZone: 'America/New_York',
      format: 'video',
    },
    warnings: ['time in UTC only, so we set the interview’s time zone to yours (America/New_York)'],
  },
  {
    shape: 'Google Calendar export: TZID and X-WR-TIMEZONE, recruiter on gmail.com',
    file: 'google-export-new-york.ics',
    expected: {
      company: 'Globex Corporation',
      role: 'Software Engineer',
      interviewer: { name: 'Jordan Blake', email: 'jordan.blake.recruits@gmail.com' },
      // 10:30 in New York two days after the clocks went back (EST, UTC−5).
      interviewedAt: '2026-11-03T15:30:00Z',
      timeZone: 'America/New_York',
      format: null,
    },
    warnings: ['We took the company, “Globex Corporation”, from the invite’s title', 'does not say whether it is in person, by video or by phone'],
  },
  {
    shape: 'Google Calendar, scheduled by a recruiting tool: a panel, a boardroom, a street address',
    file: 'google-panel-in-person.ics',
    expected: {
      company: 'Initech',
      role: 'Product Manager',
      interviewer: { name: 'Kim Nguyen', email: 'kim.nguyen@initech.example' },
      interviewedAt: '2026-11-05T15:00:00Z',
      timeZone: 'America/Chicago',
      format: 'in-person',
    },
    warnings: ['also names Bill Lumbergh and Peter Gibbons; we picked Kim Nguyen (the organizer)'],
  },
  {
    shape: 'Google Calendar phone screen from a team mailbox',
    file: 'google-phone-screen.ics',
    expected: {
      company: 'Hooli',
      role: 'UX Researcher',
      interviewer: { name: null, email: 'talent@hooli.example' },
      interviewedAt: '2026-11-04T22:00:00Z',
      timeZone: 'America/Los_Angeles',
      format: 'phone',
    },
    warnings: ['does not say the interviewer’s name'],
  },
  {
    shape: 'Outlook/Teams: Windows zone "Pacific Standard Time", "Last, First" name',
    file: 'outlook-teams-pacific.ics',
    expected: {
      company: 'Contoso Health',
      role: 'Senior Data Engineer',
      interviewer: { name: 'Dana Lee', email: 'dana.lee@contosohealth.example' },
      interviewedAt: '2026-11-03T18:00:00Z',
      timeZone: 'America/Los_Angeles',
      format: 'video',
    },
    warnings: [],
  },
  {
    shape: 'Outlook/Teams: Windows zone "W. Europe Standard Time", sent from a jobs@ mailbox',
    file: 'outlook-teams-w-europe.ics',
    expected: {
      company: 'Umbrella Corp',
      role: 'Backend Developer',
      interviewer: { name: 'Klaus Weber', email: 'klaus.weber@umbrella-corp.example' },
      interviewedAt: '2026-11-10T13:00:00Z',
      timeZone: 'Europe/Berlin',
      format: 'video',
    },
    warnings: [],
  },
  {
    shape: 'Outlook: a zone with a display name only its VTIMEZONE explains',
    file: 'outlook-custom-zone.ics',
    expected: {
      company: 'Vandelay',
      role: 'QA Engineer',
      interviewer: { name: 'Anil Mehta', email: 'anil.mehta@vandelay.example' },
      interviewedAt: '2026-11-06T06:00:00Z',
      timeZone: null,
      format: 'video',
    },
    warnings: ['the time is right, but please choose the interview’s time zone', 'We guessed the company from vandelay.example'],
  },
  {
    shape: 'Outlook: the same zone, for a candidate who lives in it',
    file: 'outlook-custom-zone.ics',
    context: { candidateTimeZone: 'Asia/Kolkata' },
    expected: {
      company: 'Vandelay',
      role: 'QA Engineer',
      interviewer: { name: 'Anil Mehta', email: 'anil.mehta@vandelay.example' },
      interviewedAt: '2026-11-06T06:00:00Z',
      timeZone: 'Asia/Kolkata',
      format: 'video',
    },
    warnings: ['your own (Asia/Kolkata) has the same time then', 'We guessed the company from vandelay.example'],
  },
  {
    shape: 'Outlook: in person in London ("GMT Standard Time"), a room as a guest',
    file: 'outlook-in-person-london.ics',
    expected: {
      company: 'Stark Industries',
      role: 'Financial Analyst',
      interviewer: { name: 'Olivia Hart', email: 'olivia.hart@stark-industries.example' },
      interviewedAt: '2026-11-12T09:30:00Z',
      timeZone: 'Europe/London',
      format: 'in-person',
    },
    warnings: [],
  },
  {
    shape: 'Zoom: a scheduled meeting with no organizer, only "X is inviting you"',
    file: 'zoom-scheduled-meeting.ics',
    expected: {
      company: 'Globex',
      role: 'Product Designer',
      interviewer: { name: 'Priya Raman', email: null },
      interviewedAt: '2026-11-04T19:00:00Z',
      timeZone: 'America/Chicago',
      format: 'video',
    },
    warnings: ['We took the company, “Globex”, from the invite’s title'],
  },
  {
    shape: 'Zoom: a founder on gmail.com, the title naming the person, not the company',
    file: 'zoom-founder-gmail.ics',
    expected: {
      company: null,
      role: 'Frontend Engineer',
      interviewer: { name: 'Alex Morgan', email: 'alex.morgan.builds@gmail.com' },
      interviewedAt: '2026-11-09T16:00:00Z',
      timeZone: 'Europe/Lisbon',
      format: 'video',
    },
    warnings: ['does not say the company'],
  },
  {
    shape: 'Apple Calendar: in person, structured location, co.uk address',
    file: 'apple-in-person-london.ics',
    expected: {
      company: 'Initech',
      role: 'Account Manager',
      interviewer: { name: 'Tom Hughes', email: 'tom.hughes@initech.co.uk' },
      interviewedAt: '2026-11-05T10:30:00Z',
      timeZone: 'Europe/London',
      format: 'in-person',
    },
    warnings: [],
  },
  {
    shape: 'Apple Calendar (iPhone): a floating time, organizer on icloud.com',
    file: 'apple-floating-time.ics',
    expected: {
      company: 'Hooli',
      role: 'UX Researcher',
      interviewer: { name: 'Gavin Belson', email: 'gbelson@icloud.com' },
      interviewedAt: '2026-11-03T20:00:00Z',
      timeZone: 'America/New_York',
      format: 'in-person',
    },
    warnings: ['gives no time zone, so we used your time zone (America/New_York)', 'We took the company, “Hooli”, from the invite’s title'],
  },
  {
    shape: 'Apple Calendar: an all-day assessment day',
    file: 'apple-all-day.ics',
    expected: {
      company: 'Wayne Enterprises',
      role: 'Graduate Engineer',
      interviewer: { name: 'Lucius Fox', email: 'lucius.fox@wayne-enterprises.example' },
      interviewedAt: '2026-11-13T14:00:00Z',
      timeZone: 'America/New_York',
      format: 'in-person',
    },
    warnings: ['whole day of 13 November with no start time; we put 09:00'],
  },
  {
    shape: 'Calendly: a phone screen sent from no-reply@calendly.com',
    file: 'calendly-phone-screen.ics',
    expected: {
      company: null,
      role: null,
      interviewer: { name: 'Maria Gomez', email: null },
      interviewedAt: '2026-11-06T17:00:00Z',
      timeZone: 'America/New_York',
      format: 'phone',
    },
    warnings: ['time in UTC only', 'came from calendly.com, not from Maria Gomez’s own address', 'does not say the company or the role'],
  },
  {
    shape: 'Calendly: the host also a guest with their own address, a Meet link',
    file: 'calendly-meet-host-attendee.ics',
    expected: {
      company: 'Piedpiper',
      role: 'Data Analyst',
      interviewer: { name: 'Maria Gomez', email: 'maria.gomez@piedpiper.example' },
      interviewedAt: '2026-11-10T15:00:00Z',
      timeZone: 'America/New_York',
      format: 'video',
    },
    warnings: ['time in UTC only', 'We guessed the company from piedpiper.example — check it.'],
  },
  {
    shape: 'Several events: one past, one cancelled (the nearest), one rescheduled, one later',
    file: 'several-events.ics',
    expected: {
      company: 'Acme Robotics',
      role: 'Data Analyst',
      interviewer: { name: 'Dana Lee', email: 'dana.lee@acmerobotics.example' },
      interviewedAt: '2026-11-02T16:00:00Z',
      timeZone: 'America/New_York',
      format: 'in-person',
    },
    warnings: ['The file holds 4 events; we took the one on 2 November, the closest to today that is not cancelled.'],
  },
];

describe('readInvite: the fixture table', () => {
  it('has at least 15 invites, in every shape the issue names', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(15);
    for (const shape of ['Google Calendar', 'Outlook', 'Zoom', 'Apple Calendar', 'Calendly']) {
      expect(TABLE.some((r) => r.shape.startsWith(shape)), shape).toBe(true);
    }
  });

  it.each(TABLE)('$shape ($file)', (row) => {
    const { interview, warnings } = readInvite(fixture(row.file), { ...CONTEXT, ...row.context });
    expect(interview).toEqual({ ...row.expected, decisionExpectedBy: null, contactPolicy: null, lastEmployerChannel: null });
    expect(warnings).toEqual(row.warnings.map((w) => expect.stringContaining(w)));
  });

  it('never takes the candidate for the interviewer, whatever the case of the address', () => {
    for (const row of TABLE) {
      const { interview } = readInvite(fixture(row.file), CONTEXT);
      expect(interview.interviewer.email ?? '').not.toMatch(/sam\.rivera@gmail\.com/i);
    }
  });

  it('reads the same invite with CRLF line endings and a byte-order mark', () => {
    const crlf = `\uFEFF${fixture('outlook-teams-pacific.ics').replace(/\r?\n/g, '\r\n')}`;
    expect(readInvite(crlf, CONTEXT).interview.interviewedAt).toBe('2026-11-03T18:00:00Z');
  });
});

describe('readInvite: which event', () => {
  const weekly = (status = 'CONFIRMED') => `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:weekly@example
DTSTART;TZID=Europe/Paris:20261005T100000
DTEND;TZID=Europe/Paris:20261005T110000
RRULE:FREQ=WEEKLY;COUNT=10
SUMMARY:Weekly interview loop – Acme – Designer
ORGANIZER;CN=Dana Lee:mailto:dana@acme.example
STATUS:${status}
END:VEVENT
END:VCALENDAR`;

  it('takes the occurrence of a repeating invite nearest to now, across the change of clocks', () => {
    const { interview, warnings } = readInvite(weekly(), CONTEXT);
    // Mon 2 Nov 10:00 in Paris is after the clocks went back (CET, UTC+1).
    expect(interview.interviewedAt).toBe('2026-11-02T09:00:00Z');
    expect(interview.timeZone).toBe('Europe/Paris');
    expect(warnings).toContainEqual(expect.stringContaining('This invite repeats; we took the meeting on 2 November'));
  });

  it('refuses an invite whose only event is cancelled', () => {
    expect(() => readInvite(weekly('CANCELLED'), CONTEXT)).toThrow(/cancels the meeting/);
  });

  it('skips a cancelled event even when it is the nearest', () => {
    const { interview } = readInvite(fixture('several-events.ics'), { ...CONTEXT, now: new Date('2026-10-30T15:00:00Z') });
    expect(interview.interviewedAt).not.toBe('2026-10-30T15:00:00Z');
  });

  it('takes the past event when it is the nearest one left', () => {
    const { interview } = readInvite(fixture('several-events.ics'), { ...CONTEXT, now: new Date('2026-10-16T12:00:00Z') });
    expect(interview.interviewedAt).toBe('2026-10-14T14:00:00Z');
    expect(interview.interviewer.name).toBe('Kim Park');
  });
});

/** A one-event invite starting at `dtstart` (an iCalendar UTC time), with extra lines (RRULE) if given. */
const startingAt = (dtstart: string, extra = '') => `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:${dtstart}@example
DTSTART:${dtstart}
DTEND:${dtstart}
${extra}SUMMARY:Interview – Acme – Designer
ORGANIZER;CN=Dana Lee:mailto:dana@acme.example
END:VEVENT
END:VCALENDAR`;

describe('readInvite: a start that cannot be an interview to follow up on', () => {
  it('takes a start up to a year back and up to five years ahead', () => {
    expect(readInvite(startingAt('20251101T150000Z'), CONTEXT).interview.interviewedAt).toBe('2025-11-01T15:00:00Z');
    expect(readInvite(startingAt('20311001T150000Z'), CONTEXT).interview.interviewedAt).toBe('2031-10-01T15:00:00Z');
  });

  it('skips an absurd event when the file has a usable one', () => {
    const two = startingAt('20261102T150000Z').replace('END:VCALENDAR', startingAt('19000101T120000Z', 'RRULE:FREQ=SECONDLY\n').split('\n').slice(3).join('\n'));
    expect(readInvite(two, CONTEXT).interview.interviewedAt).toBe('2026-11-02T15:00:00Z');
  });
});

describe('readInvite: refusals, one clear sentence each', () => {
  const refusals: Array<[string, string, RegExp]> = [
    [
      'a repeating invite that starts in 1900',
      startingAt('19000101T120000Z', 'RRULE:FREQ=SECONDLY\n'),
      /^This invite is for 1 January 1900, more than a year ago, so it cannot be the interview to follow up on: check that it is the right invite\.$/,
    ],
    ['an invite from 2020', startingAt('20200301T150000Z'), /^This invite is for 1 March 2020, more than a year ago, so it cannot be the interview/],
    ['an invite for 2099', startingAt('20990301T150000Z'), /^This invite is for 1 March 2099, more than five years from now, so it cannot be the interview to follow up on: check that it is the right invite\.$/],
    ['an Outlook cancellation', fixture('outlook-cancelled.ics'), /^This invite cancels the meeting, so there is no interview in it to add\.$/],
    ['a calendar with a to-do but no event', fixture('no-event.ics'), /^This calendar file holds no event/],
    ['an event without DTSTART', fixture('no-start-time.ics'), /^This invite has no start time/],
    ['a start time that is not a date', fixture('bad-start-time.ics'), /^This invite’s start time is not a date and time we can read/],
    ['a start in month 13 (which ical.js would roll over to January)', startingAt('20261303T100000Z'), /^This invite’s start time is not a date and time we can read/],
    ['a start on 30 February', startingAt('20260230T100000Z'), /^This invite’s start time is not a date and time we can read/],
    ['a start at 25 o’clock', startingAt('20261102T250000Z'), /^This invite’s start time is not a date and time we can read/],
    ['a file cut short', fixture('truncated.ics'), /^This invite is damaged or cut short/],
    ['a contact card', fixture('contact-card.vcf'), /^This is a contact card, not a calendar invite/],
    ['an HTML page', fixture('not-an-invite.html'), /^This is not a calendar invite we can read/],
    ['nothing at all', '', /^This is not a calendar invite we can read/],
    ['plain text', 'Hi Sam, see you on Tuesday at 3pm!', /^This is not a calendar invite we can read/],
  ];

  it.each(refusals)('%s', (_label, text, message) => {
    let error: unknown;
    try {
      readInvite(text, CONTEXT);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UnusableInviteError);
    const { message: said } = error as Error;
    expect(said).toMatch(message);
    // One sentence, no internals.
    expect(said.split(/(?<=[.!?])\s+/).filter(Boolean)).toHaveLength(1);
    expect(said).toMatch(/\.$/);
    expect(said).not.toMatch(/ParserError|TypeError|undefined|at \w+ \(/);
  });
});

describe('ianaZoneFor', () => {
  it.each([
    ['America/Chicago', 'America/Chicago'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
    ['/mozilla.org/20050126_1/Europe/Paris', 'Europe/Paris'],
    ['"Europe/Madrid"', 'Europe/Madrid'],
    ['(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', null],
    ['Customized Time Zone', null],
    ['', null],
  ])('%s → %s', (tzid, zone) => {
    expect(ianaZoneFor(tzid)).toBe(zone);
  });
});
