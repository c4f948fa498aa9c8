/**
 * A calendar invite (.ics text) → the interview it is about, with what we are unsure of in plain
 * words. Parsing is ical.js's; this module decides which event is the interview, when it starts and
 * in which zone, and hands the rest to the clue readers beside it. Pure: `now`, the candidate's
 * address and their time zone come in as arguments. Nothing here saves anything.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { AppError } from '../errors.js';
import { cleanText, formatDay } from '../follow-up/index.js';
import type { InterviewFormat } from '../interview.js';
import { employerDomain, guessCompany } from './company.js';
import { guessFormat } from './format.js';
import { addressOf, chooseInterviewer, displayName, looksLikePersonName, type InvitePerson } from './people.js';
import { ianaZoneFor } from './time-zones.js';
import { readTitle } from './title.js';
import { MAX_INVITE_BYTES } from './limits.js';

/**
 * How far from now an interview to follow up on can be. Further back it is long over; further
 * ahead it is a typo or a machine-made series (an RRULE from 1900), not an interview.
 */
export const PLAUSIBLE_START = { yearsBack: 1, yearsAhead: 5 } as const;

/** The largest invite read; real ones are a few KB (a Teams invite with its boilerplate, ~20 KB). */
export { MAX_INVITE_BYTES };

/** The interview fields of CONTRACTS.md, as an invite tells them: null where it does not. */
export interface ImportedInterview {
  company: string | null;
  role: string | null;
  interviewer: { name: string | null; email: string | null };
  /** Always known: an invite without a start time is refused. */
  interviewedAt: string;
  format: InterviewFormat | null;
  /** Invites never say when the employer will decide. */
  decisionExpectedBy: null;
  contactPolicy: null;
  lastEmployerChannel: null;
  timeZone: string | null;
}

export interface InviteReading {
  interview: ImportedInterview;
  /** Plain sentences for the person: guesses to check, and what the invite did not say. */
  warnings: string[];
}

export interface InviteContext {
  now: Date;
  /** The candidate's own address (the subscriber's): never the interviewer. */
  candidateEmail: string;
  /** The candidate's time zone: used, with a warning, when the invite gives none. */
  candidateTimeZone: string;
}

/** The invite cannot be used: one sentence saying why (a 400 at the API, like any invalid input). */
export class UnusableInviteError extends AppError {
  constructor(message: string) {
    super(message, 'validation_error');
  }
}

const NOT_AN_INVITE =
  'This is not a calendar invite we can read: send the .ics file from the invitation email (it starts with BEGIN:VCALENDAR).';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

/** The wall-clock fields of an ical.js time, read without its zone. */
const wallClock = (t: Time) => ({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second });

interface Candidate {
  event: Component;
  /** The start as an instant, for "nearest to now". */
  startsAt: Date;
  start: Time;
  /** Set for a repeating event: which occurrence was taken. */
  occurrence: boolean;
}

export function readInvite(text: string, context: InviteContext): InviteReading {
  const calendar = parseCalendar(text);
  const events = calendar.getAllSubcomponents('vevent');
  if (events.length === 0) throw new UnusableInviteError('This calendar file holds no event, so there is no interview in it to add.');

  const cancelledAll = /^cancel$/i.test(String(calendar.getFirstPropertyValue('method') ?? ''));
  const live = cancelledAll ? [] : events.filter((e) => !/^cancelled$/i.test(String(e.getFirstPropertyValue('status') ?? '')));
  if (live.length === 0) throw new UnusableInviteError('This invite cancels the meeting, so there is no interview in it to add.');

  const zones = new Map(calendar.getAllSubcomponents('vtimezone').map((z) => [String(z.getFirstPropertyValue('tzid') ?? ''), z] as const));
  const calendarZone = ianaZoneFor(String(calendar.getFirstPropertyValue('x-wr-timezone') ?? ''));
  const resolve = (start: Time, tzid: string | null) => startInstant(start, tzid, zones, calendarZone, context.candidateTimeZone);

  const candidates: Candidate[] = [];
  for (const event of live) {
    const start = safely(() => event.getFirstPropertyValue('dtstart') as Time | null);
    if (!start) continue;
    // ical.js rolls an impossible date over ("month 13" becomes January): that is a damaged start, not a date.
    safely(() => {
      if (!isCalendarText(event.getFirstProperty('dtstart')?.toJSON()[3])) throw new Error('not a calendar date');
    });
    const tzid = tzidOf(event);
    const repeats = event.hasProperty('rrule') && !event.hasProperty('recurrence-id');
    const occurrence = repeats ? nearestOccurrence(event, (t) => resolve(t, tzid).instant, context.now) : null;
    const chosenStart = occurrence ?? start;
    candidates.push({ event, start: chosenStart, startsAt: resolve(chosenStart, tzid).instant, occurrence: occurrence !== null });
  }
  if (candidates.length === 0) throw new UnusableInviteError('This invite has no start time, so we cannot tell when the interview is.');

  const distance = (c: Candidate) => Math.abs(c.startsAt.getTime() - context.now.getTime());
  candidates.sort((a, b) => distance(a) - distance(b));
  const plausible = plausibleStarts(context.now);
  const chosen = candidates.find((c) => c.startsAt >= plausible.from && c.startsAt <= plausible.to);
  if (!chosen) throw implausibleStart(candidates[0]!, plausible, (c) => resolve(c.start, tzidOf(c.event)), context.candidateTimeZone);
  const warnings: string[] = [];

  const tzid = tzidOf(chosen.event);
  const when = resolve(chosen.start, tzid);
  const day = DateTime.fromJSDate(when.instant, { zone: when.zone ?? context.candidateTimeZone }).toISODate() ?? '';
  if (candidates.length > 1 || events.length > live.length) {
    warnings.push(`The file holds ${events.length} events; we took the one on ${formatDay(day, 'long')}, the closest to today that is not cancelled.`);
  }
  if (chosen.occurrence) warnings.push(`This invite repeats; we took the meeting on ${formatDay(day, 'long')}.`);
  warnings.push(...when.warnings);

  const summary = cleanText(String(chosen.event.getFirstPropertyValue('summary') ?? ''), 300);
  const description = String(chosen.event.getFirstPropertyValue('description') ?? '');
  const people = peopleOf(chosen.event);
  // Zoom's own invites have no organizer, only "Priya Raman is inviting you to a scheduled Zoom meeting."
  const hostName = displayName(/^\s*(.{2,80}?) is inviting you to a scheduled Zoom meeting/im.exec(description)?.[1]);
  const interviewer = chooseInterviewer(people, context.candidateEmail, hostName);
  warnings.push(...interviewer.warnings);

  // Calendly puts the event type in the description ("Event Name: Data Analyst Interview").
  const eventName = /^Event Name:\s*(.+)$/im.exec(description)?.[1] ?? '';
  // Names of people, so the title's "with Dana Lee" is not taken for a company ("Hooli Talent" is a team, not a person).
  const names = [...people.map((p) => p.name), hostName].filter((n): n is string => n !== null && looksLikePersonName(n));
  const candidateWords = context.candidateEmail.slice(0, context.candidateEmail.indexOf('@')).split(/[._-]/);
  const title = readTitle(summary, [...names, ...candidateWords]);
  const fromEventName = eventName ? readTitle(eventName, [...names, ...candidateWords]) : { role: null, companies: [] };

  const domains = [interviewer.email, ...people.filter((p) => p.email !== context.candidateEmail.toLowerCase()).map((p) => p.email)]
    .map(employerDomain)
    .filter((d): d is string => d !== null);
  const company = guessCompany(domains, [...title.companies, ...fromEventName.companies]);
  warnings.push(...company.warnings);

  const format = guessFormat({
    location: chosen.event.getFirstPropertyValue('location') ? String(chosen.event.getFirstPropertyValue('location')) : null,
    otherText: [
      description,
      ...['x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetingconflink', 'conference', 'url'].flatMap((name) =>
        chosen.event.getAllProperties(name).map((p) => String(p.getFirstValue() ?? '')),
      ),
    ],
    title: `${summary}\n${eventName}`,
    hasMapPlace: chosen.event.hasProperty('x-apple-structured-location') || chosen.event.hasProperty('geo'),
  });
  warnings.push(...format.warnings);

  const interview: ImportedInterview = {
    company: company.company,
    role: title.role ?? fromEventName.role,
    interviewer: { name: interviewer.name, email: interviewer.email },
    interviewedAt: when.instant.toISOString().replace('.000Z', 'Z'),
    format: format.format,
    decisionExpectedBy: null,
    contactPolicy: null,
    lastEmployerChannel: null,
    timeZone: when.zone,
  };
  const missing = [
    interview.company ? null : 'the company',
    interview.role ? null : 'the role',
    interview.interviewer.name ? null : 'the interviewer’s name',
    interview.format ? null : 'whether it is in person, by video or by phone',
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) warnings.push(`The invite does not say ${joinWords(missing)}: please fill ${missing.length === 1 ? 'it' : 'them'} in.`);
  return { interview, warnings };
}

function plausibleStarts(now: Date): { from: Date; to: Date } {
  const at = DateTime.fromJSDate(now, { zone: 'UTC' });
  return { from: at.minus({ years: PLAUSIBLE_START.yearsBack }).toJSDate(), to: at.plus({ years: PLAUSIBLE_START.yearsAhead }).toJSDate() };
}

/** The refusal for an invite whose nearest start is outside {@link PLAUSIBLE_START}, naming its day. */
function implausibleStart(nearest: Candidate, plausible: { from: Date }, resolveStart: (c: Candidate) => ResolvedStart, candidateZone: string): UnusableInviteError {
  const when = resolveStart(nearest);
  const day = DateTime.fromJSDate(when.instant, { zone: when.zone ?? candidateZone }).toISODate() ?? '';
  const far = nearest.startsAt < plausible.from ? 'more than a year ago' : 'more than five years from now';
  return new UnusableInviteError(
    `This invite is for ${formatDay(day, 'full')}, ${far}, so it cannot be the interview to follow up on: check that it is the right invite.`,
  );
}

/** The text as an iCalendar object, or one clear sentence about why it is not one. */
function parseCalendar(text: string): Component {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!/^BEGIN:VCALENDAR/i.test(trimmed)) {
    if (/^BEGIN:VCARD/i.test(trimmed)) throw new UnusableInviteError('This is a contact card, not a calendar invite: send the .ics file from the invitation email.');
    throw new UnusableInviteError(NOT_AN_INVITE);
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(trimmed);
  } catch {
    throw new UnusableInviteError('This invite is damaged or cut short, so we cannot read it: download the .ics file again and retry.');
  }
  // Several calendars in one file come back as a list of them; the first is the invite.
  const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
  const calendar = new ICAL.Component(first as never);
  if (calendar.name !== 'vcalendar') throw new UnusableInviteError(NOT_AN_INVITE);
  return calendar;
}

/** Whether a start as written ("2026-11-02T15:00:00") names a real moment: month 1–12, a day that month has, a time of day. */
function isCalendarText(value: unknown): boolean {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(value) : null;
  if (!m) return true; // another shape: ical.js judges it (and a period or a list is read as it reads it)
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  return (
    month! >= 1 && month! <= 12 && day! >= 1 && day! <= ICAL.Time.daysInMonth(month!, year!) && hour! <= 23 && minute! <= 59 && second! <= 60
  );
}

/** ical.js reads values lazily, so a bad date only throws when it is read: that is a damaged invite. */
function safely<T>(read: () => T): T {
  try {
    return read();
  } catch {
    throw new UnusableInviteError('This invite’s start time is not a date and time we can read, so we cannot tell when the interview is.');
  }
}

function tzidOf(event: Component): string | null {
  const tzid = event.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof tzid === 'string' && tzid.trim() ? tzid : null;
}

interface ResolvedStart {
  instant: Date;
  /** The interview's IANA zone, or null when the invite's zone cannot be named. */
  zone: string | null;
  warnings: string[];
}

/**
 * When the event starts, and in which zone. Order of trust: a TZID naming an IANA or Windows zone;
 * the invite's own VTIMEZONE rules (for zones with made-up names); UTC times with the calendar's
 * X-WR-TIMEZONE; and last the candidate's own zone, said out loud.
 */
function startInstant(start: Time, tzid: string | null, zones: Map<string, Component>, calendarZone: string | null, candidateZone: string): ResolvedStart {
  const yours = (why: string): ResolvedStart => ({
    instant: inZone(start, candidateZone),
    zone: candidateZone,
    warnings: [`${why}, so we used your time zone (${candidateZone}) — check the time.`],
  });
  if (start.isDate) {
    const zone = (tzid && ianaZoneFor(tzid)) || calendarZone || candidateZone;
    const at = DateTime.fromObject({ ...wallClock(start), hour: 9, minute: 0, second: 0 }, { zone });
    return {
      instant: at.toJSDate(),
      zone,
      warnings: [`The invite is for the whole day of ${formatDay(at.toISODate() ?? '', 'long')} with no start time; we put 09:00 — set the time you meet.`],
    };
  }
  if (start.zone === ICAL.Timezone.utcTimezone || (!tzid && /Z$/.test(start.toString()))) {
    const instant = new Date(Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second));
    if (calendarZone) return { instant, zone: calendarZone, warnings: [] };
    return { instant, zone: candidateZone, warnings: [`The invite gives the time in UTC only, so we set the interview’s time zone to yours (${candidateZone}) — change it if the interview is in another zone.`] };
  }
  if (tzid) {
    const iana = ianaZoneFor(tzid);
    if (iana) return { instant: inZone(start, iana), zone: iana, warnings: [] };
    const definition = zones.get(tzid);
    if (definition) {
      // A zone with a made-up name ("(UTC-08:00) Pacific Time"): the invite's own rules give the offset.
      const offsetSeconds = new ICAL.Timezone(definition).utcOffset(start);
      const instant = new Date(Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second) - offsetSeconds * 1000);
      const sameAsYours = DateTime.fromJSDate(instant, { zone: candidateZone }).offset * 60 === offsetSeconds;
      return sameAsYours
        ? { instant, zone: candidateZone, warnings: [`We do not know the time zone “${cleanText(tzid, 60)}”; your own (${candidateZone}) has the same time then, so we used it — check it.`] }
        : { instant, zone: null, warnings: [`We do not know the time zone “${cleanText(tzid, 60)}”: the time is right, but please choose the interview’s time zone.`] };
    }
    return yours(`We do not know the time zone “${cleanText(tzid, 60)}”`);
  }
  return yours('The invite gives no time zone');
}

function inZone(start: Time, zone: string): Date {
  return DateTime.fromObject(wallClock(start), { zone }).toJSDate();
}

/** The occurrence of a repeating event closest to `now` (looking at most a few hundred ahead). */
function nearestOccurrence(event: Component, instantOf: (t: Time) => Date, now: Date): Time | null {
  const iterator = safely(() => new ICAL.Event(event).iterator());
  let best: { at: Time; distance: number } | null = null;
  for (let i = 0; i < 500; i++) {
    const next = iterator.next();
    if (!next) break;
    const distance = Math.abs(instantOf(next).getTime() - now.getTime());
    if (best && distance > best.distance) break;
    best = { at: next, distance };
  }
  return best?.at ?? null;
}

function peopleOf(event: Component): InvitePerson[] {
  const read = (name: 'organizer' | 'attendee') =>
    event.getAllProperties(name).map((p): InvitePerson => {
      const cn = p.getParameter('cn');
      const cutype = p.getParameter('cutype');
      return {
        name: displayName(typeof cn === 'string' ? cn : null),
        email: addressOf(String(p.getFirstValue() ?? '')),
        role: name,
        kind: typeof cutype === 'string' ? cutype.toUpperCase() : 'INDIVIDUAL',
      };
    });
  return [...read('organizer'), ...read('attendee')];
}

function joinWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
