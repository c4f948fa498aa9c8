import { describe, expect, it } from 'vitest';
import { composeDigest } from '../../functions/app/digest/digest-email.js';
import {
  keepLookingAdvice,
  mailtoLink,
  type DigestInput,
  type DigestLinks,
  type GoodNewsItem,
} from '../../functions/domain/digest/index.js';
import { planFollowUps } from '../../functions/domain/follow-up/index.js';
import { Interview, type InterviewInput, type StoredInterview } from '../../functions/domain/interview.js';

const NOW = new Date('2026-12-07T13:00:00Z'); // 08:00 in New York, Monday 7 December

function stored(id: string, over: Partial<InterviewInput> = {}, extra: Partial<StoredInterview> = {}): StoredInterview {
  const interview = Interview.parse({
    company: 'Acme Robotics',
    role: 'Data Analyst',
    interviewer: { name: 'Dana Lee', email: 'dana@acme.example' },
    interviewedAt: '2026-11-02T15:00:00Z',
    decisionExpectedBy: '2026-11-30',
    timeZone: 'America/New_York',
    events: [{ type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' }],
    ...over,
  });
  return { ...interview, id, subscriberId: 'sub-1', companyId: `company-${id}`, createdAt: '2026-11-02T20:00:00Z', updatedAt: '2026-11-02T20:00:00Z', ...extra };
}

const links: DigestLinks = {
  interviewEvent: (id, event) => `https://afterview.example/a/${id}/${event}`,
  stopWatching: async (companyId) => `https://afterview.example/stop/${companyId}`,
  unsubscribe: () => 'https://afterview.example/unsubscribe?token=t&x=1',
  calendar: (id, action) => (action.type === 'follow-up' ? `https://afterview.example/ics/${id}/${action.dueOn}` : null),
};

function input(interviews: StoredInterview[], over: Partial<DigestInput> = {}): DigestInput {
  return {
    settings: { timeZone: 'America/New_York' },
    now: NOW,
    interviews: interviews.map((interview) => ({ interview, plan: planFollowUps(interview, NOW) })),
    goodNews: [],
    keepLooking: { openInterviews: 4, daysSinceLastInterviewLogged: 2 },
    links,
    ...over,
  };
}

const news = (over: Partial<GoodNewsItem> = {}): GoodNewsItem => ({
  companyId: 'company-a',
  companyName: 'Acme Robotics',
  storyId: 'story-1',
  title: 'Acme Robotics wins national innovation award',
  publisher: 'Example Times',
  link: 'https://news.example/acme-award',
  publishedAt: '2026-12-06T10:00:00Z',
  event: 'award',
  congratulate: true,
  interviewIds: ['a'],
  forInformationOnly: false,
  note: { subject: 'Congratulations on the award', body: 'Hi Dana,\n\nCongratulations to the whole team on the award.\n\nBest regards,' },
  ...over,
});

describe('composeDigest', () => {
  it('the subject says what is due today', async () => {
    const one = await composeDigest(input([stored('a')]));
    expect(one.subject).toBe('Today: follow up with Acme Robotics');

    const two = await composeDigest(
      input([stored('a'), stored('b', { company: 'Globex', interviewedAt: '2026-12-06T15:00:00Z', decisionExpectedBy: null, events: [] })]),
    );
    expect(two.subject).toBe('Today: follow up with Acme Robotics and send your thank-you note to Globex');

    const three = await composeDigest(
      input([
        stored('a'),
        stored('b', { company: 'Globex', interviewedAt: '2026-12-06T15:00:00Z', events: [] }),
        stored('c', { company: 'Initech', interviewedAt: '2026-12-06T15:00:00Z', events: [] }),
      ]),
    );
    expect(three.subject).toMatch(/^Today: .+, and 2 more things to do$/);
  });

  it('says "Overdue" when everything due is late', async () => {
    const late = await composeDigest(input([stored('a', { interviewedAt: '2026-11-25T15:00:00Z', decisionExpectedBy: '2026-12-30', events: [] })]));
    expect(late.subject).toBe('Overdue: send your thank-you note to Acme Robotics');
    expect(late.text).toContain('overdue, was due 26 Nov');
  });

  it('carries the draft, the why, and one-click links for each action due', async () => {
    const digest = await composeDigest(input([stored('a')]));
    expect(digest.hasSomethingToSay).toBe(true);
    expect(digest.text).toContain('Follow up, once (due today), by email');
    expect(digest.text).toContain('Subject: Following up');
    expect(digest.text).toContain('you mentioned you hoped to decide by 30 November');
    expect(digest.text).toContain('I sent it: https://afterview.example/a/a/follow-up-sent');
    expect(digest.text).toContain('They replied: https://afterview.example/a/a/heard-back');
    expect(digest.text).toContain('Add to calendar: https://afterview.example/ics/a/2026-12-07');
    expect(digest.text).toContain('Unsubscribe: https://afterview.example/unsubscribe?token=t&x=1');
    const mailto = mailtoLink('dana@acme.example', planFollowUps(stored('a'), NOW).actions[0]!.draft!);
    expect(digest.html).toContain(`href="${mailto.replace(/&/g, '&amp;')}"`);
    expect(digest.html).toContain('href="https://afterview.example/unsubscribe?token=t&amp;x=1"');
  });

  it('draws a timeline per interview: interview → thank-you → decision → follow-up', async () => {
    const digest = await composeDigest(input([stored('a')]));
    expect(digest.text).toContain('Interview 2 Nov ✓ → Thank-you 3 Nov ✓ → Decision 30 Nov (passed) → Follow-up 7 Dec (due)');
    const labels = [...digest.html.matchAll(/<div style="color:[^"]+;font-weight:[a-z]+;">([^<]+)<\/div>/g)].map((m) => m[1]);
    expect(labels).toEqual(['Interview', 'Thank-you', 'Decision', 'Follow-up']);
  });

  it('escapes hostile names everywhere in the HTML', async () => {
    const evil = stored('e', {
      company: '<script>alert("c")</script>',
      role: '<img src=x onerror=alert(1)>',
      interviewer: { name: '"><svg onload=alert(2)> Eve', email: 'eve@evil.example' },
      interviewedAt: '2026-12-06T15:00:00Z',
      events: [],
    });
    const digest = await composeDigest(
      input([evil], {
        goodNews: [
          news({
            companyName: '<b>Evil</b> & Co',
            title: '<iframe src="https://evil.example"></iframe> wins',
            publisher: '<script>x</script>',
            link: 'javascript:alert(3)',
            interviewIds: ['e'],
          }),
        ],
      }),
    );
    expect(digest.html).not.toMatch(/<script|<img|<svg|<iframe|<b>Evil|javascript:/i);
    expect(digest.html).toContain('&lt;script&gt;alert(&quot;c&quot;)&lt;/script&gt;');
    expect(digest.html).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; Co');
    expect(digest.text).not.toContain('javascript:');
    expect(digest.subject).toBe('Today: send your thank-you note to <script>alert("c")</script>');
  });

  it('has nothing to say when nothing is due, only upcoming dates', async () => {
    const waiting = stored('w', { decisionExpectedBy: '2026-12-05' });
    const digest = await composeDigest(input([waiting]));
    expect(digest.hasSomethingToSay).toBe(false);
    expect(digest.subject).toBe('Nothing due today. Next: follow up with Acme Robotics on 12 Dec');
    expect(digest.text).toContain('COMING UP');
    expect(digest.text).toContain('Nothing needs doing today.');
    expect(digest.text).toContain('KEEP LOOKING');
  });

  it('has nothing to say with no interviews and no news, and still composes a short mail', async () => {
    const digest = await composeDigest(input([], { keepLooking: { openInterviews: 0, daysSinceLastInterviewLogged: null } }));
    expect(digest.hasSomethingToSay).toBe(false);
    expect(digest.subject).toBe('Nothing due today: your afterview digest');
    expect(digest.text).toContain('You have no open interviews right now.');
  });

  it('ignores closed interviews', async () => {
    const closed = stored('x', { events: [{ type: 'offer', at: '2026-11-20T15:00:00Z' }] });
    const digest = await composeDigest(input([closed]));
    expect(digest.hasSomethingToSay).toBe(false);
    expect(digest.text).not.toContain('Acme Robotics ·');
  });

  it('gives the moved-on notice once, kindly, and reports it so the job can mark it', async () => {
    const silent = stored('m', {
      events: [
        { type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' },
        { type: 'follow-up-sent', at: '2026-11-28T14:00:00Z' },
      ],
    });
    const first = await composeDigest(input([silent]));
    expect(first.hasSomethingToSay).toBe(true);
    expect(first.movedOnNoticeFor).toEqual(['m']);
    expect(first.subject).toBe('About Acme Robotics: time to put your energy elsewhere');
    expect(first.text).toContain('Time to let this one go');
    expect(first.text).toContain('the silence says nothing about you');
    expect(first.text).toContain('https://afterview.example/a/m/heard-back');

    const again = await composeDigest(input([{ ...silent, movedOnNoticeAt: '2026-12-06T13:00:00Z' }]));
    expect(again.movedOnNoticeFor).toEqual([]);
    expect(again.hasSomethingToSay).toBe(false);
    expect(again.text).not.toContain('Time to let this one go');
  });

  it('says plainly that references are not an offer', async () => {
    const refs = stored('r', {
      events: [
        { type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' },
        { type: 'references-requested', at: '2026-12-06T15:00:00Z' },
      ],
    });
    const digest = await composeDigest(input([refs]));
    expect(digest.hasSomethingToSay).toBe(true);
    expect(digest.subject).toBe('Acme Robotics asked for references: a good sign, not yet an offer');
    expect(digest.text).toContain('not an offer, so keep applying');
  });

  it('offers a congratulations note for good news, with mail-app and "I sent it" links', async () => {
    const waiting = stored('a', { decisionExpectedBy: '2026-12-20' });
    const digest = await composeDigest(input([waiting], { goodNews: [news()] }));
    expect(digest.hasSomethingToSay).toBe(true);
    expect(digest.subject).toBe('Good news from Acme Robotics');
    expect(digest.text).toContain('Acme Robotics: Acme Robotics wins national innovation award (Example Times)');
    expect(digest.text).toContain('Congratulations to the whole team on the award.');
    expect(digest.text).toContain('I sent it: https://afterview.example/a/a/congrats-sent');
    expect(digest.text).toContain('Stop watching Acme Robotics: https://afterview.example/stop/company-a');
    expect(digest.html).toContain('href="https://news.example/acme-award"');
    expect(digest.html).toContain(mailtoLink('dana@acme.example', news().note!).replace(/&/g, '&amp;'));
  });

  it('never offers a note for a no-contact interview: for your information only', async () => {
    const quiet = stored('q', { contactPolicy: 'no-contact' });
    // Even if the job forgot to mark it, the composer checks the interview's policy.
    const digest = await composeDigest(input([quiet], { goodNews: [news({ interviewIds: ['q'] })] }));
    expect(digest.text).toContain('For your information only');
    expect(digest.text).not.toContain('Congratulations to the whole team');
    expect(digest.text).not.toContain('congrats-sent');
    expect(digest.html).not.toContain('mailto:');

    const marked = await composeDigest(input([stored('a')], { goodNews: [news({ forInformationOnly: true })] }));
    expect(marked.text).toContain('For your information only');
    expect(marked.text).not.toContain('Congratulations to the whole team');
  });

  it('says the note already went by email, on the subscriber’s date, instead of "for your information only"', async () => {
    const item = news({
      forInformationOnly: true,
      note: undefined,
      // 02:30 on 7 December in UTC is still 6 December in New York.
      noteAlreadySentAt: '2026-12-07T02:30:00.000Z',
    });
    const digest = await composeDigest(input([stored('a')], { goodNews: [item] }));
    expect(digest.text).toContain('  The congratulations note for this went to you by email on 6 Dec.');
    expect(digest.html).toContain('>The congratulations note for this went to you by email on 6 Dec.</div>');
    expect(digest.text).not.toMatch(/for your information only/i);
    expect(digest.html).not.toMatch(/for your information only/i);
    expect(digest.text).not.toContain('congrats-sent');
    expect(digest.html).not.toContain('Congratulations%20to%20the%20whole%20team');
    // Even a note left on the item by mistake is not offered a second time.
    const twice = await composeDigest(input([stored('a')], { goodNews: [news({ noteAlreadySentAt: '2026-12-07T02:30:00.000Z' })] }));
    expect(twice.text).not.toContain('Congratulations to the whole team');
    expect(twice.text).toContain('went to you by email on 6 Dec');
  });

  it('points a story folded into a thank-you still due at that thank-you: above when due, or the day it will be', async () => {
    const award = { title: 'Acme Robotics wins national innovation award', event: 'award' };
    const folded = news({ forInformationOnly: true, note: undefined, interviewIds: ['g'], inThankYouOf: ['g'] });
    // Interviewed yesterday: the thank-you is due today and shown above with its draft.
    const yesterday = stored('g', { interviewedAt: '2026-12-06T15:00:00Z', decisionExpectedBy: '2026-12-20', events: [] });
    const due = await composeDigest(
      input([], { interviews: [{ interview: yesterday, plan: planFollowUps(yesterday, NOW, { news: award }) }], goodNews: [folded] }),
    );
    expect(due.text).toContain('national innovation award – congratulations to you and the team.');
    expect(due.text).toContain('  No separate note: your thank-you note above mentions this news.');
    expect(due.html).toContain('No separate note: your thank-you note above mentions this news.');
    expect(due.text).not.toMatch(/for your information only/i);
    expect(due.text.indexOf('Send your thank-you note')).toBeLessThan(due.text.indexOf('No separate note'));

    // Interviewed this afternoon: the thank-you (and the news in it) is for tomorrow.
    const evening = new Date('2026-12-07T23:00:00Z');
    const today = stored('g', { interviewedAt: '2026-12-07T15:00:00Z', decisionExpectedBy: '2026-12-20', events: [] });
    const later = await composeDigest(
      input([], { now: evening, interviews: [{ interview: today, plan: planFollowUps(today, evening, { news: award }) }], goodNews: [folded] }),
    );
    expect(later.text).toContain('  No separate note: your thank-you note, due 8 Dec, will mention this news.');
    expect(later.text).not.toMatch(/for your information only/i);
  });

  it('gives the reason a story comes without a note, in plain words', async () => {
    const cases = [
      ['no-contact', 'they asked not to be contacted'],
      ['moved-on', 'you have moved on from this one'],
      ['closed', 'this interview is closed'],
      ['too-soon', 'it is too soon after your last contact'],
      ['old-news', 'the story is too old to write about'],
    ] as const;
    for (const [noNoteReason, words] of cases) {
      const digest = await composeDigest(input([stored('a')], { goodNews: [news({ forInformationOnly: true, note: undefined, noNoteReason })] }));
      expect(digest.text, noNoteReason).toContain(`  For your information only: no note for this one, as ${words}.`);
      expect(digest.html, noNoteReason).toContain(`For your information only: no note for this one, as ${words}.`);
      expect(digest.text, noNoteReason).not.toMatch(/\(R\d+\)/);
    }
    // The composer's own R6 check names its reason too.
    const quiet = await composeDigest(input([stored('q', { contactPolicy: 'no-contact' })], { goodNews: [news({ interviewIds: ['q'] })] }));
    expect(quiet.text).toContain('as they asked not to be contacted.');
  });

  it('never offers a note for a moved-on interview', async () => {
    const silent = stored('m', {
      events: [
        { type: 'thank-you-sent', at: '2026-11-03T14:00:00Z' },
        { type: 'follow-up-sent', at: '2026-11-28T14:00:00Z' },
      ],
    });
    const digest = await composeDigest(input([silent], { goodNews: [news({ interviewIds: ['m'] })] }));
    expect(digest.text).not.toContain('Congratulations to the whole team');
  });

  it('is plain, self-contained HTML: tables, inline styles, no remote images, scripts or trackers', async () => {
    const digest = await composeDigest(input([stored('a')], { goodNews: [news()] }));
    expect(digest.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(digest.html).toContain('<table role="presentation"');
    expect(digest.html).not.toMatch(/<img|<script|<link|<style|url\(|background-image/i);
    const hrefs = [...digest.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/(afterview|news)\.example\/|mailto:)/);
  });

  it('dates the heading in the subscriber zone', async () => {
    const digest = await composeDigest(input([], { settings: { timeZone: 'Pacific/Auckland' }, now: new Date('2026-12-07T13:00:00Z') }));
    expect(digest.localDate).toBe('2026-12-08');
    expect(digest.text.split('\n')[0]).toBe('Your afterview digest for Tuesday 8 December');
  });
});

describe('keep looking (R10)', () => {
  it.each([
    [{ openInterviews: 5, daysSinceLastInterviewLogged: 2 }, null],
    [{ openInterviews: 2, daysSinceLastInterviewLogged: 2 }, /fewer than three open interviews/i],
    [{ openInterviews: 5, daysSinceLastInterviewLogged: 7 }, /No new interview in over a week/],
    [{ openInterviews: 1, daysSinceLastInterviewLogged: 12 }, /thin and quiet/],
    [{ openInterviews: 0, daysSinceLastInterviewLogged: null }, /thin and quiet/],
    [{ openInterviews: 3, daysSinceLastInterviewLogged: 6 }, null],
  ])('%j → nudge %s', (stats, nudge) => {
    const advice = keepLookingAdvice(stats);
    if (nudge) expect(advice.nudge).toMatch(nudge);
    else expect(advice.nudge).toBeNull();
    expect(advice.facts).toHaveLength(2);
  });

  it('every digest has the section, with the nudge when the pipeline is thin', async () => {
    const digest = await composeDigest(input([stored('a')], { keepLooking: { openInterviews: 1, daysSinceLastInterviewLogged: 9 } }));
    expect(digest.text).toContain('You have 1 open interview.');
    expect(digest.text).toContain('Your last new interview was logged 9 days ago.');
    expect(digest.html).toContain('Keep looking');
    expect(digest.html).toContain('thin and quiet');
  });
});

describe('mailtoLink', () => {
  it('prefills address, subject and body; CRLF line breaks; nothing can spill into another field', () => {
    const link = mailtoLink('dana@acme.example', { subject: 'Hi & bye?', body: 'Line 1\nLine 2 &cc=evil@example.com' });
    expect(link).toBe('mailto:dana@acme.example?subject=Hi%20%26%20bye%3F&body=Line%201%0D%0ALine%202%20%26cc%3Devil%40example.com');
  });
});
