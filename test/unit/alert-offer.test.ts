/**
 * What an alert about good news may offer for one interview (DESIGN.md R6, R8, R1), as a table:
 * a congratulations note, the thank-you with the news folded in while the thank-you is due (once
 * per interview), or nothing — and the slot a re-sent alert about the same story may take again.
 */
import { describe, expect, it } from 'vitest';
import { alertOffer, slotFreeIfBefore } from '../../functions/domain/news-watch/congratulations-allowed.js';
import type { Interview } from '../../functions/domain/interview.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const STORY = 'acme#story-1';
const base: Interview = {
  company: 'Acme Robotics',
  role: 'Data Analyst',
  interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
  interviewedAt: '2026-11-02T15:00:00Z',
  decisionExpectedBy: '2026-12-30',
  contactPolicy: 'ok',
  lastEmployerChannel: 'email',
  timeZone: 'UTC',
  events: [{ type: 'thank-you-sent', at: '2026-11-03T09:00:00Z' }],
};
type Slot = { lastCongratsSuggestedAt?: string; lastCongratsStoryKey?: string };
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const thankYouDue: Partial<Interview> = { interviewedAt: daysAgo(1), events: [] };

describe('what an alert may offer', () => {
  it.each<[string, Partial<Interview> & Slot, 'congratulations' | 'thank-you' | null]>([
    ['thank-you sent, nothing suggested lately', {}, 'congratulations'],
    ['a congratulations suggested 10 days ago', { lastCongratsSuggestedAt: daysAgo(10) }, null],
    ['… for this very story (a run died before sending it)', { lastCongratsSuggestedAt: daysAgo(0.1), lastCongratsStoryKey: STORY }, 'congratulations'],
    ['… for another story', { lastCongratsSuggestedAt: daysAgo(0.1), lastCongratsStoryKey: 'acme#story-2' }, null],
    ['a congratulations suggested 15 days ago', { lastCongratsSuggestedAt: daysAgo(15) }, 'congratulations'],
    ['other contact two days ago (R8: none within 3 days)', { events: [...base.events, { type: 'heard-back', at: daysAgo(2) }] }, null],
    ['no contact asked (R6)', { contactPolicy: 'no-contact' }, null],
    ['closed (R11)', { events: [...base.events, { type: 'rejected', at: daysAgo(1) }] }, null],
    ['thank-you still due (R8 with R1): the thank-you with the news', thankYouDue, 'thank-you'],
    ['thank-you still due, under no-contact', { ...thankYouDue, contactPolicy: 'no-contact' }, null],
    ['thank-you still due, one such alert already went', { ...thankYouDue, lastCongratsSuggestedAt: daysAgo(0.5), lastCongratsStoryKey: 'acme#story-0' }, null],
    ['thank-you still due, the alert that went was this story’s own', { ...thankYouDue, lastCongratsSuggestedAt: daysAgo(0.5), lastCongratsStoryKey: STORY }, 'thank-you'],
    ['thank-you overdue for weeks, one such alert went 20 days ago: still once per interview', { interviewedAt: daysAgo(30), events: [], lastCongratsSuggestedAt: daysAgo(20) }, null],
  ])('%s', (_case, change, offer) => {
    expect(alertOffer({ ...base, ...change }, NOW, STORY).offer).toBe(offer);
  });

  it('takes the slot free of any suggestion in 14 days — and, for the thank-you, of any since the interview', () => {
    expect(slotFreeIfBefore('congratulations', base, NOW).toISOString()).toBe(daysAgo(14));
    const yesterday = { interviewedAt: daysAgo(1) };
    expect(slotFreeIfBefore('thank-you', yesterday, NOW).getTime()).toBe(Date.parse(daysAgo(14)));
    const longAgo = { interviewedAt: daysAgo(30) };
    expect(slotFreeIfBefore('thank-you', longAgo, NOW).getTime()).toBe(Date.parse(daysAgo(30)) - 1);
  });
});
