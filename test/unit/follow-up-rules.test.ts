/**
 * The follow-up rules R1–R11 (DESIGN.md §1) as tables: an interview, an instant, and the plan the
 * advice calls for. Actions are written `type@dueOn`, with `!` when overdue.
 */
import { describe, expect, it } from 'vitest';
import {
  assessInterview,
  FOLLOW_UP_RULES,
  graceDaysFor,
  nextKeyDates,
  planFollowUps,
} from '../../functions/domain/follow-up/index.js';
import { FollowUpPlan, Interview, type InterviewInput } from '../../functions/domain/interview.js';

type EventSpec = InterviewInput['events'] extends (infer E)[] | undefined ? E : never;

/** Acme, interviewed Monday 2 Nov 2026 at 10:00 in New York. */
function interview(over: Partial<InterviewInput> = {}): Interview {
  return Interview.parse({
    company: 'Acme Robotics',
    role: 'Data Analyst',
    interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
    interviewedAt: '2026-11-02T15:00:00Z',
    timeZone: 'America/New_York',
    events: [],
    ...over,
  });
}

/** An event at noon New York time on `date`. */
const on = (type: EventSpec['type'], date: string, decisionExpectedBy?: string | null): EventSpec => ({
  type,
  at: `${date}T17:00:00Z`,
  ...(decisionExpectedBy !== undefined ? { decisionExpectedBy } : {}),
});

/** Before and after the noon events above: 09:00 and 18:00 New York time (EST) on `date`. */
const nyMorning = (date: string) => new Date(`${date}T14:00:00Z`);
const nyEvening = (date: string) => new Date(`${date}T23:00:00Z`);

const summary = (plan: FollowUpPlan) => plan.actions.map((a) => `${a.type}@${a.dueOn}${a.overdue ? '!' : ''}`);

interface Case {
  name: string;
  over?: Partial<InterviewInput>;
  now: Date;
  status?: FollowUpPlan['status'];
  actions: string[];
}

function runTable(cases: Case[]) {
  it.each(cases)('$name', ({ over, now, status, actions }) => {
    const plan = planFollowUps(interview(over), now);
    expect(FollowUpPlan.parse(plan)).toEqual(plan);
    expect(summary(plan)).toEqual(actions);
    expect(plan.status).toBe(status ?? 'open');
  });
}

const THANKED = on('thank-you-sent', '2026-11-03');
const MONTH = { decisionExpectedBy: '2026-11-30' }; // horizon 28 days → grace 7 → follow-up 7 Dec

describe('R1: a thank-you note the day after the interview, late after a week', () => {
  runTable([
    { name: 'on the interview evening it is due tomorrow', over: MONTH, now: new Date('2026-11-03T01:00:00Z'), actions: ['send-thank-you@2026-11-03'] },
    { name: 'due the day after', over: MONTH, now: nyMorning('2026-11-03'), actions: ['send-thank-you@2026-11-03'] },
    { name: 'still not late on day 7', over: MONTH, now: nyMorning('2026-11-09'), actions: ['send-thank-you@2026-11-03'] },
    { name: 'overdue from day 8', over: MONTH, now: nyMorning('2026-11-10'), actions: ['send-thank-you@2026-11-03!'] },
    { name: 'listed up to a week before the interview', over: MONTH, now: nyMorning('2026-10-27'), actions: ['send-thank-you@2026-11-03'] },
    { name: 'not listed more than a week ahead', over: MONTH, now: nyMorning('2026-10-26'), actions: [] },
    // (a month-long wait would list its check-in here; two weeks has none)
    { name: 'gone once recorded', over: { decisionExpectedBy: '2026-11-16', events: [THANKED] }, now: nyMorning('2026-11-04'), actions: [] },
    { name: 'recorded the same evening counts', over: { decisionExpectedBy: '2026-11-16', events: [on('thank-you-sent', '2026-11-02')] }, now: nyMorning('2026-11-03'), actions: [] },
    {
      name: 'a thank-you recorded after now has not happened yet',
      over: { ...MONTH, events: [THANKED] },
      now: new Date('2026-11-03T12:00:00Z'),
      actions: ['send-thank-you@2026-11-03'],
    },
    {
      name: 'with no decision date, the follow-up replaces a thank-you never sent',
      over: { decisionExpectedBy: null },
      now: nyMorning('2026-11-13'),
      actions: ['follow-up@2026-11-13'],
    },
    {
      name: 'the day before, the late thank-you and the coming follow-up are both listed',
      over: { decisionExpectedBy: null },
      now: nyMorning('2026-11-12'),
      actions: ['send-thank-you@2026-11-03!', 'follow-up@2026-11-13'],
    },
    {
      name: 'Pacific/Auckland: 15:00Z on 2 Nov is 3 Nov there, so the thank-you is due 4 Nov',
      over: { ...MONTH, timeZone: 'Pacific/Auckland' },
      now: new Date('2026-11-03T10:00:00Z'),
      actions: ['send-thank-you@2026-11-04'],
    },
  ]);

  it('says "late is better than never" once late, and the draft apologises', () => {
    const [late] = planFollowUps(interview(MONTH), nyMorning('2026-11-12')).actions;
    expect(late?.why).toMatch(/late is better than never/i);
    expect(late?.draft?.body).toMatch(/later than I meant/);
    const [timely] = planFollowUps(interview(MONTH), nyMorning('2026-11-03')).actions;
    expect(timely?.why).not.toMatch(/late is better than never/i);
    expect(timely?.draft?.body).not.toMatch(/later than I meant/);
  });
});

describe('R2: follow up a little after the stated decision date; grace grows with the horizon', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 2],
    [7, 3],
    [14, 4],
    [20, 5],
    [21, 6],
    [27, 6],
    [28, 7],
    [90, 7],
  ])('horizon %i days → %i days of grace', (horizon, grace) => {
    expect(graceDaysFor(horizon)).toBe(grace);
  });

  runTable([
    {
      name: 'decision "tomorrow": follow up two days after the interview',
      over: { decisionExpectedBy: '2026-11-03', events: [THANKED] },
      now: nyEvening('2026-11-03'),
      actions: ['follow-up@2026-11-04'],
    },
    { name: 'one week (grace 3)', over: { decisionExpectedBy: '2026-11-09', events: [THANKED] }, now: nyMorning('2026-11-09'), actions: ['follow-up@2026-11-12'] },
    { name: 'two weeks (grace 4)', over: { decisionExpectedBy: '2026-11-16', events: [THANKED] }, now: nyMorning('2026-11-16'), actions: ['follow-up@2026-11-20'] },
    { name: 'a month (grace 7)', over: { ...MONTH, events: [THANKED] }, now: nyMorning('2026-12-01'), actions: ['follow-up@2026-12-07'] },
    {
      name: 'two months (grace 7, into the new year)',
      over: { decisionExpectedBy: '2026-12-31', events: [THANKED, on('check-in-sent', '2026-11-09')] },
      now: nyMorning('2027-01-02'),
      actions: ['follow-up@2027-01-07'],
    },
    { name: 'decision the same day: not before two days after', over: { decisionExpectedBy: '2026-11-02', events: [THANKED] }, now: nyEvening('2026-11-03'), actions: ['follow-up@2026-11-04'] },
    { name: 'unknown date: 10 days after the thank-you', over: { decisionExpectedBy: null, events: [THANKED] }, now: nyMorning('2026-11-08'), actions: ['follow-up@2026-11-13'] },
    {
      name: 'unknown date and a late thank-you: 10 days after it',
      over: { decisionExpectedBy: null, events: [on('thank-you-sent', '2026-11-06')] },
      now: nyMorning('2026-11-10'),
      actions: ['follow-up@2026-11-16'],
    },
    {
      name: 'a decision date before the interview is treated as unknown',
      over: { decisionExpectedBy: '2026-10-20', events: [THANKED] },
      now: nyMorning('2026-11-08'),
      actions: ['follow-up@2026-11-13'],
    },
    { name: 'not listed 8 days ahead', over: { ...MONTH, events: [THANKED] }, now: nyMorning('2026-11-29'), actions: [] },
    { name: 'listed 7 days ahead', over: { ...MONTH, events: [THANKED] }, now: nyMorning('2026-11-30'), actions: ['follow-up@2026-12-07'] },
    { name: 'overdue the day after it was due', over: { ...MONTH, events: [THANKED] }, now: nyMorning('2026-12-08'), actions: ['follow-up@2026-12-07!'] },
    {
      name: 'a late thank-you pushes a follow-up due the same day to the next',
      over: { decisionExpectedBy: '2026-11-05', events: [on('thank-you-sent', '2026-11-07')] },
      now: nyEvening('2026-11-07'),
      actions: ['follow-up@2026-11-08'],
    },
  ]);

  it('explains the wait with the date they gave', () => {
    const [action] = planFollowUps(interview({ ...MONTH, events: [THANKED] }), nyMorning('2026-12-07')).actions;
    expect(action?.why).toBe(
      'They expected to decide by 30 Nov; a short follow-up 7 days later is appropriate. Send just one, citing their timeline and asking where they are in the process. Send it by email, the way they last reached you.',
    );
  });
});

describe('R3: an optional check-in about a week in, for horizons of three weeks or more', () => {
  const long = (events: EventSpec[], decisionExpectedBy: string | null = '2026-11-30') => ({ decisionExpectedBy, events });
  runTable([
    { name: 'a month-long wait: check-in at interview + 7', over: long([THANKED]), now: nyMorning('2026-11-09'), actions: ['check-in@2026-11-09'] },
    { name: 'listed a week ahead', over: long([THANKED]), now: nyMorning('2026-11-04'), actions: ['check-in@2026-11-09'] },
    { name: 'exactly three weeks qualifies', over: long([THANKED], '2026-11-23'), now: nyMorning('2026-11-09'), actions: ['check-in@2026-11-09'] },
    { name: 'under three weeks: no check-in', over: long([THANKED], '2026-11-22'), now: nyMorning('2026-11-09'), actions: [] },
    { name: 'no decision date: no check-in, only the follow-up coming', over: long([THANKED], null), now: nyMorning('2026-11-09'), actions: ['follow-up@2026-11-13'] },
    { name: 'skipped after congratulations in the previous 7 days', over: long([THANKED, on('congrats-sent', '2026-11-05')]), now: nyMorning('2026-11-09'), actions: [] },
    { name: 'congratulations 8 days before does not skip it', over: long([on('congrats-sent', '2026-11-01'), THANKED]), now: nyMorning('2026-11-09'), actions: ['check-in@2026-11-09'] },
    { name: 'congratulations sent after it fell due also skips it', over: long([THANKED, on('congrats-sent', '2026-11-10')]), now: nyMorning('2026-11-11'), actions: [] },
    { name: 'gone once sent', over: long([THANKED, on('check-in-sent', '2026-11-09')]), now: nyMorning('2026-11-10'), actions: [] },
    { name: 'offered for four days, then dropped', over: long([THANKED]), now: nyMorning('2026-11-12'), actions: ['check-in@2026-11-09'] },
    { name: 'not offered on the fifth day', over: long([THANKED]), now: nyMorning('2026-11-13'), actions: [] },
    { name: 'never overdue: it is optional', over: long([THANKED]), now: nyMorning('2026-11-11'), actions: ['check-in@2026-11-09'] },
    { name: 'not while the thank-you is still to send', over: long([]), now: nyMorning('2026-11-09'), actions: ['send-thank-you@2026-11-03'] },
    { name: 'a late thank-you pushes it five days after', over: long([on('thank-you-sent', '2026-11-08')]), now: nyMorning('2026-11-09'), actions: ['check-in@2026-11-13'] },
    {
      name: 'a reply with a long new horizon gives a check-in a week after the reply',
      over: long([THANKED, on('heard-back', '2026-11-20', '2026-12-31')]),
      now: nyMorning('2026-11-25'),
      actions: ['check-in@2026-11-27'],
    },
  ]);
});

describe('R4: one tasteful follow-up per timeline, citing their timeline', () => {
  runTable([
    { name: 'none once the follow-up is recorded', over: { ...MONTH, events: [THANKED, on('follow-up-sent', '2026-12-07')] }, now: nyMorning('2026-12-10'), actions: [] },
    {
      name: 'not even when a second follow-up was recorded anyway',
      over: { ...MONTH, events: [THANKED, on('follow-up-sent', '2026-12-07'), on('follow-up-sent', '2026-12-09')] },
      now: nyMorning('2026-12-10'),
      actions: [],
    },
    {
      name: 'a follow-up sent before they replied does not use up the new timeline',
      over: { ...MONTH, events: [THANKED, on('follow-up-sent', '2026-12-07'), on('heard-back', '2026-12-09', '2026-12-16')] },
      now: nyMorning('2026-12-16'),
      actions: ['follow-up@2026-12-19'],
    },
  ]);

  it('the draft cites the date they gave and asks where they are, never why they are silent', () => {
    const [action] = planFollowUps(interview({ ...MONTH, events: [THANKED] }), nyMorning('2026-12-07')).actions;
    expect(action?.type).toBe('follow-up');
    expect(action?.draft?.body).toMatch(/decide by 30 November/);
    expect(action?.draft?.body).toMatch(/where (you are|things stand) in the process/);
    expect(action?.draft?.body).not.toMatch(/\bwhy\b|haven't heard|not heard|no response|not (yet )?(answered|replied)/i);
  });

  it('after a reply, the draft cites the new date and when they gave it', () => {
    const [action] = planFollowUps(
      interview({ ...MONTH, events: [THANKED, on('heard-back', '2026-11-20', '2026-12-10')] }),
      nyMorning('2026-12-15'),
    ).actions;
    expect(action?.dueOn).toBe('2026-12-15');
    expect(action?.draft?.body).toMatch(/20 November/);
    expect(action?.draft?.body).toMatch(/10 December/);
  });
});

describe('R5: a week after an unanswered follow-up (or two unanswered notes), move on', () => {
  const followedUp = [THANKED, on('follow-up-sent', '2026-12-07')];
  runTable([
    { name: 'six days after the follow-up: still open, nothing to do', over: { ...MONTH, events: followedUp }, now: nyMorning('2026-12-13'), actions: [] },
    { name: 'seven days after: moved on', over: { ...MONTH, events: followedUp }, now: nyMorning('2026-12-14'), status: 'moved-on', actions: ['move-on@2026-12-14'] },
    { name: 'and it stays moved on', over: { ...MONTH, events: followedUp }, now: nyMorning('2027-02-01'), status: 'moved-on', actions: ['move-on@2026-12-14'] },
    {
      name: 'two unanswered check-ins are enough too',
      over: { ...MONTH, events: [THANKED, on('check-in-sent', '2026-11-09'), on('check-in-sent', '2026-11-16')] },
      now: nyMorning('2026-11-23'),
      status: 'moved-on',
      actions: ['move-on@2026-11-23'],
    },
    {
      name: 'the thank-you does not count as one of the two',
      over: { ...MONTH, events: [THANKED, on('check-in-sent', '2026-11-09')] },
      now: nyMorning('2026-11-20'),
      actions: [],
    },
    {
      name: 'a congratulations note does not count either',
      over: { ...MONTH, events: [THANKED, on('check-in-sent', '2026-11-09'), on('congrats-sent', '2026-11-16')] },
      now: nyMorning('2026-11-25'),
      actions: [],
    },
    {
      name: 'a reply after moving on opens the interview again',
      over: { ...MONTH, events: [...followedUp, on('heard-back', '2026-12-20', '2027-01-08')] },
      now: nyMorning('2027-01-08'),
      actions: ['follow-up@2027-01-13'],
    },
  ]);

  it('the move-on notice is kind and carries no draft', () => {
    const plan = planFollowUps(interview({ ...MONTH, events: followedUp }), nyMorning('2026-12-14'));
    const [moveOn] = plan.actions;
    expect(moveOn?.draft).toBeUndefined();
    expect(moveOn?.why).toMatch(/says nothing about you/);
    expect(moveOn?.overdue).toBe(false);
  });
});

describe('R6: no-contact means no outreach at all', () => {
  const noContact = { ...MONTH, contactPolicy: 'no-contact' as const };
  runTable([
    { name: 'no thank-you', over: noContact, now: nyMorning('2026-11-03'), actions: [] },
    { name: 'no check-in', over: { ...noContact, events: [THANKED] }, now: nyMorning('2026-11-09'), actions: [] },
    { name: 'no follow-up', over: noContact, now: nyMorning('2026-12-10'), actions: [] },
    { name: 'no follow-up with no date either', over: { ...noContact, decisionExpectedBy: null }, now: nyMorning('2026-11-20'), actions: [] },
    { name: 'the references notice is still given', over: { ...noContact, events: [on('references-requested', '2026-11-20')] }, now: nyEvening('2026-11-20'), actions: ['references-not-offer@2026-11-20'] },
    { name: 'an outcome still closes it', over: { ...noContact, events: [on('rejected', '2026-11-20')] }, now: nyMorning('2026-11-21'), status: 'closed', actions: [] },
  ]);

  it('the timeline shows no outreach milestones', () => {
    const kinds = nextKeyDates(interview(noContact), nyMorning('2026-11-10')).map((k) => k.kind);
    expect(kinds).toEqual(['interview', 'decision']);
  });
});

describe("R7: the channel is the employer's last one; in-person interviews mention a handwritten note", () => {
  it.each([
    [undefined, 'email', /by email/],
    ['email', 'email', /by email/],
    ['phone', 'phone', /short call/],
    ['letter', 'letter', /posted note/],
    ['linkedin', 'linkedin', /LinkedIn message/],
    ['in-person', 'in-person', /in person/],
    ['video', 'video', /by video/],
  ] as const)('lastEmployerChannel %s → %s', (given, channel, advice) => {
    const plan = planFollowUps(interview({ ...MONTH, ...(given ? { lastEmployerChannel: given } : {}) }), nyMorning('2026-11-03'));
    expect(plan.actions.map((a) => a.channel)).toEqual([channel]);
    expect(plan.actions[0]?.why).toMatch(advice);
  });

  it.each([
    ['in-person', true],
    ['video', false],
    ['phone', false],
    [undefined, false],
  ] as const)('format %s → handwritten option mentioned: %s', (format, mentioned) => {
    const [thanks] = planFollowUps(interview({ ...MONTH, ...(format ? { format } : {}) }), nyMorning('2026-11-03')).actions;
    expect(/handwritten/.test(thanks?.why ?? '')).toBe(mentioned);
  });

  it('every action names a channel, notices included', () => {
    const plan = planFollowUps(
      interview({ ...MONTH, lastEmployerChannel: 'phone', events: [THANKED, on('references-requested', '2026-11-20')] }),
      nyEvening('2026-11-20'),
    );
    expect(plan.actions.map((a) => `${a.type}:${a.channel}`)).toEqual(['references-not-offer:phone']);
  });
});

describe('R8: a congratulations note is contact, not a follow-up', () => {
  runTable([
    {
      name: 'it does not use up the follow-up',
      over: { ...MONTH, events: [THANKED, on('congrats-sent', '2026-11-25')] },
      now: nyMorning('2026-12-07'),
      actions: ['follow-up@2026-12-07'],
    },
    {
      name: 'it does not restart the clock like a reply',
      over: { decisionExpectedBy: null, events: [THANKED, on('congrats-sent', '2026-11-10')] },
      now: nyMorning('2026-11-13'),
      actions: ['follow-up@2026-11-13'],
    },
    {
      name: 'but the follow-up never lands on the same day as it',
      over: { decisionExpectedBy: null, events: [THANKED, on('congrats-sent', '2026-11-13')] },
      now: nyEvening('2026-11-13'),
      actions: ['follow-up@2026-11-14'],
    },
  ]);
});

describe('R9: references requested is a good sign, not an offer', () => {
  const refs = (date: string, extra: EventSpec[] = []) => ({ ...MONTH, events: [THANKED, on('references-requested', date), ...extra] });
  runTable([
    { name: 'the notice on the day', over: refs('2026-11-20'), now: nyEvening('2026-11-20'), actions: ['references-not-offer@2026-11-20'] },
    { name: 'and for the next two days', over: refs('2026-11-20'), now: nyMorning('2026-11-22'), actions: ['references-not-offer@2026-11-20'] },
    { name: 'then no more', over: refs('2026-11-20'), now: nyMorning('2026-11-23'), actions: [] },
    {
      name: 'it is a reply: the clock restarts, keeping their date if still ahead',
      over: refs('2026-11-20'),
      now: nyMorning('2026-12-01'),
      actions: ['follow-up@2026-12-04'],
    },
    {
      name: 'and with a new date, that date',
      over: { ...MONTH, events: [THANKED, on('references-requested', '2026-11-20', '2026-11-27')] },
      now: nyMorning('2026-11-27'),
      actions: ['follow-up@2026-11-30'],
    },
    { name: 'an offer after it closes the interview', over: refs('2026-11-20', [on('offer', '2026-11-21')]), now: nyMorning('2026-11-22'), status: 'closed', actions: [] },
  ]);

  it('the notice says it plainly and carries no draft', () => {
    const [notice] = planFollowUps(interview(refs('2026-11-20')), nyEvening('2026-11-20')).actions;
    expect(notice?.why).toMatch(/good sign/);
    expect(notice?.why).toMatch(/not an offer/);
    expect(notice?.why).toMatch(/keep applying/);
    expect(notice?.draft).toBeUndefined();
  });
});

describe('R11: a reply resets the clock; an outcome closes the interview', () => {
  runTable([
    {
      name: 'a reply with a new date: follow up a little after that date',
      over: { ...MONTH, events: [THANKED, on('heard-back', '2026-11-20', '2026-12-10')] },
      now: nyMorning('2026-12-12'),
      actions: ['follow-up@2026-12-15'],
    },
    {
      name: 'a reply without a date keeps the earlier date still ahead',
      over: { ...MONTH, events: [THANKED, on('heard-back', '2026-11-20')] },
      now: nyMorning('2026-11-28'),
      actions: ['follow-up@2026-12-04'],
    },
    {
      name: 'a reply saying there is no date yet (null): 10 days after it',
      over: { ...MONTH, events: [THANKED, on('heard-back', '2026-11-20', null)] },
      now: nyMorning('2026-11-28'),
      actions: ['follow-up@2026-11-30'],
    },
    {
      name: 'a reply after the decision date without a new one: 10 days after it',
      over: { decisionExpectedBy: '2026-11-09', events: [THANKED, on('heard-back', '2026-11-12')] },
      now: nyMorning('2026-11-20'),
      actions: ['follow-up@2026-11-22'],
    },
    {
      name: 'a reply before the interview day does not start a timeline',
      over: { ...MONTH, events: [on('heard-back', '2026-10-30', '2026-11-05'), THANKED] },
      now: nyMorning('2026-12-07'),
      actions: ['follow-up@2026-12-07'],
    },
    { name: 'an offer closes it', over: { ...MONTH, events: [THANKED, on('offer', '2026-11-20')] }, now: nyMorning('2026-12-07'), status: 'closed', actions: [] },
    { name: 'a rejection closes it', over: { ...MONTH, events: [on('rejected', '2026-11-02')] }, now: nyMorning('2026-11-03'), status: 'closed', actions: [] },
    { name: 'withdrawing closes it', over: { ...MONTH, events: [THANKED, on('withdrawn', '2026-11-05')] }, now: nyMorning('2026-12-07'), status: 'closed', actions: [] },
    {
      name: 'a later reply does not reopen a closed interview',
      over: { ...MONTH, events: [on('rejected', '2026-11-05'), on('heard-back', '2026-11-10', '2026-11-20')] },
      now: nyMorning('2026-11-21'),
      status: 'closed',
      actions: [],
    },
    {
      name: 'an outcome recorded for later has not happened yet',
      over: { ...MONTH, events: [THANKED, on('offer', '2026-12-20')] },
      now: nyMorning('2026-12-07'),
      actions: ['follow-up@2026-12-07'],
    },
  ]);
});

describe('calendar dates in the interview time zone, across daylight-saving changes', () => {
  // Interviewed Saturday 31 Oct, 23:30 EDT: the thank-you is late from 8 Nov, after clocks fell back on 1 Nov.
  const fallBack = { interviewedAt: '2026-10-31T23:30:00-04:00', decisionExpectedBy: '2026-11-28' };
  // Interviewed 7 Mar, decision "tomorrow": follow-up due 9 Mar, overdue from 10 Mar; clocks sprang forward on 8 Mar.
  const springForward = {
    interviewedAt: '2026-03-07T15:00:00Z',
    decisionExpectedBy: '2026-03-08',
    events: [{ type: 'thank-you-sent' as const, at: '2026-03-07T22:00:00Z' }],
  };
  // Interviewed 29 Mar in Auckland (NZDT): the thank-you is late from 6 Apr, after DST ended on 5 Apr.
  const auckland = { interviewedAt: '2026-03-28T22:00:00Z', timeZone: 'Pacific/Auckland', decisionExpectedBy: '2026-04-30' };
  runTable([
    { name: 'New York after fall-back: 04:30Z on 8 Nov is 23:30 EST on 7 Nov, not yet late', over: fallBack, now: new Date('2026-11-08T04:30:00Z'), actions: ['send-thank-you@2026-11-01'] },
    { name: 'New York after fall-back: 05:30Z on 8 Nov is 00:30 EST on 8 Nov, late', over: fallBack, now: new Date('2026-11-08T05:30:00Z'), actions: ['send-thank-you@2026-11-01!'] },
    { name: 'New York after spring-forward: 03:30Z on 10 Mar is 23:30 EDT on 9 Mar, due', over: springForward, now: new Date('2026-03-10T03:30:00Z'), actions: ['follow-up@2026-03-09'] },
    { name: 'New York after spring-forward: 04:30Z on 10 Mar is 00:30 EDT on 10 Mar, overdue', over: springForward, now: new Date('2026-03-10T04:30:00Z'), actions: ['follow-up@2026-03-09!'] },
    { name: 'Auckland after DST ends: 11:30Z on 5 Apr is 23:30 NZST on 5 Apr, not yet late', over: auckland, now: new Date('2026-04-05T11:30:00Z'), actions: ['send-thank-you@2026-03-30'] },
    { name: 'Auckland after DST ends: 12:30Z on 5 Apr is 00:30 NZST on 6 Apr, late', over: auckland, now: new Date('2026-04-05T12:30:00Z'), actions: ['send-thank-you@2026-03-30!'] },
    { name: 'an interview on the fall-back day itself: thank-you due the next day', over: { interviewedAt: '2026-11-01T06:30:00Z', decisionExpectedBy: '2026-11-30' }, now: new Date('2026-11-01T12:00:00Z'), actions: ['send-thank-you@2026-11-02'] },
  ]);

  it('the interview day is taken in the interview zone', () => {
    expect(assessInterview(interview({ interviewedAt: '2026-11-02T23:30:00Z', timeZone: 'UTC' }), nyMorning('2026-11-03')).interviewDate).toBe('2026-11-02');
    expect(assessInterview(interview({ interviewedAt: '2026-11-02T23:30:00Z', timeZone: 'Pacific/Auckland' }), nyMorning('2026-11-03')).interviewDate).toBe('2026-11-03');
    expect(assessInterview(interview({ interviewedAt: '2026-11-02T23:30:00Z', timeZone: 'America/Los_Angeles' }), nyMorning('2026-11-03')).interviewDate).toBe('2026-11-02');
  });
});

describe('the timeline the digest draws', () => {
  it('interview → thank-you → reply → decision → follow-up, with states', () => {
    const dates = nextKeyDates(
      interview({ ...MONTH, events: [THANKED, on('heard-back', '2026-11-20', '2026-12-10')] }),
      nyMorning('2026-12-15'),
    );
    expect(dates.map((d) => `${d.label}:${d.date}:${d.state}`)).toEqual([
      'Interview:2026-11-02:done',
      'Thank-you:2026-11-03:done',
      'They replied:2026-11-20:done',
      'Decision:2026-12-10:passed',
      'Follow-up:2026-12-15:due',
    ]);
  });

  it('shows an unknown decision date and when moving on would come', () => {
    const dates = nextKeyDates(interview({ decisionExpectedBy: null, events: [THANKED, on('follow-up-sent', '2026-11-13')] }), nyMorning('2026-11-15'));
    expect(dates.map((d) => `${d.kind}:${d.date}:${d.state}`)).toEqual([
      'interview:2026-11-02:done',
      'thank-you:2026-11-03:done',
      'decision:null:unknown',
      'follow-up:2026-11-13:done',
      'move-on:2026-11-20:upcoming',
    ]);
  });

  it('ends with the outcome once closed', () => {
    const dates = nextKeyDates(interview({ ...MONTH, events: [THANKED, on('offer', '2026-11-20')] }), nyMorning('2026-11-21'));
    expect(dates.at(-1)).toEqual({ kind: 'outcome', label: 'Offer', date: '2026-11-20', state: 'done' });
  });
});

it('the rule tables are the ones the design describes', () => {
  expect(FOLLOW_UP_RULES.thankYou).toEqual({ dueAfterInterviewDays: 1, lateAfterInterviewDays: 7 });
  expect(FOLLOW_UP_RULES.followUp.noDateWaitDays).toBe(10);
  expect(FOLLOW_UP_RULES.checkIn.minHorizonDays).toBe(21);
  expect(FOLLOW_UP_RULES.moveOn.waitDays).toBe(7);
  expect(FOLLOW_UP_RULES.lookAheadDays).toBe(7);
});
