/**
 * Where an interview stands on a given day: the facts every rule reads (R1–R11), worked out once.
 * `planFollowUps` turns this into actions and `nextKeyDates` into a small timeline, so the plan and
 * the digest's picture can never disagree.
 */
import type { Interview, InterviewEvent, InterviewEventType, InterviewStatus } from '../interview.js';
import { addDays, daysBetween, dateIn, laterOf, type CalendarDate } from './dates.js';
import { FOLLOW_UP_RULES as RULES, graceDaysFor } from './rules.js';

/** The notes a candidate sends. A congratulations note is contact, but never a follow-up (R5). */
const CANDIDATE_NOTES: ReadonlySet<InterviewEventType> = new Set(['thank-you-sent', 'check-in-sent', 'follow-up-sent', 'congrats-sent']);
/** The employer got in touch: the follow-up clock starts again (R11, R9). */
const EMPLOYER_REPLIES: ReadonlySet<InterviewEventType> = new Set(['heard-back', 'references-requested']);
/** Outcomes that close the interview (R11). */
const OUTCOMES: ReadonlySet<InterviewEventType> = new Set(['offer', 'rejected', 'withdrawn']);

/** One stretch of waiting: from the interview, or from the employer's latest reply (R4, R11). */
export interface FollowUpTimeline {
  origin: 'interview' | 'heard-back' | 'references-requested';
  /** The day the clock started (the interview day or the day they replied). */
  startedOn: CalendarDate;
  /** When they expected to decide, if known for this stretch. */
  decisionBy: CalendarDate | null;
  /** `stated`: given for this stretch; `carried`: an earlier date still ahead when they replied without a new one. */
  decisionSource: 'stated' | 'carried' | 'none';
  /** Days from `startedOn` to `decisionBy` (R2, R3). */
  horizonDays: number | null;
  graceDays: number | null;
}

/** Everything the rules decide about one interview on one day. */
export interface FollowUpAssessment {
  zone: string;
  today: CalendarDate;
  interviewDate: CalendarDate;
  status: InterviewStatus;
  closedBy: { type: 'offer' | 'rejected' | 'withdrawn'; on: CalendarDate } | null;
  /** False under `contactPolicy: "no-contact"` (R6). */
  contactAllowed: boolean;
  thankYou: {
    dueOn: CalendarDate;
    /** After this day the thank-you is late ("late is better than never"). */
    lateAfter: CalendarDate;
    sentOn: CalendarDate | null;
    /** Still to be sent and worth suggesting today. */
    pending: boolean;
  };
  timeline: FollowUpTimeline;
  checkIn: {
    dueOn: CalendarDate;
    sentOn: CalendarDate | null;
    /** Why it is not suggested, if it is not. */
    skipped: 'follow-up-sent' | 'close-to-follow-up' | 'recent-congrats' | 'thank-you-pending' | 'window-passed' | null;
    /** Congratulations sent in the week before it was due, if that is why it was skipped. */
    congratsOn: CalendarDate | null;
  } | null;
  followUp: {
    dueOn: CalendarDate;
    sentOn: CalendarDate | null;
    basis: 'decision-date' | 'no-date';
    /** The day the no-date wait counts from (the thank-you, or the reply). */
    countedFrom: CalendarDate;
  };
  /** Set when the interview has moved on (R5), or the day it will if the silence continues. */
  moveOn: { on: CalendarDate; reached: boolean; after: 'follow-up' | 'two-contacts'; lastContactOn: CalendarDate } | null;
  referencesRequestedOn: CalendarDate | null;
}

interface DatedEvent {
  event: InterviewEvent;
  at: number;
  on: CalendarDate;
}

/**
 * Works out where `interview` stands at `now`. Events later than `now` have not happened yet and
 * are ignored, so a plan can be computed for any instant.
 */
export function assessInterview(interview: Interview, now: Date): FollowUpAssessment {
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid instant');
  const zone = interview.timeZone;
  const today = dateIn(now, zone);
  const interviewDate = dateIn(interview.interviewedAt, zone);
  const contactAllowed = interview.contactPolicy !== 'no-contact';

  const events: DatedEvent[] = interview.events
    .map((event, index) => ({ event, index, at: Date.parse(event.at) }))
    .filter((e) => e.at <= now.getTime())
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ event, at }) => ({ event, at, on: dateIn(event.at, zone) }));

  const outcome = events.find((e) => OUTCOMES.has(e.event.type));
  const closedBy = outcome ? { type: outcome.event.type as 'offer' | 'rejected' | 'withdrawn', on: outcome.on } : null;

  // R11: each reply from the employer on or after the interview day starts a new timeline.
  let timeline = startTimeline('interview', interviewDate, interview.decisionExpectedBy ?? null, 'stated');
  let timelineStartsAt = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    if (!EMPLOYER_REPLIES.has(e.event.type) || e.on < interviewDate) continue;
    const given = e.event.decisionExpectedBy;
    // A date given now wins; "null" means they gave none; silence keeps an earlier date still ahead.
    const [decision, source]: [CalendarDate | null, 'stated' | 'carried'] =
      given !== undefined ? [given, 'stated'] : [timeline.decisionBy && timeline.decisionBy > e.on ? timeline.decisionBy : null, 'carried'];
    timeline = startTimeline(e.event.type as 'heard-back' | 'references-requested', e.on, decision, source);
    timelineStartsAt = e.at;
  }
  const inTimeline = events.filter((e) => e.at >= timelineStartsAt);
  const notesInTimeline = inTimeline.filter((e) => CANDIDATE_NOTES.has(e.event.type));
  const firstOf = (list: DatedEvent[], type: InterviewEventType) => list.find((e) => e.event.type === type)?.on ?? null;

  const thankYouSentOn = firstOf(events, 'thank-you-sent');
  // A check-in or follow-up already sent carries the thanks; suggesting a thank-you after it would be odd.
  const laterNoteSent = events.some((e) => e.event.type === 'check-in-sent' || e.event.type === 'follow-up-sent');

  // R2 / R4: when the one follow-up of this timeline is due.
  const followUpSentOn = firstOf(inTimeline, 'follow-up-sent');
  const notesBeforeFollowUp = notesInTimeline.filter((e) => e.event.type !== 'follow-up-sent');
  const lastNoteOn = notesBeforeFollowUp.length ? notesBeforeFollowUp[notesBeforeFollowUp.length - 1]!.on : null;
  let basis: 'decision-date' | 'no-date';
  let countedFrom: CalendarDate;
  let followUpDue: CalendarDate;
  if (timeline.decisionBy) {
    basis = 'decision-date';
    countedFrom = timeline.decisionBy;
    followUpDue = addDays(timeline.decisionBy, timeline.graceDays ?? 0);
  } else {
    basis = 'no-date';
    // Counted from the thank-you; with none recorded, from the day it was due, so the date does not
    // jump when the candidate records a timely thank-you.
    countedFrom =
      timeline.origin === 'interview'
        ? laterOf(thankYouSentOn ?? addDays(interviewDate, RULES.thankYou.dueAfterInterviewDays), interviewDate)
        : timeline.startedOn;
    followUpDue = addDays(countedFrom, RULES.followUp.noDateWaitDays);
  }
  followUpDue = laterOf(followUpDue, addDays(timeline.startedOn, RULES.followUp.minDaysAfterStart));
  if (lastNoteOn) followUpDue = laterOf(followUpDue, addDays(lastNoteOn, RULES.followUp.minDaysAfterLastNote));

  const thankYouPending = contactAllowed && !thankYouSentOn && !laterNoteSent && today < followUpDue;

  // R5: a week after the follow-up, or after a second unanswered contact, it is time to move on.
  const contacts = inTimeline.filter((e) => e.event.type === 'check-in-sent' || e.event.type === 'follow-up-sent');
  const moveOnCandidates: Array<{ on: CalendarDate; after: 'follow-up' | 'two-contacts'; lastContactOn: CalendarDate }> = [];
  if (followUpSentOn) moveOnCandidates.push({ on: addDays(followUpSentOn, RULES.moveOn.waitDays), after: 'follow-up', lastContactOn: followUpSentOn });
  const enough = contacts[RULES.moveOn.unansweredContactsEnough - 1];
  if (enough) moveOnCandidates.push({ on: addDays(enough.on, RULES.moveOn.waitDays), after: 'two-contacts', lastContactOn: enough.on });
  moveOnCandidates.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const firstMoveOn = moveOnCandidates[0];
  const moveOn = firstMoveOn ? { ...firstMoveOn, reached: today >= firstMoveOn.on } : null;

  const status: InterviewStatus = closedBy ? 'closed' : moveOn?.reached ? 'moved-on' : 'open';

  // R3: an optional check-in about a week into a long wait.
  let checkIn: FollowUpAssessment['checkIn'] = null;
  if (timeline.horizonDays !== null && timeline.horizonDays >= RULES.checkIn.minHorizonDays) {
    // A late thank-you pushes the check-in back, so two notes do not arrive days apart.
    const thankYous = inTimeline.filter((e) => e.event.type === 'thank-you-sent');
    const lastThankYou = thankYous.length ? thankYous[thankYous.length - 1]!.on : null;
    let dueOn = addDays(timeline.startedOn, RULES.checkIn.afterStartDays);
    if (lastThankYou) dueOn = laterOf(dueOn, addDays(lastThankYou, RULES.checkIn.minDaysAfterLastNote));
    const sentOn = firstOf(inTimeline, 'check-in-sent');
    // Congratulations in the week before it was due (or since) already kept the candidate visible.
    const congrats = events.find((e) => e.event.type === 'congrats-sent' && e.on >= addDays(dueOn, -RULES.checkIn.skipIfCongratsWithinDays));
    let skipped: NonNullable<FollowUpAssessment['checkIn']>['skipped'] = null;
    if (sentOn) skipped = null;
    else if (followUpSentOn) skipped = 'follow-up-sent';
    else if (daysBetween(dueOn, followUpDue) < RULES.checkIn.minDaysBeforeFollowUp) skipped = 'close-to-follow-up';
    else if (congrats) skipped = 'recent-congrats';
    else if (!thankYouSentOn && !laterNoteSent) skipped = 'thank-you-pending';
    else if (daysBetween(dueOn, today) >= RULES.checkIn.offeredForDays) skipped = 'window-passed';
    checkIn = { dueOn, sentOn, skipped, congratsOn: skipped === 'recent-congrats' ? (congrats?.on ?? null) : null };
  }

  const references = [...events].reverse().find((e) => e.event.type === 'references-requested');

  return {
    zone,
    today,
    interviewDate,
    status,
    closedBy,
    contactAllowed,
    thankYou: {
      dueOn: addDays(interviewDate, RULES.thankYou.dueAfterInterviewDays),
      lateAfter: addDays(interviewDate, RULES.thankYou.lateAfterInterviewDays),
      sentOn: thankYouSentOn,
      pending: thankYouPending,
    },
    timeline,
    checkIn,
    followUp: { dueOn: followUpDue, sentOn: followUpSentOn, basis, countedFrom },
    moveOn,
    referencesRequestedOn: references?.on ?? null,
  };
}

function startTimeline(
  origin: FollowUpTimeline['origin'],
  startedOn: CalendarDate,
  decisionBy: CalendarDate | null,
  source: 'stated' | 'carried',
): FollowUpTimeline {
  // A decision date before the clock started says nothing about when to follow up: treat it as unknown.
  if (!decisionBy || decisionBy < startedOn) {
    return { origin, startedOn, decisionBy: null, decisionSource: 'none', horizonDays: null, graceDays: null };
  }
  const horizonDays = daysBetween(startedOn, decisionBy);
  return { origin, startedOn, decisionBy, decisionSource: source, horizonDays, graceDays: graceDaysFor(horizonDays) };
}
