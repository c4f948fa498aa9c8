/**
 * R8 with R1: good news that arrives while the thank-you is due is folded into the thank-you's
 * draft as one sentence (issue 12 item 3); nothing else in the plan changes.
 */
import { describe, expect, it } from 'vitest';
import { NEWS_IN_THANK_YOU, planFollowUps } from '../../functions/domain/follow-up/index.js';
import type { Interview } from '../../functions/domain/interview.js';

const interview: Interview = {
  company: 'Acme Robotics',
  role: 'Data Analyst',
  interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
  interviewedAt: '2026-11-02T15:00:00Z',
  format: 'video',
  decisionExpectedBy: '2026-11-30',
  contactPolicy: 'ok',
  lastEmployerChannel: 'email',
  timeZone: 'America/New_York',
  events: [],
};
const now = new Date('2026-11-03T13:00:00Z');
const news = { title: 'Acme Robotics wins $40 million rail contract from the state of Ohio', event: 'contract-win' };

describe('the thank-you with good news folded in', () => {
  it('adds one sentence naming the news to the thank-you draft, and says so in its why', () => {
    const plain = planFollowUps(interview, now);
    const folded = planFollowUps(interview, now, { news });
    const [before] = plain.actions;
    const [after] = folded.actions;
    expect(after!.type).toBe('send-thank-you');
    expect(after!.draft!.subject).toBe(before!.draft!.subject);
    expect(after!.draft!.body).not.toBe(before!.draft!.body);
    expect(after!.draft!.body).toMatch(/\$40 million rail contract/);
    expect(after!.why).toContain(NEWS_IN_THANK_YOU);
    expect(before!.why).not.toContain(NEWS_IN_THANK_YOU);
    // One sentence more, nothing else moved.
    expect(after!.draft!.body.split('\n\n').length).toBe(before!.draft!.body.split('\n\n').length);
    expect({ ...folded, actions: folded.actions.slice(1) }).toEqual({ ...plain, actions: plain.actions.slice(1) });
  });

  it('leaves the plan alone once the thank-you is sent, and under no-contact', () => {
    const sent: Interview = { ...interview, events: [{ type: 'thank-you-sent', at: '2026-11-03T12:00:00Z' }] };
    expect(planFollowUps(sent, now, { news })).toEqual(planFollowUps(sent, now));
    const noContact: Interview = { ...interview, contactPolicy: 'no-contact' };
    expect(planFollowUps(noContact, now, { news })).toEqual(planFollowUps(noContact, now));
  });
});
