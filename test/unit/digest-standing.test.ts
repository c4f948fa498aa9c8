/**
 * DESIGN.md §3: the digest lists every open interview. One with nothing to do this week gets one
 * short line — where it stands and the next date — in both parts of the digest, with no draft.
 */
import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../functions/app/digest/digest-email.js';
import { interviewStanding, type DigestInput } from '../../functions/domain/digest/index.js';
import { planFollowUps } from '../../functions/domain/follow-up/index.js';
import type { InterviewInput, StoredInterview } from '../../functions/domain/interview.js';
import { newStoredInterview } from '../support/records.js';

const NOW = new Date('2026-12-07T13:00:00Z'); // 08:00 in New York, Monday 7 December
const ZONE = 'America/New_York';
const at = (day: string) => `2026-${day}T15:00:00Z`;

function interview(company: string, fields: Partial<InterviewInput>): StoredInterview {
  return newStoredInterview({ id: `company-${company}`, subscriberId: 'sub-1', name: company }, { timeZone: ZONE, role: 'Data Analyst', ...fields });
}

/** Interview states with nothing to do this week → the line the digest and the Today page show. */
const STATES: Array<[string, Partial<InterviewInput>, string]> = [
  [
    'waiting for a decision date ahead (check-in already sent)',
    { interviewedAt: at('11-29'), decisionExpectedBy: '2026-12-21', events: [{ type: 'thank-you-sent', at: at('11-30') }, { type: 'check-in-sent', at: at('12-06') }] },
    'waiting for their decision by 21 Dec; follow up on 27 Dec if you hear nothing',
  ],
  [
    'waiting, no decision date given',
    { interviewedAt: at('12-04'), decisionExpectedBy: null, events: [{ type: 'thank-you-sent', at: at('12-05') }] },
    'waiting to hear back (no decision date given); follow up on 15 Dec if you hear nothing',
  ],
  [
    'they replied with a new date',
    { interviewedAt: at('11-10'), decisionExpectedBy: '2026-11-24', events: [{ type: 'thank-you-sent', at: at('11-11') }, { type: 'heard-back', at: at('12-04'), decisionExpectedBy: '2026-12-20' }] },
    'they replied on 4 Dec; waiting for their decision by 20 Dec; follow up on 25 Dec if you hear nothing',
  ],
  [
    'they replied without a date',
    { interviewedAt: at('11-10'), decisionExpectedBy: '2026-11-24', events: [{ type: 'thank-you-sent', at: at('11-11') }, { type: 'heard-back', at: at('12-05'), decisionExpectedBy: null }] },
    'they replied on 5 Dec without a decision date; follow up on 15 Dec if you hear nothing',
  ],
  [
    'references asked for, days ago (the notice has been given)',
    { interviewedAt: at('11-20'), decisionExpectedBy: '2026-12-20', events: [{ type: 'thank-you-sent', at: at('11-21') }, { type: 'references-requested', at: at('12-01') }] },
    'they asked for references on 1 Dec; waiting for their decision by 20 Dec; follow up on 25 Dec if you hear nothing',
  ],
  [
    'the one follow-up went out',
    { interviewedAt: at('11-10'), decisionExpectedBy: '2026-11-25', events: [{ type: 'thank-you-sent', at: at('11-11') }, { type: 'follow-up-sent', at: at('12-03') }] },
    'you followed up on 3 Dec; if you hear nothing by 10 Dec, it is time to move on',
  ],
  [
    'no contact, decision date ahead',
    { interviewedAt: at('12-02'), decisionExpectedBy: '2026-12-16', contactPolicy: 'no-contact', events: [] },
    'they asked for no contact, so nothing is needed until they reach out; they expect to decide by 16 Dec',
  ],
  [
    'no contact, decision date passed',
    { interviewedAt: at('11-02'), decisionExpectedBy: '2026-11-20', contactPolicy: 'no-contact', events: [] },
    'they asked for no contact, so nothing is needed until they reach out',
  ],
  [
    'no contact, no date',
    { interviewedAt: at('12-02'), decisionExpectedBy: null, contactPolicy: 'no-contact', events: [] },
    'they asked for no contact, so nothing is needed until they reach out',
  ],
  [
    'interview still ahead',
    { interviewedAt: at('12-20'), decisionExpectedBy: null, events: [] },
    'interview on 20 Dec; your thank-you note is due on 21 Dec',
  ],
];

function digestInput(interviews: StoredInterview[]): DigestInput {
  return {
    settings: { timeZone: ZONE },
    now: NOW,
    interviews: interviews.map((i) => ({ interview: i, plan: planFollowUps(i, NOW) })),
    goodNews: [],
    keepLooking: { openInterviews: interviews.length, daysSinceLastInterviewLogged: 2 },
    links: {
      interviewEvent: (id, event) => `https://afterview.example/a/${id}/${event}`,
      stopWatching: (id) => `https://afterview.example/stop/${id}`,
      unsubscribe: () => 'https://afterview.example/unsubscribe',
      calendar: () => null,
    },
  };
}

describe('the line for an open interview with nothing to do this week', () => {
  it.each(STATES)('%s', async (_state, fields, line) => {
    const open = interview('Bluefin Analytics', fields);
    expect(planFollowUps(open, NOW)).toEqual({ status: 'open', actions: [] });
    expect(interviewStanding(open, NOW)).toBe(line);

    const digest = await composeDigest(digestInput([open]));
    expect(digest.text).toContain(`OTHER OPEN INTERVIEWS\n---------------------\n* Bluefin Analytics (Data Analyst): ${line}\n`);
    expect(digest.html).toContain('>Other open interviews</h2>');
    expect(digest.html).toContain(`<strong>Bluefin Analytics</strong> <span style="color:#6b7280;">(Data Analyst)</span>: ${line}</div>`);
    // A line, not a suggestion: no draft, no link to record anything, nothing that makes the day worth a mail.
    expect(digest.text).not.toMatch(/Subject:|I sent it|\/a\//);
    expect(digest.hasSomethingToSay).toBe(false);
  });

  it('a decision date that passed while the follow-up waits says so', () => {
    // Not a state the plan leaves without an action this week, but the words must still be right.
    const passed = interview('Bluefin Analytics', { interviewedAt: at('11-02'), decisionExpectedBy: '2026-12-04', events: [{ type: 'thank-you-sent', at: at('11-03') }] });
    expect(interviewStanding(passed, NOW)).toBe('their decision date (4 Dec) has passed; follow up on 11 Dec if you hear nothing');
  });

  it('lists every open interview exactly once: in TODAY or COMING UP with its timeline, or with its line', async () => {
    const due = interview('Acme Robotics', { interviewedAt: at('12-06'), decisionExpectedBy: '2026-12-20', events: [] });
    const coming = interview('Copperleaf Health', { interviewedAt: at('11-27'), decisionExpectedBy: '2026-12-08', events: [{ type: 'thank-you-sent', at: at('11-28') }] });
    const quiet = interview('Harbor & Pine', { interviewedAt: at('12-02'), decisionExpectedBy: '2026-12-16', contactPolicy: 'no-contact', events: [] });
    const waiting = interview('Bluefin Analytics', STATES[0]![1]);
    const closed = interview('Initech', { events: [{ type: 'rejected', at: at('11-20') }] });
    const movedOn = interview('Globex', { interviewedAt: at('11-02'), decisionExpectedBy: '2026-11-16', events: [{ type: 'thank-you-sent', at: at('11-03') }, { type: 'follow-up-sent', at: at('11-26') }] });
    const digest = await composeDigest(digestInput([due, coming, quiet, waiting, closed, { ...movedOn, movedOnNoticeAt: '2026-12-04T13:00:00Z' }]));

    const sections = digest.text.split(/\n(?=[A-Z ]+\n-+\n)/);
    const section = (name: string) => sections.find((s) => s.startsWith(`${name}\n`)) ?? '';
    expect(section('TODAY')).toContain('Acme Robotics · Data Analyst');
    expect(section('COMING UP')).toContain('Copperleaf Health · Data Analyst');
    expect(section('OTHER OPEN INTERVIEWS').split('\n').slice(2).filter(Boolean)).toEqual([
      `* Bluefin Analytics (Data Analyst): ${STATES[0]![2]}`,
      `* Harbor & Pine (Data Analyst): ${STATES[6]![2]}`,
    ]);
    // Each open interview in one place only.
    const placed = ['TODAY', 'COMING UP', 'OTHER OPEN INTERVIEWS'].map((name) =>
      ['Acme Robotics', 'Copperleaf Health', 'Bluefin Analytics', 'Harbor & Pine'].filter((c) => section(name).includes(`${c} `)),
    );
    expect(placed).toEqual([['Acme Robotics'], ['Copperleaf Health'], ['Bluefin Analytics', 'Harbor & Pine']]);
    // Closed and moved-on interviews are not open: no line for them (the move-on notice was given once already).
    expect(digest.text).not.toContain('Initech');
    expect(digest.text).not.toContain('Globex');
    expect(digest.html).toContain('<strong>Harbor &amp; Pine</strong>');
  });
});
